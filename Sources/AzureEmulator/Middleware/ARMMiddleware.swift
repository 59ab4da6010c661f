import Foundation
import Hummingbird

/// Serves every path outside `/_emulator` and the identity endpoints as Azure Resource Manager,
/// routing on the raw path itself (see ``RequestTarget``): Hummingbird's trie router would not
/// give ARM's semantics (case-insensitive literals, 405 for known paths, envelope 404s, names
/// containing `/`). Adds the configured latency, delivers the faults that damage an answer
/// (drop, stall, truncation, invalid JSON) and writes the request log.
struct ARMMiddleware: RouterMiddleware {
    typealias Context = EmulatorRequestContext

    let controller: ARMController
    let store: EmulatorStore
    let latency: Duration
    /// The configured listening host, for links when a request has no `Host` header.
    let host: String

    func handle(
        _ request: Request, context: Context, next: (Request, Context) async throws -> Response
    ) async throws -> Response {
        let target = RequestTarget(rawPath: request.uri.path, rawQuery: request.uri.query ?? "")
        let segments = target.segments
        if segments.first == "_emulator" || IdentityPath.matches(segments) {
            return try await next(request, context)
        }
        let arrived = Date()
        if latency > .zero { try await Delay.wait(latency) }
        let answer = try await controller.respond(to: request, target: target) {
            RunningEmulator.baseURL(host: host, port: context.channel.localAddress?.port ?? 0)
        }
        var response = answer.response
        var status = response.status.code
        switch answer.requestFault?.kind {
        case .dropConnection:
            status = 0
            await FaultDelivery.drop(context.channel)
        case .stall(let delay):
            try await Delay.wait(delay)
        case .truncatedBody:
            response = await FaultDelivery.truncate(response, closing: context.channel)
        case .invalidJSON:
            response = FaultDelivery.invalidJSON()
            status = response.status.code
        default:
            break
        }
        let force = request.method == .delete ? try? ARMController.force(QueryParameters(target.rawQuery[...])) : nil
        await store.record(
            LoggedRequest(
                method: request.method.rawValue, path: target.rawPath, query: target.rawQuery, status: status,
                force: force ?? nil, requestId: context.requestID, time: arrived, faults: answer.faults.map(\.description)))
        return response
    }
}
