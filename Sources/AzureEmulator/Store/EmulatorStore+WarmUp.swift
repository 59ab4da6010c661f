/// Renders JSON ahead of the first listing, so even the first walk of a large estate is served
/// from cache.
extension EmulatorStore {
    /// How many sessions are rendered between chances for waiting requests to run.
    static let warmUpBatch = 1_000

    /// Renders every session host and user session, a batch at a time. Requests interleave at
    /// every batch boundary; a cancelled task stops early (a later listing renders lazily).
    func warmUp() async {
        for subscription in subscriptions.indices {
            for group in subscriptions[subscription].groups.indices {
                for pool in subscriptions[subscription].groups[group].pools.indices {
                    let poolAddress = PoolAddress(subscription: subscription, group: group, pool: pool)
                    for hostIndex in self.pool(poolAddress).hosts.indices {
                        let address = HostAddress(pool: poolAddress, host: hostIndex)
                        var next = 0
                        repeat {
                            if Task.isCancelled { return }
                            next = withHost(address) { host in
                                _ = host.json()
                                let end = min(host.sessions.count, next + Self.warmUpBatch)
                                for position in next..<end { _ = host.sessionJSON(at: position) }
                                return end
                            }
                            // Between batches the actor may run the requests that queued up.
                            await Task.yield()
                        } while next < host(address).sessions.count
                    }
                }
            }
        }
    }
}
