import Foundation

/// One ARM request the emulator answered (inspection routes under `/_emulator` and the
/// identity endpoints are not logged).
public struct LoggedRequest: Sendable, Equatable {
    /// The HTTP method, e.g. `GET`.
    public let method: String
    /// The path exactly as received, still percent-encoded.
    public let path: String
    /// The query exactly as received (without `?`); empty when there was none.
    public let query: String
    /// The status the emulator answered with; 0 when a fault dropped the connection instead.
    public let status: Int
    /// The `force` query parameter of a DELETE, when given and valid.
    public let force: Bool?
    /// The `x-ms-request-id` of the response.
    public let requestId: String
    /// When the request arrived.
    public let time: Date
    /// The fault rules that hit this request, in the `--fault` grammar (see ``Fault/description``);
    /// empty when none did. A request may be hit by one request rule and one listing rule.
    public let faults: [String]
}
