/// A session host with its user sessions in listing order, indexed by lowercased id.
///
/// JSON is rendered on first use and dropped when the session count changes, so building a
/// store stays cheap and a listing only pays for the page it returns.
struct SessionHostRecord {
    /// The scenario's host without its user sessions (they live in `sessions`).
    let host: Scenario.SessionHost
    let location: ResourceLocation
    let sessionNaming: UserSessionNaming
    private(set) var sessions: [UserSessionRecord]
    private var sessionIndex: [String: Int]
    private var cachedJSON: [UInt8]?

    init(_ host: Scenario.SessionHost, location: ResourceLocation) {
        var stripped = host
        stripped.userSessions = []
        self.host = stripped
        self.location = location
        sessionNaming = location.userSessionNaming
        sessions = host.userSessions.map(UserSessionRecord.init)
        sessionIndex = Self.index(sessions)
    }

    mutating func json() -> [UInt8] {
        if let cachedJSON { return cachedJSON }
        let rendered = SessionHostRenderer.render(host, sessionCount: sessions.count, at: location)
        cachedJSON = rendered
        return rendered
    }

    func sessionPosition(_ id: String) -> Int? {
        sessionIndex[id.lowercased()]
    }

    mutating func sessionJSON(at position: Int) -> [UInt8] {
        sessions[position].json(naming: sessionNaming)
    }

    mutating func updateSession(at position: Int, _ change: (inout Scenario.UserSession) -> Void) {
        sessions[position].update(change)
    }

    mutating func removeSession(at position: Int) {
        sessions.remove(at: position)
        sessionIndex = Self.index(sessions)
        cachedJSON = nil
    }

    private static func index(_ sessions: [UserSessionRecord]) -> [String: Int] {
        var index: [String: Int] = [:]
        index.reserveCapacity(sessions.count)
        for (position, record) in sessions.enumerated() where index[record.session.id.lowercased()] == nil {
            index[record.session.id.lowercased()] = position
        }
        return index
    }
}
