/// Where a resource lives, with every name in its stored case, and how to spell its id, name
/// and type in the scenario's ``Scenario/IDStyle``.
struct ResourceLocation: Sendable {
    var style: Scenario.IDStyle
    var subscriptionId: String
    var resourceGroup: String
    var hostPool: String
    var sessionHost: String = ""

    private var isLive: Bool { style == .live }

    var hostPoolID: String {
        "/subscriptions/\(subscriptionId)/\(isLive ? "resourcegroups" : "resourceGroups")/\(resourceGroup)"
            + "/providers/Microsoft.DesktopVirtualization/\(isLive ? "hostpools" : "hostPools")/\(hostPool)"
    }

    var hostPoolType: String { isLive ? "Microsoft.DesktopVirtualization/hostpools" : "Microsoft.DesktopVirtualization/hostPools" }

    var sessionHostID: String { hostPoolID + (isLive ? "/sessionhosts/" : "/sessionHosts/") + sessionHost }

    var sessionHostName: String { isLive ? "\(hostPool)/\(sessionHost)" : sessionHost }

    var sessionHostType: String {
        isLive ? "Microsoft.DesktopVirtualization/hostpools/sessionhosts" : "Microsoft.DesktopVirtualization/hostPools/sessionHosts"
    }

    func userSessionID(_ id: String) -> String { sessionHostID + (isLive ? "/usersessions/" : "/userSessions/") + id }

    func userSessionName(_ id: String) -> String { isLive ? "\(hostPool)/\(sessionHost)/\(id)" : id }

    var userSessionNaming: UserSessionNaming { UserSessionNaming(self) }

    var userSessionType: String {
        isLive
            ? "Microsoft.DesktopVirtualization/hostpools/sessionhosts/usersessions"
            : "Microsoft.DesktopVirtualization/hostPools/sessionHosts/userSessions"
    }

    /// The id of a sibling application group, as `applicationGroupReferences` lists them.
    func applicationGroupID(_ name: String) -> String {
        "/subscriptions/\(subscriptionId)/\(isLive ? "resourcegroups" : "resourceGroups")/\(resourceGroup)"
            + "/providers/Microsoft.DesktopVirtualization/\(isLive ? "applicationgroups" : "applicationGroups")/\(name)"
    }

    /// The id of a session host's VM; compute ids keep camelCase in both styles, as Azure returns them.
    var virtualMachineResourceID: String {
        let vmName = sessionHost.split(separator: ".", maxSplits: 1).first.map(String.init) ?? sessionHost
        return "/subscriptions/\(subscriptionId)/resourceGroups/\(resourceGroup)/providers/Microsoft.Compute/virtualMachines/\(vmName)"
    }

    /// A case-insensitive key for deterministic defaults (object ids, timestamps).
    var seed: String { "\(subscriptionId)/\(resourceGroup)/\(hostPool)/\(sessionHost)".lowercased() }
}
