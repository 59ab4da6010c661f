import NIOCore
import NIOHTTP1

/// Sends mutations concurrently up to a limit and reports each one's outcome; one failure never
/// stops the others. Repeating is the client's retry policy: DELETE may be repeated, POST never.
struct MutationRunner: Sendable {
    let client: ARMClient
    let concurrencyLimit: Int

    func run(_ mutations: [PendingMutation]) async -> [MutationOutcome] {
        await withTaskGroup(of: (Int, MutationOutcome).self) { group in
            var outcomes = [MutationOutcome?](repeating: nil, count: mutations.count)
            var next = 0
            func startNext() {
                let index = next
                next += 1
                group.addTask { (index, await send(mutations[index])) }
            }
            while next < min(max(1, concurrencyLimit), mutations.count) { startNext() }
            while let (index, outcome) = await group.next() {
                outcomes[index] = outcome
                if next < mutations.count { startNext() }
            }
            return outcomes.compactMap { $0 }
        }
    }

    private func send(_ mutation: PendingMutation) async -> MutationOutcome {
        do {
            let response = try await client.send(
                mutation.httpMethod, mutation.url,
                body: mutation.body.map { ByteBuffer(string: $0) }, operation: mutation.operation
            )
            if mutation.notFoundMeansDone, response.status == 404 || response.status == 204 {
                return MutationOutcome(mutation: mutation, result: .alreadyGone)
            }
            guard (200..<300).contains(response.status) else {
                let error = ARMClient.error(for: response, method: mutation.httpMethod.rawValue, url: mutation.url, operation: mutation.operation)
                return MutationOutcome(mutation: mutation, result: .failed(error))
            }
            return MutationOutcome(mutation: mutation, result: .done(status: response.status, body: String(buffer: response.body)))
        } catch {
            return MutationOutcome(mutation: mutation, result: .failed(error as? CloudQLError ?? CloudQLError(.internal, String(describing: error))))
        }
    }
}
