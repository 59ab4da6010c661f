import Hummingbird

/// The ARM operations the emulator serves, matched on the raw request path.
enum ARMRoute: Sendable {
    case listSubscriptions
    case getSubscription(String)
    case listHostPoolsInSubscription(String)
    case listHostPools(ARMPath.Group)
    case getHostPool(ARMPath.Pool)
    case listSessionHosts(ARMPath.Pool)
    case getSessionHost(ARMPath.Host)
    case listUserSessionsInHostPool(ARMPath.Pool)
    case listUserSessions(ARMPath.Host)
    /// Get (GET) and Delete (DELETE).
    case userSession(ARMPath.Session)
    case disconnect(ARMPath.Session)
    case sendMessage(ARMPath.Session)

    static let namespace = "Microsoft.DesktopVirtualization"

    var methods: [HTTPRequest.Method] {
        switch self {
        case .userSession: [.get, .delete]
        case .disconnect, .sendMessage: [.post]
        default: [.get]
        }
    }

    var apiVersions: [String] {
        switch self {
        case .listSubscriptions, .getSubscription: APIVersion.subscriptions
        default: APIVersion.desktopVirtualization
        }
    }

    /// Finds the route for a raw path. Literal segments match case-insensitively; variable
    /// segments are percent-decoded only after the literals matched, so `a%2Fb` is the one
    /// name `a/b`, never two segments.
    /// - Returns: nil when no route has this shape.
    /// - Throws: `InvalidRequestUri` when a name segment is not valid percent-encoding.
    static func match(_ segments: [Substring]) throws(ARMError) -> ARMRoute? {
        for (pattern, build) in patterns where pattern.count == segments.count {
            let literalsMatch = zip(pattern, segments).allSatisfy { literal, segment in
                literal.map { segment.caseInsensitiveEquals($0) } ?? true
            }
            guard literalsMatch else { continue }
            var names: [String] = []
            for (literal, segment) in zip(pattern, segments) where literal == nil {
                guard let name = PercentEncoding.decode(segment) else { throw .invalidPathEncoding(segment) }
                names.append(name)
            }
            return build(names)
        }
        return nil
    }

    /// The 404 for a path no route matches: `InvalidResourceType` inside the desktop
    /// virtualization namespace, `NoRegisteredProviderFound` anywhere else.
    static func notFound(_ segments: [Substring], decodedPath: String, apiVersion: String?) -> ARMError {
        guard let providers = segments.firstIndex(where: { $0.caseInsensitiveEquals("providers") }),
            providers + 1 < segments.count,
            segments[providers + 1].caseInsensitiveEquals(namespace)
        else {
            return .noRegisteredProvider(decodedPath)
        }
        let types = segments[(providers + 2)...].enumerated().filter { $0.offset % 2 == 0 }.map { String($0.element) }
        return .invalidResourceType(types.joined(separator: "/"), apiVersion: apiVersion)
    }

    // nil marks a name; everything else is a literal.
    private static let rg: [String?] = ["subscriptions", nil, "resourceGroups", nil, "providers", namespace]
    private static let pool: [String?] = rg + ["hostPools", nil]
    private static let host: [String?] = pool + ["sessionHosts", nil]
    private static let session: [String?] = host + ["userSessions", nil]

    private static let patterns: [(pattern: [String?], build: @Sendable ([String]) -> ARMRoute)] = [
        (["subscriptions"], { _ in .listSubscriptions }),
        (["subscriptions", nil], { .getSubscription($0[0]) }),
        (["subscriptions", nil, "providers", namespace, "hostPools"], { .listHostPoolsInSubscription($0[0]) }),
        (rg + ["hostPools"], { .listHostPools(group($0)) }),
        (pool, { .getHostPool(poolPath($0)) }),
        (pool + ["sessionHosts"], { .listSessionHosts(poolPath($0)) }),
        (pool + ["userSessions"], { .listUserSessionsInHostPool(poolPath($0)) }),
        (host, { .getSessionHost(hostPath($0)) }),
        (host + ["userSessions"], { .listUserSessions(hostPath($0)) }),
        (session, { .userSession(sessionPath($0)) }),
        (session + ["disconnect"], { .disconnect(sessionPath($0)) }),
        (session + ["sendMessage"], { .sendMessage(sessionPath($0)) }),
    ]

    private static func group(_ names: [String]) -> ARMPath.Group {
        ARMPath.Group(subscriptionId: names[0], resourceGroup: names[1])
    }

    private static func poolPath(_ names: [String]) -> ARMPath.Pool {
        ARMPath.Pool(group: group(names), hostPool: names[2])
    }

    private static func hostPath(_ names: [String]) -> ARMPath.Host {
        ARMPath.Host(pool: poolPath(names), sessionHost: names[3])
    }

    private static func sessionPath(_ names: [String]) -> ARMPath.Session {
        ARMPath.Session(host: hostPath(names), userSessionId: names[4])
    }
}
