import Foundation

/// An injected failure: matching ARM requests get this error instead of their answer.
///
/// Faults are checked after authentication, before the route and api-version are validated,
/// in the order they were configured; the first one that matches and has not used up its
/// `times` answers the request.
public struct Fault: Sendable, Equatable {
    /// The HTTP status, 400–599.
    public var status: Int
    /// The ARM error code in the envelope.
    public var code: String
    /// The ARM error message in the envelope; nil uses a realistic message for `status`.
    public var message: String?
    /// A case-insensitive substring of the percent-decoded request path; empty matches every path.
    public var pathContains: String
    /// The HTTP method to match (case-insensitive); nil matches every method.
    public var method: String?
    /// How many matching requests fail; nil means every one.
    public var times: Int?

    /// Creates a fault.
    /// - Parameters:
    ///   - status: the HTTP status, 400–599.
    ///   - code: the ARM error code; nil uses the usual code for `status` (see ``defaultCode(for:)``).
    ///   - message: the error message; nil uses a realistic one for `status`.
    ///   - pathContains: a case-insensitive substring of the decoded path; empty matches all.
    ///   - method: the method to match; nil matches all.
    ///   - times: fail only the first `times` matching requests; nil fails all.
    public init(
        status: Int, code: String? = nil, message: String? = nil, pathContains: String = "", method: String? = nil,
        times: Int? = nil
    ) {
        self.status = status
        self.code = code ?? Self.defaultCode(for: status)
        self.message = message
        self.pathContains = pathContains
        self.method = method
        self.times = times
    }

    /// The ARM error code usually sent with `status`: 403 `AuthorizationFailed`, 429
    /// `TooManyRequests`, 500 `InternalServerError`, 503 `ServiceUnavailable`, …
    public static func defaultCode(for status: Int) -> String {
        switch status {
        case 400: "BadRequest"
        case 401: "InvalidAuthenticationToken"
        case 403: "AuthorizationFailed"
        case 404: "NotFound"
        case 409: "Conflict"
        case 429: "TooManyRequests"
        case 500: "InternalServerError"
        case 502: "BadGateway"
        case 503: "ServiceUnavailable"
        case 504: "GatewayTimeout"
        default: status < 500 ? "BadRequest" : "InternalServerError"
        }
    }

    /// Whether clients should be told to retry after a second (`Retry-After: 1`): only 429 and
    /// 503, because the Azure SDKs retry any response that carries the header.
    var sendsRetryAfter: Bool { status == 429 || status == 503 }

    func matches(method requestMethod: String, decodedPath: String) -> Bool {
        if let method, method.caseInsensitiveCompare(requestMethod) != .orderedSame { return false }
        return pathContains.isEmpty || decodedPath.range(of: pathContains, options: .caseInsensitive) != nil
    }
}
