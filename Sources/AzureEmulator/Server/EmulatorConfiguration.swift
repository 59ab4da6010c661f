/// How to run an emulator: where to listen, what estate to serve, who may sign in and how to
/// misbehave.
public struct EmulatorConfiguration: Sendable {
    /// The address to bind; `127.0.0.1` by default (use `0.0.0.0` to accept other machines).
    public var host: String
    /// The TCP port; 0 picks any free port (see ``RunningEmulator/port``).
    public var port: Int
    /// The estate to serve.
    public var scenario: Scenario
    /// Added before answering every ARM request (not the `/_emulator` routes).
    public var latency: Duration
    /// The fixed bearer token ARM requests may carry; it never expires. Tokens issued by the
    /// identity endpoints are accepted too (see ``identities``).
    public var token: String
    /// The page size of listings whose request has no `pageSize` (1…1000).
    public var defaultPageSize: Int
    /// Fault rules, in priority order (see ``Fault``).
    public var faults: [Fault]
    /// The seed of probabilistic fault rules: the same seed and the same order of requests give
    /// the same faults.
    public var faultSeed: UInt64
    /// Who may sign in at the token and managed identity endpoints.
    public var identities: IdentityConfiguration
    /// How long issued access tokens are accepted (`expires_in`); one hour by default, at least a second.
    public var tokenLifetime: Duration

    /// Creates a configuration.
    /// - Parameters:
    ///   - scenario: the estate; the built-in ``Scenario/demo`` by default.
    ///   - host: the address to bind.
    ///   - port: the port; 0 for any free port.
    ///   - latency: delay added to every ARM request.
    ///   - token: the accepted fixed bearer token; nil generates a random 32-character token.
    ///   - defaultPageSize: the page size when a request sends none.
    ///   - faults: fault rules.
    ///   - faultSeed: the seed of probabilistic faults.
    ///   - identities: service principals and managed identities that may sign in.
    ///   - tokenLifetime: the lifetime of issued access tokens.
    public init(
        scenario: Scenario = .demo, host: String = "127.0.0.1", port: Int = 0, latency: Duration = .zero,
        token: String? = nil, defaultPageSize: Int = 50, faults: [Fault] = [], faultSeed: UInt64 = 0,
        identities: IdentityConfiguration = IdentityConfiguration(), tokenLifetime: Duration = .seconds(3_600)
    ) {
        self.scenario = scenario
        self.host = host
        self.port = port
        self.latency = latency
        self.token = token ?? RandomText.alphanumeric(count: 32)
        self.defaultPageSize = defaultPageSize
        self.faults = faults
        self.faultSeed = faultSeed
        self.identities = identities
        self.tokenLifetime = tokenLifetime
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
        guard tokenLifetime >= .seconds(1), tokenLifetime <= .seconds(86_400) else {
            throw EmulatorError("The token lifetime must be between 1 second and 1 day.")
        }
        for fault in faults { try fault.validate() }
        try identities.validate(defaultTenant: scenario.tenantId)
        try scenario.validate()
    }
}
