/// A subscription in the live state, with its resource groups indexed by lowercased name.
struct SubscriptionRecord {
    let subscriptionId: String
    let json: [UInt8]
    var groups: [ResourceGroupRecord]
    let groupIndex: [String: Int]

    init(_ subscription: Scenario.Subscription, tenantId: String, style: Scenario.IDStyle) {
        subscriptionId = subscription.subscriptionId
        json = SubscriptionRenderer.render(subscription, tenantId: tenantId)
        groups = subscription.resourceGroups.map {
            ResourceGroupRecord($0, subscriptionId: subscription.subscriptionId, style: style)
        }
        groupIndex = Dictionary(groups.enumerated().map { ($1.name.lowercased(), $0) }, uniquingKeysWith: { first, _ in first })
    }

    var poolCount: Int { groups.reduce(0) { $0 + $1.pools.count } }
}

/// A resource group with its host pools indexed by lowercased name.
struct ResourceGroupRecord {
    let name: String
    var pools: [HostPoolRecord]
    let poolIndex: [String: Int]

    init(_ group: Scenario.ResourceGroup, subscriptionId: String, style: Scenario.IDStyle) {
        name = group.name
        pools = group.hostPools.map {
            HostPoolRecord(
                $0, groupLocation: group.location,
                location: ResourceLocation(style: style, subscriptionId: subscriptionId, resourceGroup: group.name, hostPool: $0.name))
        }
        poolIndex = Dictionary(pools.enumerated().map { ($1.pool.name.lowercased(), $0) }, uniquingKeysWith: { first, _ in first })
    }
}
