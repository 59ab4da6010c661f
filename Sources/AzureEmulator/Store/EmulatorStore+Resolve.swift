/// Name lookups: case-insensitive, reporting the first missing level the way ARM does.
extension EmulatorStore {
    func resolve(subscriptionId: String) throws(ARMError) -> Int {
        guard let index = subscriptionIndex[subscriptionId.lowercased()] else { throw .subscriptionNotFound(subscriptionId) }
        return index
    }

    func resolve(_ path: ARMPath.Group) throws(ARMError) -> (subscription: Int, group: Int) {
        let subscription = try resolve(subscriptionId: path.subscriptionId)
        guard let group = subscriptions[subscription].groupIndex[path.resourceGroup.lowercased()] else {
            throw .resourceGroupNotFound(path.resourceGroup)
        }
        return (subscription, group)
    }

    func resolve(_ path: ARMPath.Pool) throws(ARMError) -> PoolAddress {
        let (subscription, group) = try resolve(path.group)
        guard let pool = subscriptions[subscription].groups[group].poolIndex[path.hostPool.lowercased()] else {
            throw .resourceNotFound(path.resource, resourceGroup: path.group.resourceGroup)
        }
        return PoolAddress(subscription: subscription, group: group, pool: pool)
    }

    func resolve(_ path: ARMPath.Host) throws(ARMError) -> HostAddress {
        let pool = try resolve(path.pool)
        guard let host = self.pool(pool).hostIndex[path.sessionHost.lowercased()] else {
            throw .resourceNotFound(path.resource, resourceGroup: path.pool.group.resourceGroup)
        }
        return HostAddress(pool: pool, host: host)
    }

    func resolve(_ path: ARMPath.Session) throws(ARMError) -> (host: HostAddress, position: Int) {
        let host = try resolve(path.host)
        guard let position = self.host(host).sessionPosition(path.userSessionId) else {
            throw .resourceNotFound(path.resource, resourceGroup: path.host.pool.group.resourceGroup)
        }
        return (host, position)
    }

    func resolve(poolNamed hostPool: String, subscriptionId: String, resourceGroup: String) throws(ARMError) -> PoolAddress {
        try resolve(ARMPath.Pool(group: ARMPath.Group(subscriptionId: subscriptionId, resourceGroup: resourceGroup), hostPool: hostPool))
    }

    func pool(_ address: PoolAddress) -> HostPoolRecord {
        subscriptions[address.subscription].groups[address.group].pools[address.pool]
    }

    func host(_ address: HostAddress) -> SessionHostRecord {
        subscriptions[address.pool.subscription].groups[address.pool.group].pools[address.pool.pool].hosts[address.host]
    }

    /// Mutates a session host in place (no copy of the estate's arrays).
    func withHost<Result>(_ address: HostAddress, _ body: (inout SessionHostRecord) -> Result) -> Result {
        body(&subscriptions[address.pool.subscription].groups[address.pool.group].pools[address.pool.pool].hosts[address.host])
    }
}
