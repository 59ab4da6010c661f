/// Reads: single resources and pages of listings, as pre-rendered JSON.
extension EmulatorStore {
    func listSubscriptions(_ page: PageRequest) -> ListPage {
        ListPage.collect(page, total: subscriptions.count) { subscriptions[$0].json }
    }

    func subscriptionJSON(_ subscriptionId: String) throws(ARMError) -> [UInt8] {
        subscriptions[try resolve(subscriptionId: subscriptionId)].json
    }

    func listHostPools(subscriptionId: String, _ page: PageRequest) throws(ARMError) -> ListPage {
        let subscription = subscriptions[try resolve(subscriptionId: subscriptionId)]
        let pools = subscription.groups.flatMap { $0.pools }
        return ListPage.collect(page, total: pools.count) { pools[$0].json }
    }

    func listHostPools(_ path: ARMPath.Group, _ page: PageRequest) throws(ARMError) -> ListPage {
        let (subscription, group) = try resolve(path)
        let pools = subscriptions[subscription].groups[group].pools
        return ListPage.collect(page, total: pools.count) { pools[$0].json }
    }

    func hostPoolJSON(_ path: ARMPath.Pool) throws(ARMError) -> [UInt8] {
        pool(try resolve(path)).json
    }

    func listSessionHosts(_ path: ARMPath.Pool, _ page: PageRequest) throws(ARMError) -> ListPage {
        let address = try resolve(path)
        return ListPage.collect(page, total: pool(address).hosts.count) { index in
            withHost(HostAddress(pool: address, host: index)) { $0.json() }
        }
    }

    func sessionHostJSON(_ path: ARMPath.Host) throws(ARMError) -> [UInt8] {
        withHost(try resolve(path)) { $0.json() }
    }

    func userSessionJSON(_ path: ARMPath.Session) throws(ARMError) -> [UInt8] {
        let (host, position) = try resolve(path)
        return withHost(host) { $0.sessionJSON(at: position) }
    }

    func listUserSessions(_ path: ARMPath.Host, _ page: PageRequest) throws(ARMError) -> ListPage {
        let address = try resolve(path)
        return withHost(address) { host in
            ListPage.collect(page, total: host.sessions.count) { host.sessionJSON(at: $0) }
        }
    }

    /// UserSessions_ListByHostPool: every session of the pool, host by host in listing order.
    func listUserSessions(_ path: ARMPath.Pool, filter: SessionFilter?, _ page: PageRequest) throws(ARMError) -> ListPage {
        let address = try resolve(path)
        let hostCounts = pool(address).hosts.map { $0.sessions.count }
        if let filter {
            return filteredSessions(address, hostCounts: hostCounts, filter: filter, page)
        }
        let (positions, nextSkip) = page.window(total: hostCounts.reduce(0, +))
        var items: [[UInt8]] = []
        items.reserveCapacity(positions.count)
        var firstOfHost = 0
        for (hostIndex, count) in hostCounts.enumerated() {
            let first = firstOfHost
            firstOfHost += count
            if first >= positions.upperBound { break }
            let lower = max(positions.lowerBound - first, 0)
            let upper = min(positions.upperBound - first, count)
            if lower >= upper { continue }
            withHost(HostAddress(pool: address, host: hostIndex)) { host in
                for position in lower..<upper { items.append(host.sessionJSON(at: position)) }
            }
        }
        if page.isDescending == true { items.reverse() }
        return ListPage(items: items, nextSkip: nextSkip)
    }

    // A filter must look at every session, but only the page's matches are rendered.
    private func filteredSessions(
        _ address: PoolAddress, hostCounts: [Int], filter: SessionFilter, _ page: PageRequest
    ) -> ListPage {
        var matches: [(host: Int, position: Int)] = []
        for hostIndex in hostCounts.indices {
            for (position, record) in host(HostAddress(pool: address, host: hostIndex)).sessions.enumerated()
            where filter.matches(userPrincipalName: record.userPrincipalName, sessionState: record.sessionState) {
                matches.append((hostIndex, position))
            }
        }
        return ListPage.collect(page, total: matches.count) { index in
            let match = matches[index]
            return withHost(HostAddress(pool: address, host: match.host)) { $0.sessionJSON(at: match.position) }
        }
    }
}
