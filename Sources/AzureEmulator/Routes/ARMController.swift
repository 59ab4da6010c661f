import Hummingbird
import NIOCore

/// Answers Azure Resource Manager requests: authentication, fault injection, routing on the
/// raw path, api-version and query validation, then the store.
struct ARMController: Sendable {
    let store: EmulatorStore
    let authenticator: BearerAuthenticator
    let defaultPageSize: Int
    /// The phases some configured fault rule belongs to; the store is not asked about others.
    let faultPhases: Set<Fault.Phase>

    /// SendMessage bodies are two short strings; anything bigger is a client bug.
    static let maximumBodySize = 64 * 1_024

    /// - Parameters:
    ///   - request: the request.
    ///   - target: its raw path and query.
    ///   - fallbackBaseURL: the bound address, for `nextLink` when the request carries no usable `Host` header.
    /// - Returns: the answer and the faults that hit the request. A drop, stall, truncation or
    ///   invalid-JSON fault is only reported here: the caller delivers it.
    func respond(
        to request: Request, target: RequestTarget, fallbackBaseURL: @escaping @Sendable () -> String
    ) async throws -> ARMAnswer {
        do {
            try await authenticator.check(request.headers)
        } catch {
            return ARMAnswer(error.response())
        }
        var fault: Fault?
        if faultPhases.contains(.request) {
            fault = await store.takeFault(.request, method: request.method.rawValue, decodedPath: target.decodedPath)
        }
        if let fault {
            if let error = fault.error(method: request.method, decodedPath: target.decodedPath) {
                return ARMAnswer(error.response(), faults: [fault])
            }
            switch fault.kind {
            case .dropConnection:
                // Not handled at all: the caller closes the connection before anything happens.
                return ARMAnswer(Response(status: .ok), faults: [fault])
            case .latency(let delay):
                try await Delay.wait(delay)
            default:
                break
            }
        }
        var answer: ARMAnswer
        do {
            answer = try await route(request, target: target, fallbackBaseURL: fallbackBaseURL)
        } catch let error as ARMError {
            answer = ARMAnswer(error.response())
        } catch let error as any HTTPResponseError {
            answer = ARMAnswer(ARMError.generic(status: error.status).response())
        }
        if let fault { answer.faults.insert(fault, at: 0) }
        return answer
    }

    /// Routing, validation and the store: the request as the service would handle it.
    private func route(
        _ request: Request, target: RequestTarget, fallbackBaseURL: @escaping @Sendable () -> String
    ) async throws -> ARMAnswer {
        let segments = target.segments
        let route = try ARMRoute.match(segments)
        let query = QueryParameters(target.rawQuery[...])
        guard let route else {
            throw ARMRoute.notFound(segments, decodedPath: target.decodedPath, apiVersion: query["api-version"])
        }
        guard route.methods.contains(request.method) else {
            throw ARMError.methodNotAllowed(request.method, allowed: route.methods)
        }
        let apiVersion = try APIVersion.check(query, supported: route.apiVersions)
        let lister = Lister(
            request: request, target: target, query: query, apiVersion: apiVersion, defaultPageSize: defaultPageSize,
            fallbackBaseURL: fallbackBaseURL, store: store, faultPhases: faultPhases)

        switch route {
        case .listSubscriptions:
            return try await lister.respond { page throws(ARMError) in await store.listSubscriptions(page) }
        case .getSubscription(let subscriptionId):
            return ARMAnswer(JSONResponse.make(try await store.subscriptionJSON(subscriptionId)))
        case .listHostPoolsInSubscription(let subscriptionId):
            return try await lister.respond { page throws(ARMError) in try await store.listHostPools(subscriptionId: subscriptionId, page) }
        case .listHostPools(let group):
            return try await lister.respond { page throws(ARMError) in try await store.listHostPools(group, page) }
        case .getHostPool(let pool):
            return ARMAnswer(JSONResponse.make(try await store.hostPoolJSON(pool)))
        case .listSessionHosts(let pool):
            return try await lister.respond { page throws(ARMError) in try await store.listSessionHosts(pool, page) }
        case .getSessionHost(let host):
            return ARMAnswer(JSONResponse.make(try await store.sessionHostJSON(host)))
        case .listUserSessionsInHostPool(let pool):
            let filter = try query["$filter"].map { text throws(ARMError) in try SessionFilter.parse(text) }
            return try await lister.respond(filter: query["$filter"]) { page throws(ARMError) in
                try await store.listUserSessions(pool, filter: filter, page)
            }
        case .listUserSessions(let host):
            // UserSessions_List declares no $filter; refusing it beats silently returning everything.
            if query["$filter"] != nil {
                throw ARMError.invalidParameter(
                    "$filter", value: query["$filter"] ?? "",
                    expectation: "listing the user sessions of one session host does not support $filter; "
                        + "filter with …/hostPools/{hostPoolName}/userSessions instead")
            }
            return try await lister.respond { page throws(ARMError) in try await store.listUserSessions(host, page) }
        case .userSession(let session) where request.method == .delete:
            _ = try Self.force(query)
            try await store.deleteUserSession(session)
            return ARMAnswer(JSONResponse.emptyOK())
        case .userSession(let session):
            return ARMAnswer(JSONResponse.make(try await store.userSessionJSON(session)))
        case .disconnect(let session):
            try await store.disconnectUserSession(session)
            return ARMAnswer(JSONResponse.emptyOK())
        case .sendMessage(let session):
            let body = try await Self.collectBody(request)
            let message = try SendMessageBody.parse(body)
            try await store.sendMessage(session, title: message.messageTitle, body: message.messageBody)
            return ARMAnswer(JSONResponse.emptyOK())
        }
    }

    /// The `force` parameter of Delete; nil when absent.
    static func force(_ query: QueryParameters) throws(ARMError) -> Bool? {
        guard let text = query["force"] else { return nil }
        guard let value = Bool(caseInsensitive: text) else {
            throw .invalidParameter("force", value: text, expectation: "it must be true or false")
        }
        return value
    }

    private static func collectBody(_ request: Request) async throws -> ByteBuffer {
        do {
            return try await request.body.collect(upTo: maximumBodySize)
        } catch let error as any HTTPResponseError where error.status == .contentTooLarge {
            throw ARMError.invalidRequestContent("the body is larger than \(maximumBodySize) bytes")
        }
    }
}
