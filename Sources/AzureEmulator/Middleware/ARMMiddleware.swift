import Foundation
import Hummingbird

/// Serves every path outside `/_emulator` as Azure Resource Manager, routing on the raw path
/// itself (see ``RequestTarget``): Hummingbird's trie router would not give ARM's semantics
/// (case-insensitive literals, 405 for known paths, envelope 404s, names containing `/`).
/// Adds the configured latency and writes the request log.
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
        if target.segments.first == "_emulator" {
            return try await next(request, context)
        }
        let arrived = Date()
        if latency > .zero { try await Task.sleep(for: latency) }
        let response: Response
        do {
            response = try await controller.respond(to: request, target: target) {
                RunningEmulator.baseURL(host: host, port: context.channel.localAddress?.port ?? 0)
            }
        } catch let error as ARMError {
            response = error.response()
        } catch let error as any HTTPResponseError {
            response = ARMError.generic(status: error.status).response()
        }
        let force = request.method == .delete ? try? ARMController.force(QueryParameters(target.rawQuery[...])) : nil
        await store.record(
            LoggedRequest(
                method: request.method.rawValue, path: target.rawPath, query: target.rawQuery,
                status: response.status.code, force: force ?? nil, requestId: context.requestID, time: arrived))
        return response
    }
}
