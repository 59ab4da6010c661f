/// How to run an emulator: where to listen, what estate to serve and how to misbehave.
public struct EmulatorConfiguration: Sendable {
    /// The address to bind; `127.0.0.1` by default (use `0.0.0.0` to accept other machines).
    public var host: String
    /// The TCP port; 0 picks any free port (see ``RunningEmulator/port``).
    public var port: Int
    /// The estate to serve.
    public var scenario: Scenario
    /// Added before answering every ARM request (not the `/_emulator` routes).
    public var latency: Duration
    /// The bearer token every ARM request must carry.
    public var token: String
    /// The page size of listings whose request has no `pageSize` (1…1000).
    public var defaultPageSize: Int
    /// Failures to inject, in priority order.
    public var faults: [Fault]

    /// Creates a configuration.
    /// - Parameters:
    ///   - scenario: the estate; the built-in ``Scenario/demo`` by default.
    ///   - host: the address to bind.
    ///   - port: the port; 0 for any free port.
    ///   - latency: delay added to every ARM request.
    ///   - token: the accepted bearer token; nil generates a random 32-character token.
    ///   - defaultPageSize: the page size when a request sends none.
    ///   - faults: failures to inject.
    public init(
        scenario: Scenario = .demo, host: String = "127.0.0.1", port: Int = 0, latency: Duration = .zero,
        token: String? = nil, defaultPageSize: Int = 50, faults: [Fault] = []
    ) {
        self.scenario = scenario
        self.host = host
        self.port = port
        self.latency = latency
        self.token = token ?? Self.randomToken()
        self.defaultPageSize = defaultPageSize
        self.faults = faults
    }

    /// Checks the values the types allow but the emulator cannot use.
    /// - Throws: ``EmulatorError`` or ``ScenarioError`` saying what is wrong.
    public func validate() throws {
        guard (0...65_535).contains(port) else { throw EmulatorError("The port \(port) is not between 0 and 65535.") }
        guard latency >= .zero else { throw EmulatorError("The latency must not be negative.") }
        guard (1...PageRequest.maximumPageSize).contains(defaultPageSize) else {
            throw EmulatorError("The default page size \(defaultPageSize) is not between 1 and \(PageRequest.maximumPageSize).")
        }
        guard !token.isEmpty, !token.contains(where: \.isWhitespace) else {
            throw EmulatorError("The token must be non-empty and contain no spaces.")
        }
        for fault in faults where !(400...599).contains(fault.status) {
            throw EmulatorError("The fault status \(fault.status) is not between 400 and 599.")
        }
        try scenario.validate()
    }

    private static func randomToken() -> String {
        let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789")
        var generator = SystemRandomNumberGenerator()
        return String((0..<32).map { _ in alphabet[Int(generator.next(upperBound: UInt(alphabet.count)))] })
    }
}
