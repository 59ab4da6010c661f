extension Scenario {
    /// The built-in demo estate: two subscriptions, four resource groups (one empty), six host
    /// pools (pooled and personal; BreadthFirst, DepthFirst and Persistent; Desktop and
    /// RailApplications), 20 session hosts and 106 user sessions covering every session state
    /// and both application types. `hp-callcenter` holds 64 sessions, more than one default page.
    ///
    /// Everything is fixed: the same estate, ids and timestamps on every run.
    public static var demo: Scenario {
        var users = DemoUsers()
        let production = Subscription(
            subscriptionId: "00000000-0000-0000-0000-000000000000",
            displayName: "Contoso Production",
            resourceGroups: [
                ResourceGroup(
                    name: "rg-avd-prod-weu", location: "westeurope",
                    hostPools: [
                        demoFinance(&users), demoCallCenter(&users), demoRemoteApps(&users),
                    ]),
                ResourceGroup(
                    name: "rg-avd-prod-eus", location: "eastus",
                    hostPools: [demoEngineering(&users), demoPersonalDevs(&users)]),
            ])
        let development = Subscription(
            subscriptionId: "11111111-1111-1111-1111-111111111111",
            displayName: "Contoso Development",
            resourceGroups: [
                ResourceGroup(name: "rg-avd-dev", location: "northeurope", hostPools: [demoDevTest(&users)]),
                ResourceGroup(name: "rg-avd-sandbox", location: "northeurope"),
            ])
        return Scenario(subscriptions: [production, development])
    }

    private static func demoFinance(_ users: inout DemoUsers) -> HostPool {
        users.rewind(to: 0)
        return HostPool(
            name: "hp-finance", tags: ["costCenter": "fin", "environment": "prod"],
            properties: HostPoolProperties(
                friendlyName: "Finance", description: "Finance department desktops", hostPoolType: "Pooled",
                customRdpProperty: "drivestoredirect:s:;audiomode:i:0;videoplaybackmode:i:1;redirectclipboard:i:0;",
                maxSessionLimit: 10, loadBalancerType: "BreadthFirst", preferredAppGroupType: "Desktop",
                startVMOnConnect: true,
                agentUpdate: AgentUpdate(
                    type: "Scheduled", useSessionHostLocalTime: false, maintenanceWindowTimeZone: "W. Europe Standard Time",
                    maintenanceWindows: [MaintenanceWindow(hour: 2, dayOfWeek: "Saturday")])),
            sessionHosts: [
                demoHost("avd-fin-0.contoso.com", status: "Available", sessions: 5, users: &users),
                demoHost("avd-fin-1.contoso.com", status: "Available", sessions: 5, users: &users),
                demoHost("avd-fin-2.contoso.com", status: "NeedsAssistance", drain: true, sessions: 2, users: &users),
            ])
    }

    private static func demoCallCenter(_ users: inout DemoUsers) -> HostPool {
        users.rewind(to: 20)
        return HostPool(
            name: "hp-callcenter", tags: ["costCenter": "ops", "environment": "prod"],
            properties: HostPoolProperties(
                friendlyName: "Call Center", description: "Shared desktops for the customer service floor",
                hostPoolType: "Pooled", maxSessionLimit: 16, loadBalancerType: "DepthFirst",
                preferredAppGroupType: "Desktop"),
            sessionHosts: [
                demoHost("avd-cc-0.contoso.com", status: "Available", sessions: 16, users: &users),
                demoHost("avd-cc-1.contoso.com", status: "Available", sessions: 16, users: &users),
                demoHost("avd-cc-2.contoso.com", status: "Available", sessions: 14, users: &users),
                demoHost("avd-cc-3.contoso.com", status: "Available", drain: true, sessions: 10, users: &users),
                demoHost("avd-cc-4.contoso.com", status: "Upgrading", sessions: 8, users: &users),
            ])
    }

    private static func demoRemoteApps(_ users: inout DemoUsers) -> HostPool {
        users.rewind(to: 3)
        return HostPool(
            name: "hp-remoteapps", tags: ["costCenter": "fin", "environment": "prod"],
            properties: HostPoolProperties(
                friendlyName: "Line-of-business apps", description: "SAP GUI and Dynamics published as RemoteApps",
                hostPoolType: "Pooled", maxSessionLimit: 20, loadBalancerType: "BreadthFirst",
                preferredAppGroupType: "RailApplications"),
            sessionHosts: [
                demoHost("avd-app-0.contoso.com", status: "Available", sessions: 5, remoteApp: true, users: &users),
                demoHost("avd-app-1.contoso.com", status: "Available", sessions: 4, remoteApp: true, users: &users),
            ])
    }

    private static func demoEngineering(_ users: inout DemoUsers) -> HostPool {
        users.rewind(to: 84)
        return HostPool(
            name: "hp-engineering", tags: ["costCenter": "eng", "environment": "prod"],
            properties: HostPoolProperties(
                friendlyName: "Engineering", description: "GPU desktops for CAD", hostPoolType: "Pooled",
                maxSessionLimit: 8, loadBalancerType: "BreadthFirst", preferredAppGroupType: "Desktop",
                startVMOnConnect: true, publicNetworkAccess: "EnabledForClientsOnly"),
            sessionHosts: [
                demoHost("avd-eng-0.contoso.com", status: "Available", sessions: 6, users: &users),
                demoHost("avd-eng-1.contoso.com", status: "Available", sessions: 5, users: &users),
                demoHost("avd-eng-2.contoso.com", status: "Shutdown", sessions: 0, users: &users),
                demoHost("avd-eng-3.contoso.com", status: "Unavailable", sessions: 0, users: &users),
            ])
    }

    private static func demoPersonalDevs(_ users: inout DemoUsers) -> HostPool {
        users.rewind(to: 95)
        let first = users.peek(0), second = users.peek(1), third = users.peek(2), fourth = users.peek(3)
        return HostPool(
            name: "hp-personal-devs", tags: ["costCenter": "eng", "environment": "prod"],
            properties: HostPoolProperties(
                friendlyName: "Developer workstations", hostPoolType: "Personal", personalDesktopAssignmentType: "Direct",
                loadBalancerType: "Persistent", preferredAppGroupType: "Desktop", startVMOnConnect: true),
            sessionHosts: [
                demoHost("avd-dev-pc-0.contoso.com", status: "Available", assignedUser: first.upn, sessions: 1, users: &users),
                demoHost("avd-dev-pc-1.contoso.com", status: "Available", assignedUser: second.upn, sessions: 1, users: &users),
                demoHost(
                    "avd-dev-pc-2.contoso.com", status: "Available", assignedUser: third.upn, sessions: 1,
                    states: ["UserProfileDiskMounted"], users: &users),
                demoHost("avd-dev-pc-3.contoso.com", status: "Shutdown", assignedUser: fourth.upn, sessions: 0, users: &users),
            ])
    }

    private static func demoDevTest(_ users: inout DemoUsers) -> HostPool {
        users.rewind(to: 84)
        return HostPool(
            name: "hp-dev-test", location: "northeurope", tags: ["environment": "dev"],
            properties: HostPoolProperties(
                friendlyName: "Validation", description: "Validation ring: agent updates land here first",
                hostPoolType: "Pooled", maxSessionLimit: 4, loadBalancerType: "BreadthFirst", ring: 0,
                validationEnvironment: true, preferredAppGroupType: "Desktop"),
            sessionHosts: [
                demoHost(
                    "avd-dt-0.contoso.com", status: "Available", sessions: 4,
                    states: ["Active", "Unknown", "Pending", "LogOff"], users: &users),
                demoHost(
                    "avd-dt-1.contoso.com", status: "Unavailable", drain: true, sessions: 3,
                    states: ["Disconnected", "UserProfileDiskMounted", "Active"], lastRemoteApp: true, users: &users),
            ])
    }

    /// Builds one demo host. Sessions take the next users in turn; ids have the gaps that
    /// logged-off sessions leave on a real host.
    private static func demoHost(
        _ name: String, status: String, drain: Bool = false, assignedUser: String? = nil, sessions count: Int,
        remoteApp: Bool = false, states: [String]? = nil, lastRemoteApp: Bool = false, users: inout DemoUsers
    ) -> SessionHost {
        let statePattern = ["Active", "Active", "Disconnected", "Active", "Active", "Active", "Disconnected", "Active"]
        var sessions: [UserSession] = []
        for index in 0..<count {
            let user = users.next()
            let ordinal = users.issued
            let minutesAgo = 25 + (ordinal * 173) % (3 * 24 * 60)
            let createdAt = referenceTime - minutesAgo * 60 - (ordinal * 7) % 60
            let state = states?[index] ?? statePattern[ordinal % statePattern.count]
            let isRemoteApp = remoteApp || (lastRemoteApp && index == count - 1)
            sessions.append(
                UserSession(
                    id: String(index + 1 + index / 3), userPrincipalName: user.upn, sessionState: state,
                    applicationType: isRemoteApp ? "RemoteApp" : "Desktop", activeDirectoryUserName: user.samName,
                    createTime: ARMTimestamp.string(
                        epochSeconds: createdAt, ticks: DeterministicID.number("demo-ticks-\(ordinal)", below: 10_000_000))))
        }
        let healthy = ["Available", "Upgrading", "NeedsAssistance"].contains(status)
        let heartbeat = referenceTime - (healthy ? 41 : 6 * 3_600 + 17 * 60)
        return SessionHost(
            name: name,
            properties: SessionHostProperties(
                status: status, allowNewSession: !drain,
                agentVersion: status == "Upgrading" ? "1.0.9742.1400" : "1.0.10158.1100",
                lastHeartBeat: ARMTimestamp.string(epochSeconds: heartbeat, ticks: 1_234_567),
                statusTimestamp: ARMTimestamp.string(epochSeconds: heartbeat - 3_600 * 5, ticks: 7_654_321),
                updateState: status == "Upgrading" ? "Started" : "Succeeded", assignedUser: assignedUser),
            userSessions: sessions)
    }

    /// "Now" for every fixed or derived timestamp: 2026-11-25T09:00:00Z. Demo sessions were
    /// created in the three days before it.
    static let referenceTime = ARMTimestamp.epochSeconds(year: 2026, month: 11, day: 25, hour: 9)
}

/// Hands out demo users in a fixed order; pools that share people rewind to the same place.
struct DemoUsers {
    struct User {
        let upn: String
        let samName: String
    }

    private static let firstNames = [
        "alice", "bruno", "chloe", "david", "emma", "farid", "grace", "hugo", "ines", "jonas", "kira", "liam",
        "maya", "nils", "olga", "pavel", "quinn", "rosa", "sanjay", "tara", "umar", "vera", "wei", "ximena",
        "yusuf", "zoe", "aaron", "bianca", "carlos", "dana",
    ]
    private static let lastNames = [
        "smith", "meyer", "dubois", "rossi", "novak", "khan", "garcia", "tanaka", "larsen", "okafor", "silva",
        "nguyen", "berg", "costa", "fischer", "haddad", "ivanova", "jensen", "kowalski", "lopez", "martin", "nakamura",
        "olsen", "patel", "quist", "reyes", "schulz", "torres", "ueda", "vogel",
    ]

    private var position = 0
    /// How many users have been handed out in total (never rewinds), for varying timestamps.
    private(set) var issued = 0

    mutating func rewind(to position: Int) {
        self.position = position
    }

    func peek(_ offset: Int) -> User {
        Self.user(position + offset)
    }

    mutating func next() -> User {
        defer {
            position += 1
            issued += 1
        }
        return Self.user(position)
    }

    private static func user(_ index: Int) -> User {
        let first = firstNames[index % firstNames.count]
        let last = lastNames[(index * 7 + index / firstNames.count) % lastNames.count]
        return User(upn: "\(first).\(last)@contoso.com", samName: "CONTOSO\\\(first).\(last)")
    }
}
