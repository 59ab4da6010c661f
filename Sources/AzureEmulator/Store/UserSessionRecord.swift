/// A user session and its rendered JSON, cached until the session changes.
struct UserSessionRecord {
    private(set) var session: Scenario.UserSession
    private var cachedJSON: [UInt8]?

    init(_ session: Scenario.UserSession) {
        self.session = session
    }

    var userPrincipalName: String { session.userPrincipalName ?? UserSessionRenderer.defaultUserPrincipalName(session) }

    var sessionState: String { session.sessionState ?? "Active" }

    mutating func json(naming: UserSessionNaming) -> [UInt8] {
        if let cachedJSON { return cachedJSON }
        let rendered = UserSessionRenderer.render(session, naming: naming)
        cachedJSON = rendered
        return rendered
    }

    mutating func update(_ change: (inout Scenario.UserSession) -> Void) {
        change(&session)
        cachedJSON = nil
    }
}
