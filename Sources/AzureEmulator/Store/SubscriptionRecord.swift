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
