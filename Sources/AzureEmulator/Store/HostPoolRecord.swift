/// A host pool with its session hosts indexed by lowercased name. Its JSON never changes, so
/// it is rendered once.
struct HostPoolRecord {
    /// The scenario's pool without its session hosts (they live in `hosts`).
    let pool: Scenario.HostPool
    let location: ResourceLocation
    let json: [UInt8]
    var hosts: [SessionHostRecord]
    let hostIndex: [String: Int]

    init(_ pool: Scenario.HostPool, groupLocation: String, location: ResourceLocation) {
        var stripped = pool
        stripped.sessionHosts = []
        self.pool = stripped
        self.location = location
        json = HostPoolRenderer.render(stripped, groupLocation: groupLocation, at: location)
        hosts = pool.sessionHosts.map { host in
            var hostLocation = location
            hostLocation.sessionHost = host.name
            return SessionHostRecord(host, location: hostLocation)
        }
        hostIndex = Dictionary(hosts.enumerated().map { ($1.host.name.lowercased(), $0) }, uniquingKeysWith: { first, _ in first })
    }

    var sessionCount: Int { hosts.reduce(0) { $0 + $1.sessions.count } }
}
