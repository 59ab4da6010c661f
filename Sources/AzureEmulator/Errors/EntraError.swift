import Foundation
import Hummingbird

/// A Microsoft Entra ID token endpoint error: an HTTP status and the OAuth 2.0 error body
/// Entra ID sends, `{"error", "error_description": "AADSTS…: …", "error_codes": […],
/// "timestamp", "trace_id", "correlation_id", "error_uri"}`.
struct EntraError: Error, Sendable {
    let status: HTTPResponse.Status
    /// The OAuth error, e.g. `invalid_client`.
    let error: String
    /// The AADSTS number, e.g. 7000215.
    let code: Int
    /// The description after `AADSTS<code>: `.
    let message: String

    /// The response, with the trace and correlation ids Entra ID appends to every description.
    /// - Parameters:
    ///   - traceID: the request's `x-ms-request-id`.
    ///   - correlationID: the client's `client-request-id`, or nil for a fresh one.
    func response(traceID: String, correlationID: String?, now: Date = Date()) -> Response {
        let correlation = correlationID ?? UUID().uuidString.lowercased()
        let timestamp = DateText.entraTimestamp(now)
        var writer = JSONWriter(capacity: 512 + message.utf8.count)
        writer.beginObject()
        writer.field("error", error)
        writer.field(
            "error_description",
            "AADSTS\(code): \(message)\r\nTrace ID: \(traceID)\r\nCorrelation ID: \(correlation)\r\nTimestamp: \(timestamp)")
        writer.key("error_codes")
        writer.beginArray()
        writer.int(code)
        writer.endArray()
        writer.field("timestamp", timestamp)
        writer.field("trace_id", traceID)
        writer.field("correlation_id", correlation)
        writer.field("error_uri", "https://login.microsoftonline.com/error?code=\(code)")
        writer.endObject()
        var response = JSONResponse.make(writer.bytes, status: status)
        response.headers[.cacheControl] = "no-store, no-cache"
        response.headers[.pragma] = "no-cache"
        return response
    }
}
