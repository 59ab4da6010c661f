/// The discovery pass of a statement that reads several resources (architecture.md): SQLite
/// runs the statement with every call it has not seen answered empty and recorded; the recorded
/// calls are then fetched concurrently, and the statement runs again, until a pass records
/// nothing new — that pass's rows are the result. So calls that depend on other calls' rows
/// (host pools → user sessions) still go out concurrently, level by level. Only GETs are ever
/// made this way; statements that change anything never run in discovery.
final class DiscoveryCache {
    struct Recorded {
        var provider: String
        var call: MethodCall
        var decoder: RowDecoder
    }

    /// Field rows of every fetched call by URL, or the failure to report if the call is needed.
    private var answers: [String: Result<[[SQLValue]], CloudQLError>] = [:]
    private var recorded: [String: Recorded] = [:]
    private(set) var passes = 0

    /// The answer for `call`, or `nil` after recording it as wanted.
    func answer(for call: MethodCall, provider: String, decoder: RowDecoder) -> Result<[[SQLValue]], CloudQLError>? {
        if let known = answers[call.url] { return known }
        if recorded[call.url] == nil { recorded[call.url] = Recorded(provider: provider, call: call, decoder: decoder) }
        return nil
    }

    /// The calls recorded since the last pass, forgetting them.
    func takeRecorded() -> [Recorded] {
        passes += 1
        defer { recorded = [:] }
        return recorded.sorted { $0.key < $1.key }.map(\.value)
    }

    func store(_ result: Result<[[SQLValue]], CloudQLError>, for url: String) {
        answers[url] = result
    }
}
