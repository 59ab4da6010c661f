import ServiceLifecycle

/// The emulator's deliberate waits (latency and stalls), which end early when the emulator
/// stops: a graceful stop lets requests in flight finish, and must not wait minutes for them.
enum Delay {
    /// Sleeps for `duration`, or until the emulator stops, whichever comes first.
    /// - Throws: `CancellationError` only when the request's own task is cancelled.
    static func wait(_ duration: Duration) async throws {
        do {
            try await cancelWhenGracefulShutdown { try await Task.sleep(for: duration) }
        } catch is CancellationError where !Task.isCancelled {
            // Cut short by the shutdown: the request is answered now.
        }
    }
}
