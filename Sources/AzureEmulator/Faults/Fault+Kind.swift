extension Fault {
    /// What a fault does to the request it hits.
    public enum Kind: Sendable, Equatable {
        /// Answers with an ARM error envelope instead of the real answer; nothing changes.
        case status(Int, code: String, message: String?, retryAfter: RetryAfter)
        /// Waits this long before handling the request, then answers normally.
        case latency(Duration)
        /// Handles the request at once (a delete really deletes) but holds the answer back
        /// this long: a client with a shorter timeout gives up on a request that succeeded.
        case stall(Duration)
        /// Closes the TCP connection without answering; nothing changes.
        case dropConnection
        /// Handles the request, promises the whole body in `Content-Length`, sends half of it
        /// and closes the connection.
        case truncatedBody
        /// Handles the request, then answers 200 with a body that is not JSON (an HTML page)
        /// under `Content-Type: application/json`.
        case invalidJSON
        /// On the last page of a listing, adds a `nextLink` back to the listing's first page,
        /// so a client that does not notice repeated links pages forever.
        case nextLinkLoop
        /// Points the `nextLink` of listing pages at another origin (e.g.
        /// `http://127.0.0.2:8080`), so a client can be tested not to send its token there.
        case nextLinkHost(String)

        /// When in a request's life the fault is decided.
        var phase: Phase {
            switch self {
            case .status, .latency, .stall, .dropConnection, .truncatedBody, .invalidJSON: .request
            case .nextLinkLoop: .lastPage
            case .nextLinkHost: .linkedPage
            }
        }
    }

    /// The `Retry-After` header a status fault sends.
    public enum RetryAfter: Sendable, Equatable {
        /// No header.
        case none
        /// `Retry-After: N` (delta-seconds).
        case seconds(Int)
        /// `Retry-After: <HTTP-date>`, this many seconds after the answer, e.g.
        /// `Retry-After: Wed, 25 Nov 2026 09:00:05 GMT`.
        case date(secondsFromNow: Int)

        /// What the emulator sends when a rule does not say: `Retry-After: 1` with 429 and 503
        /// (the Azure SDKs retry any response that carries the header), nothing otherwise.
        public static func usual(for status: Int) -> RetryAfter {
            status == 429 || status == 503 ? .seconds(1) : .none
        }
    }

    /// The separate moments at which rules are checked; each phase has its own first-match.
    enum Phase: Sendable, Hashable {
        /// After authentication, before routing: status, latency, stall, drop, truncate, invalid JSON.
        case request
        /// When a listing answers its last page (the page without `nextLink`).
        case lastPage
        /// When a listing answers a page that has a `nextLink`.
        case linkedPage
    }
}
