extension Scenario {
    /// A large, deterministic estate in one subscription, for load tests and benchmarks.
    ///
    /// Pools `hp-0000`, `hp-0001`, … are spread in contiguous blocks over up to four resource
    /// groups `rg-gen-0` … `rg-gen-3`; hosts are `sh-PPPP-HH.gen.contoso.com`; sessions have ids
    /// `1`…`K` per host and users `user000000@gen.contoso.com` … numbered across the estate.
    /// Session states cycle through every state (mostly `Active`); every tenth session is a
    /// `RemoteApp`. Fields left nil (create times, object ids) are derived when rendered, which
    /// keeps building 100,000 sessions well under a second.
    ///
    /// - Parameters:
    ///   - pools: number of host pools.
    ///   - hostsPerPool: session hosts in each pool.
    ///   - sessionsPerHost: user sessions on each host.
    ///   - subscriptionId: the one subscription.
    /// - Returns: the scenario.
    public static func generated(
        pools: Int, hostsPerPool: Int, sessionsPerHost: Int,
        subscriptionId: String = "00000000-0000-0000-0000-000000000000"
    ) -> Scenario {
        let poolCount = max(0, pools), hostCount = max(0, hostsPerPool), sessionCount = max(0, sessionsPerHost)
        let groupCount = min(4, max(1, poolCount))
        let hostWidth = max(2, String(max(0, hostCount - 1)).count)
        var groups = (0..<groupCount).map { ResourceGroup(name: "rg-gen-\($0)", location: "westeurope") }
        var userNumber = 0
        for poolIndex in 0..<poolCount {
            let poolName = "hp-" + zeroPadded(poolIndex, 4)
            var hosts: [SessionHost] = []
            hosts.reserveCapacity(hostCount)
            for hostIndex in 0..<hostCount {
                var sessions: [UserSession] = []
                sessions.reserveCapacity(sessionCount)
                for sessionIndex in 0..<sessionCount {
                    sessions.append(
                        UserSession(
                            id: String(sessionIndex + 1),
                            userPrincipalName: "user" + zeroPadded(userNumber, 6) + "@gen.contoso.com",
                            sessionState: generatedStates[userNumber % generatedStates.count],
                            applicationType: userNumber % 10 == 9 ? "RemoteApp" : "Desktop"))
                    userNumber += 1
                }
                hosts.append(
                    SessionHost(
                        name: "sh-" + zeroPadded(poolIndex, 4) + "-" + zeroPadded(hostIndex, hostWidth) + ".gen.contoso.com",
                        userSessions: sessions))
            }
            let pool = HostPool(
                name: poolName,
                properties: HostPoolProperties(
                    friendlyName: "Generated pool \(poolIndex)", hostPoolType: "Pooled", loadBalancerType: "BreadthFirst",
                    preferredAppGroupType: "Desktop"),
                sessionHosts: hosts)
            groups[poolIndex * groupCount / poolCount].hostPools.append(pool)
        }
        return Scenario(
            subscriptions: [Subscription(subscriptionId: subscriptionId, displayName: "Generated", resourceGroups: groups)])
    }

    /// Builds ``generated(pools:hostsPerPool:sessionsPerHost:subscriptionId:)`` from
    /// `pools=N,hosts=M,sessions=K` (the `--generate` option). All three keys are required.
    /// - Parameter spec: the specification.
    /// - Returns: the scenario.
    /// - Throws: ``ScenarioError`` saying what is wrong with the specification.
    public static func generated(spec: String) throws -> Scenario {
        var values: [String: Int] = [:]
        let limits = ["pools": 1...10_000, "hosts": 1...10_000, "sessions": 0...100_000]
        for part in spec.split(separator: ",", omittingEmptySubsequences: false) {
            let pair = part.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            let key = pair[0].trimmingSpaces().lowercased()
            guard pair.count == 2, let range = limits[key] else {
                throw generateError(spec, "\"\(part)\" is not one of pools=N, hosts=M, sessions=K")
            }
            guard let value = Int(pair[1].trimmingSpaces()), range.contains(value) else {
                throw generateError(spec, "\(key) must be a whole number from \(range.lowerBound) to \(range.upperBound)")
            }
            guard values.updateValue(value, forKey: key) == nil else { throw generateError(spec, "\(key) is given twice") }
        }
        guard let pools = values["pools"], let hosts = values["hosts"], let sessions = values["sessions"] else {
            throw generateError(spec, "pools, hosts and sessions are all required, e.g. pools=10,hosts=5,sessions=20")
        }
        guard pools * hosts * sessions <= 2_000_000 else {
            throw generateError(spec, "at most 2,000,000 sessions in total are supported")
        }
        return generated(pools: pools, hostsPerPool: hosts, sessionsPerHost: sessions)
    }

    private static func generateError(_ spec: String, _ problem: String) -> ScenarioError {
        ScenarioError(jsonPath: "", problem: "generate specification \"\(spec)\": \(problem)")
    }

    private static let generatedStates = [
        "Active", "Active", "Active", "Disconnected", "Active", "Active", "Active", "Disconnected", "Active", "Pending",
        "Active", "Active", "Disconnected", "Active", "Active", "UserProfileDiskMounted", "Active", "LogOff", "Active",
        "Unknown",
    ]

    private static func zeroPadded(_ value: Int, _ width: Int) -> String {
        let digits = String(value)
        return digits.count >= width ? digits : String(repeating: "0", count: width - digits.count) + digits
    }
}
