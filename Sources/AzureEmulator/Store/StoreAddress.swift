/// Positions of a host pool and a session host in the store's arrays. Pools and hosts are
/// never removed, so positions stay valid for the store's lifetime.
struct PoolAddress: Sendable {
    let subscription: Int
    let group: Int
    let pool: Int
}

/// A session host's position: its pool's address and its index in the pool.
struct HostAddress: Sendable {
    let pool: PoolAddress
    let host: Int
}
