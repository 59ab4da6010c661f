import Crypto
import Foundation

/// The live state of one emulator: the estate (changed by Delete and Disconnect), sent
/// messages, the request log, fault counters and the access tokens it issued.
///
/// An actor, so every request sees a consistent estate; the read helpers are `async` for the
/// same reason. Handlers return pre-rendered JSON, so the work done while isolated is
/// proportional to the page, not the estate.
public actor EmulatorStore {
    let tenantId: String
    let style: Scenario.IDStyle
    var subscriptions: [SubscriptionRecord]
    let subscriptionIndex: [String: Int]
    var faults: [FaultState]
    let faultSeed: UInt64
    var messages: [SentMessage] = []
    var log: [LoggedRequest] = []
    /// Access tokens issued so far, oldest first; only these (and the configured token) are accepted.
    var issued: [IssuedToken] = []
    /// Positions in ``issued`` by token text.
    var tokenIndex: [String: Int] = [:]
    /// Signs issued tokens, so they are real JWTs; acceptance still goes by ``tokenIndex``.
    let tokenKey = SymmetricKey(size: .bits256)

    /// How many requests the log keeps; the oldest are dropped beyond that.
    public static let requestLogLimit = 100_000

    /// Builds the state from a scenario.
    /// - Parameters:
    ///   - scenario: the estate to serve (assumed valid; see ``Scenario/validate()``).
    ///   - faults: failures to inject, in priority order.
    ///   - faultSeed: the seed of probabilistic faults.
    public init(scenario: Scenario, faults: [Fault] = [], faultSeed: UInt64 = 0) {
        tenantId = scenario.tenantId
        style = scenario.idStyle
        subscriptions = scenario.subscriptions.map { SubscriptionRecord($0, tenantId: scenario.tenantId, style: scenario.idStyle) }
        subscriptionIndex = Dictionary(
            subscriptions.enumerated().map { ($1.subscriptionId.lowercased(), $0) }, uniquingKeysWith: { first, _ in first })
        self.faults = faults.enumerated().map { FaultState($1, index: $0) }
        self.faultSeed = faultSeed
    }

    // MARK: Read helpers for tests

    /// The user sessions of a host pool in listing order; empty when the pool does not exist.
    /// Names are matched case-insensitively, like the API does.
    public func userSessions(subscriptionId: String, resourceGroup: String, hostPool: String) -> [EmulatedUserSession] {
        guard let address = try? resolve(poolNamed: hostPool, subscriptionId: subscriptionId, resourceGroup: resourceGroup) else {
            return []
        }
        return pool(address).hosts.flatMap { host in
            host.sessions.map { record in
                EmulatedUserSession(
                    sessionHost: host.host.name, id: record.session.id, userPrincipalName: record.userPrincipalName,
                    sessionState: record.sessionState, applicationType: record.session.applicationType ?? "Desktop",
                    resourceId: host.location.userSessionID(record.session.id))
            }
        }
    }

    /// The session hosts of a host pool in listing order; empty when the pool does not exist.
    public func sessionHosts(subscriptionId: String, resourceGroup: String, hostPool: String) -> [EmulatedSessionHost] {
        guard let address = try? resolve(poolNamed: hostPool, subscriptionId: subscriptionId, resourceGroup: resourceGroup) else {
            return []
        }
        return pool(address).hosts.map { host in
            EmulatedSessionHost(
                name: host.host.name, sessions: host.sessions.count, allowNewSession: host.host.properties.allowNewSession ?? true,
                status: host.host.properties.status ?? "Available", resourceId: host.location.sessionHostID)
        }
    }

    /// Messages sent with SendMessage, oldest first.
    public func sentMessages() -> [SentMessage] {
        messages
    }

    /// ARM requests answered so far, oldest first (at most ``requestLogLimit``).
    public func requestLog() -> [LoggedRequest] {
        log
    }

    /// Forgets the request log.
    public func resetRequestLog() {
        log.removeAll()
    }

    /// How many resources the estate holds now.
    func counts() -> (subscriptions: Int, hostPools: Int, sessionHosts: Int, userSessions: Int) {
        var pools = 0, hosts = 0, sessions = 0
        for subscription in subscriptions {
            for group in subscription.groups {
                pools += group.pools.count
                for pool in group.pools {
                    hosts += pool.hosts.count
                    sessions += pool.sessionCount
                }
            }
        }
        return (subscriptions.count, pools, hosts, sessions)
    }

    // MARK: Request log

    func record(_ request: LoggedRequest) {
        if log.count >= Self.requestLogLimit { log.removeFirst(Self.requestLogLimit / 10) }
        log.append(request)
    }
}
