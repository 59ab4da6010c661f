import NIOHTTP1

/// A request that changes something in Azure, planned but not yet sent: DELETE rows collected
/// while SQLite runs the statement, or the one call of an EXEC.
struct PendingMutation: Sendable {
    var httpMethod: HTTPMethod
    var url: String
    /// The JSON request body, if any.
    var body: String?
    /// What the request acts on, for reports: the resource id where known.
    var target: String
    /// For messages: `delete of azure.desktop_virtualization.user_sessions`.
    var operation: String
    /// A 404 means the goal is already reached (logging off a session that is gone).
    var notFoundMeansDone: Bool
    /// Whether resending cannot do harm: only when the method is idempotent (HTTP DELETE).
    var isIdempotent: Bool

    /// `DELETE https://…` plus the body, as a dry run prints it.
    var requestLine: String {
        "\(httpMethod.rawValue) \(url)" + (body.map { " \($0)" } ?? "")
    }
}

/// What became of one mutation.
struct MutationOutcome: Sendable {
    enum Result: Sendable {
        case done(status: Int, body: String)
        case alreadyGone
        case failed(CloudQLError)
    }

    var mutation: PendingMutation
    var result: Result
}
