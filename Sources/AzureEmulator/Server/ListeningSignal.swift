/// Tells the code that started a server when it is listening (and on which port), or that it
/// failed first. Completes once; later results are ignored.
actor ListeningSignal {
    private var result: Result<Int, any Error>?
    private var waiters: [CheckedContinuation<Int, any Error>] = []

    func listening(on port: Int) {
        complete(.success(port))
    }

    func fail(_ error: any Error) {
        complete(.failure(error))
    }

    /// - Returns: the bound port.
    func wait() async throws -> Int {
        if let result { return try result.get() }
        return try await withCheckedThrowingContinuation { waiters.append($0) }
    }

    private func complete(_ outcome: Result<Int, any Error>) {
        guard result == nil else { return }
        result = outcome
        for waiter in waiters { waiter.resume(with: outcome) }
        waiters.removeAll()
    }
}
