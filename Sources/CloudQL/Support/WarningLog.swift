import Synchronization

/// Warnings of the statement being run, such as calls that failed under `--allow-partial`;
/// written from fetching tasks, read by the session once the statement is done.
final class WarningLog: Sendable {
    private let warnings = Mutex<[String]>([])

    func add(_ warning: String) {
        warnings.withLock { $0.append(warning) }
    }

    /// Returns the warnings so far and forgets them.
    func take() -> [String] {
        warnings.withLock { current in
            defer { current = [] }
            return current
        }
    }
}
