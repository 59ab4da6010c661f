/// The names a request addresses, percent-decoded and in the case the client sent.
enum ARMPath {
    struct Group: Sendable {
        let subscriptionId: String
        let resourceGroup: String
    }

    struct Pool: Sendable {
        let group: Group
        let hostPool: String

        /// `hostPools/<hp>`, as not-found messages name the resource.
        var resource: String { "hostPools/\(hostPool)" }
    }

    struct Host: Sendable {
        let pool: Pool
        let sessionHost: String

        var resource: String { "\(pool.resource)/sessionHosts/\(sessionHost)" }
    }

    struct Session: Sendable {
        let host: Host
        let userSessionId: String

        var resource: String { "\(host.resource)/userSessions/\(userSessionId)" }
    }
}
