/// A host pool's position in the store's arrays. Pools and hosts are
/// never removed, so positions stay valid for the store's lifetime.
struct PoolAddress: Sendable {
    let subscription: Int
    let group: Int
    let pool: Int
}
