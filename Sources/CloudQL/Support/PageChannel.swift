import Foundation

/// Carries pages of rows from the tasks that fetch them to the cursor on the engine's thread,
/// a few pages at a time: fetching runs ahead of SQLite, but never holds a whole listing.
// @unchecked Sendable is safe: every field is read and written only while `condition` is locked.
final class PageChannel: @unchecked Sendable {
    private let condition = NSCondition()
    private let capacity: Int
    private var buffer: [[[SQLValue]]] = []
    private var waitingSenders: [([[SQLValue]], CheckedContinuation<Void, any Error>)] = []
    private var failure: (any Error)?
    private var finished = false
    private var cancelled = false
    private var producer: Task<Void, Never>?

    init(capacity: Int = 4) {
        self.capacity = max(1, capacity)
    }

    /// A channel that already holds `rows` and is finished.
    convenience init(rows: [[SQLValue]]) {
        self.init()
        if !rows.isEmpty { buffer = [rows] }
        finished = true
    }

    /// Keeps the producing task, so that closing the cursor early stops it.
    func attach(_ task: Task<Void, Never>) {
        condition.lock()
        let isCancelled = cancelled
        producer = task
        condition.unlock()
        if isCancelled { task.cancel() }
    }

    /// Waits for room, then hands over a page. Throws `CancellationError` once the reader is gone.
    func send(_ rows: [[SQLValue]]) async throws {
        guard !rows.isEmpty else { return }
        try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<Void, any Error>) in
            condition.lock()
            if cancelled {
                condition.unlock()
                continuation.resume(throwing: CancellationError())
            } else if buffer.count < capacity {
                buffer.append(rows)
                condition.signal()
                condition.unlock()
                continuation.resume()
            } else {
                waitingSenders.append((rows, continuation))
                condition.unlock()
            }
        }
    }

    /// No more pages: the listing ended, or failed with `error`.
    func finish(throwing error: (any Error)? = nil) {
        condition.lock()
        if failure == nil { failure = error }
        finished = true
        condition.broadcast()
        condition.unlock()
    }

    /// Blocks until the next page arrives; `nil` at the end. Call only from the engine's thread.
    @available(*, noasync)
    func receive() throws -> [[SQLValue]]? {
        condition.lock()
        while buffer.isEmpty, failure == nil, !finished { condition.wait() }
        if let failure {
            condition.unlock()
            throw failure
        }
        guard !buffer.isEmpty else {
            condition.unlock()
            return nil
        }
        let page = buffer.removeFirst()
        var resumed: CheckedContinuation<Void, any Error>?
        if !waitingSenders.isEmpty {
            let (rows, continuation) = waitingSenders.removeFirst()
            buffer.append(rows)
            resumed = continuation
        }
        condition.unlock()
        resumed?.resume()
        return page
    }

    /// The reader is gone: stop the producer and release every waiting sender.
    func cancel() {
        condition.lock()
        cancelled = true
        let senders = waitingSenders
        waitingSenders = []
        buffer = []
        let task = producer
        condition.unlock()
        task?.cancel()
        for (_, continuation) in senders { continuation.resume(throwing: CancellationError()) }
    }
}
