extension Fault {
    /// Checks what the type allows but the emulator cannot use (the parser never produces these).
    /// - Throws: ``EmulatorError`` naming the rule and the problem.
    func validate() throws {
        func fail(_ problem: String) -> EmulatorError { EmulatorError("The fault '\(self)' is invalid: \(problem).") }
        switch kind {
        case .status(let status, let code, _, let retryAfter):
            guard (400...599).contains(status) else { throw EmulatorError("The fault status \(status) is not between 400 and 599.") }
            guard !code.isEmpty else { throw fail("the error code is empty") }
            switch retryAfter {
            case .seconds(let seconds), .date(let seconds):
                guard seconds >= 0 else { throw fail("Retry-After must not be negative") }
            case .none: break
            }
        case .latency(let delay), .stall(let delay):
            guard delay >= .zero else { throw fail("the delay must not be negative") }
        case .nextLinkHost(let origin):
            guard origin.lowercased().hasPrefix("http://") || origin.lowercased().hasPrefix("https://") else {
                throw fail("the nextLink origin must start with http:// or https://")
            }
        case .dropConnection, .truncatedBody, .invalidJSON, .nextLinkLoop:
            break
        }
        if let times, times < 1 { throw fail("times must be at least 1") }
        guard after >= 0 else { throw fail("after must not be negative") }
        if let probability, !(probability > 0 && probability <= 1) { throw fail("the probability must be above 0 and at most 1") }
    }
}
