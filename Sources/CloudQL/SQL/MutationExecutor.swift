/// Applies the mutation policy to planned requests — dry run, confirmation threshold — then
/// sends them and turns the outcomes into a summary, or into an error that lists exactly what
/// failed. Runs on the engine's thread.
struct MutationExecutor {
    let policy: MutationPolicy

    /// - Parameters:
    ///   - verb: `DELETE` or `EXEC <method>`.
    ///   - noun: what the rows are, for messages: `user sessions`.
    @available(*, noasync)
    func execute(_ mutations: [PendingMutation], verb: String, noun: String, runner: MutationRunner) throws -> MutationSummary {
        if policy.dryRun {
            return MutationSummary(verb: verb, dryRunRequests: mutations.map(\.requestLine))
        }
        if mutations.count > policy.confirmationThreshold, !policy.assumeYes {
            let question = "\(verb) would change \(mutations.count) \(noun), more than the confirmation threshold of \(policy.confirmationThreshold)."
            guard let confirm = policy.confirm else {
                throw CloudQLError(.usage, "\(question) Nothing was sent: run it again with --yes to proceed, or raise --mutation-limit.")
            }
            guard confirm(question + " Proceed? [y/N] ") else {
                throw CloudQLError(.usage, "Cancelled: \(verb) was not confirmed, and nothing was sent.")
            }
        }
        guard !mutations.isEmpty else { return MutationSummary(verb: verb) }
        let outcomes = try Blocking.run { await runner.run(mutations) }

        var summary = MutationSummary(verb: verb)
        var failures: [(PendingMutation, CloudQLError)] = []
        for outcome in outcomes {
            switch outcome.result {
            case .done(let status, let body):
                summary.done.append(outcome.mutation.target)
                if !outcome.mutation.notFoundMeansDone {
                    summary.status = status
                    summary.responseBody = body
                }
            case .alreadyGone:
                summary.alreadyGone.append(outcome.mutation.target)
            case .failed(let error):
                failures.append((outcome.mutation, error))
            }
        }
        guard !failures.isEmpty else { return summary }
        if mutations.count == 1, let (_, error) = failures.first { throw error }

        let succeeded = summary.done.count + summary.alreadyGone.count
        let past = verb == "DELETE" ? "deleted" : "changed"
        var error = CloudQLError(.upstream, "\(past) \(succeeded) of \(mutations.count) \(noun); \(failures.count) failed:")
        for (mutation, failure) in failures {
            var line = "  \(mutation.target): "
            if let http = failure.http, let status = http.status {
                line += "HTTP \(status)" + (http.azureCode.map { " \($0)" } ?? "") + (http.azureMessage.map { ": \($0)" } ?? "")
                if let requestID = http.requestID { line += " (x-ms-request-id: \(requestID))" }
            } else {
                line += failure.message
            }
            error.notes.append(line)
        }
        if !summary.alreadyGone.isEmpty {
            error.notes.append("  (\(summary.alreadyGone.count) of the \(succeeded) were already gone)")
        }
        throw error
    }
}
