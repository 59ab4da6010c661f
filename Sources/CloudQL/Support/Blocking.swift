import Dispatch
import Synchronization

/// Runs async work from synchronous code and waits for it: the bridge between SQLite's
/// synchronous virtual-table callbacks and async HTTP.
enum Blocking {
    /// Waits on the calling thread for `operation`. Call it only from a thread outside Swift's
    /// cooperative pool (the engine's own dispatch queue): blocking a pool thread can deadlock.
    @available(*, noasync, message: "blocks the calling thread")
    static func run<T: Sendable>(_ operation: @escaping @Sendable () async throws -> T) throws -> T {
        let outcome = Outcome<T>()
        let done = DispatchSemaphore(value: 0)
        Task {
            do {
                outcome.set(.success(try await operation()))
            } catch {
                outcome.set(.failure(error))
            }
            done.signal()
        }
        done.wait()
        return try outcome.get()
    }

    private final class Outcome<T: Sendable>: Sendable {
        private let value = Mutex<Result<T, any Error>?>(nil)

        func set(_ result: Result<T, any Error>) { value.withLock { $0 = result } }

        func get() throws -> T {
            guard let result = value.withLock({ $0 }) else { fatalError("Blocking.run finished without a result") }
            return try result.get()
        }
    }
}
