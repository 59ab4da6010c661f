/// A session host's position: its pool's address and its index in the pool.
struct HostAddress: Sendable {
    let pool: PoolAddress
    let host: Int
}
