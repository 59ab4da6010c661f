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
