import Foundation

/// A fault rule: what goes wrong (``Kind``), for which ARM requests (a path substring and a
/// method) and how often (every matching request, the first ``times``, after skipping
/// ``after``, or with a ``probability`` drawn from the emulator's seeded dice).
///
/// Rules are checked after authentication, in the order they were configured, separately for
/// each ``Phase``: the first rule of a phase that matches and fires shapes the answer.
/// Rules that fire are recorded in the request log.
///
/// ```swift
/// Fault(status: 503, times: 2)                                  // two 503s with Retry-After: 1
/// Fault(.dropConnection, pathContains: "/usersessions/", probability: 0.3)
/// try Fault.parse("429 retry-after=5@/hostpools/#3")
/// ```
public struct Fault: Sendable, Equatable {
    /// What happens to a request this rule hits.
    public var kind: Kind
    /// A case-insensitive substring of the percent-decoded request path; empty matches every path.
    public var pathContains: String
    /// The HTTP method to match (case-insensitive); nil matches every method.
    public var method: String?
    /// How many times the rule fires; nil means no limit.
    public var times: Int?
    /// How many matching requests pass untouched before the rule may fire, e.g. `after: 2,
    /// times: 3` hits the 3rd, 4th and 5th matching requests: a burst.
    public var after: Int
    /// The chance (0 < p ≤ 1) that a matching request is hit; nil means every one. Drawn
    /// from ``EmulatorConfiguration/faultSeed``, so a run can be reproduced.
    public var probability: Double?

    /// Creates a rule of any kind.
    /// - Parameters:
    ///   - kind: what happens.
    ///   - pathContains: a case-insensitive substring of the decoded path; empty matches all.
    ///   - method: the method to match; nil matches all.
    ///   - times: fire at most this many times; nil for no limit.
    ///   - after: let this many matching requests through first.
    ///   - probability: hit each candidate request with this chance (0 < p ≤ 1); nil for always.
    public init(
        _ kind: Kind, pathContains: String = "", method: String? = nil, times: Int? = nil, after: Int = 0,
        probability: Double? = nil
    ) {
        self.kind = kind
        self.pathContains = pathContains
        self.method = method
        self.times = times
        self.after = after
        self.probability = probability
    }

    /// Creates a rule that answers with an ARM error envelope instead of the real answer.
    /// - Parameters:
    ///   - status: the HTTP status, 400–599.
    ///   - code: the ARM error code; nil uses the usual code for `status` (see ``defaultCode(for:)``).
    ///   - message: the error message; nil uses a realistic one for `status`.
    ///   - retryAfter: the `Retry-After` header; nil sends `Retry-After: 1` with 429 and 503 and none otherwise.
    ///   - pathContains: a case-insensitive substring of the decoded path; empty matches all.
    ///   - method: the method to match; nil matches all.
    ///   - times: fail only the first `times` matching requests; nil fails all.
    ///   - after: let this many matching requests through first.
    ///   - probability: fail each candidate request with this chance (0 < p ≤ 1); nil for always.
    public init(
        status: Int, code: String? = nil, message: String? = nil, retryAfter: RetryAfter? = nil, pathContains: String = "",
        method: String? = nil, times: Int? = nil, after: Int = 0, probability: Double? = nil
    ) {
        self.init(
            .status(
                status, code: code ?? Self.defaultCode(for: status), message: message,
                retryAfter: retryAfter ?? RetryAfter.usual(for: status)),
            pathContains: pathContains, method: method, times: times, after: after, probability: probability)
    }

    /// The HTTP status of a ``Kind/status(_:code:message:retryAfter:)`` rule; nil for other kinds.
    public var status: Int? {
        if case .status(let status, _, _, _) = kind { status } else { nil }
    }

    /// The ARM error code of a status rule; nil for other kinds.
    public var code: String? {
        if case .status(_, let code, _, _) = kind { code } else { nil }
    }

    /// The custom error message of a status rule; nil for other kinds or the realistic default.
    public var message: String? {
        if case .status(_, _, let message, _) = kind { message } else { nil }
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

    func matches(method requestMethod: String, decodedPath: String) -> Bool {
        if let method, method.caseInsensitiveCompare(requestMethod) != .orderedSame { return false }
        return pathContains.isEmpty || decodedPath.range(of: pathContains, options: .caseInsensitive) != nil
    }
}
