import Foundation
import Hummingbird

/// The outermost middleware: gives every response `x-ms-request-id` and
/// `x-ms-correlation-request-id`, and renders any error that got this far in the ARM envelope
/// (e.g. Hummingbird's 404 for an unknown `/_emulator/…` path).
struct ARMHeadersMiddleware: RouterMiddleware {
    typealias Context = EmulatorRequestContext

    func handle(
        _ request: Request, context: Context, next: (Request, Context) async throws -> Response
    ) async throws -> Response {
        var response: Response
        do {
            response = try await next(request, context)
        } catch let error as ARMError {
            response = error.response()
        } catch let error as any HTTPResponseError {
            response = ARMError.generic(status: error.status).response()
        } catch {
            response = ARMError(
                .internalServerError, code: "InternalServerError", message: "The emulator failed: \(error)."
            ).response()
        }
        response.headers[.msRequestID] = context.requestID
        // ARM keeps a correlation id the client chose, so a client can follow one operation.
        response.headers[.msCorrelationRequestID] =
            request.headers[.msCorrelationRequestID] ?? UUID().uuidString.lowercased()
        return response
    }
}
