/// A session host as the store holds it.
public struct EmulatedSessionHost: Sendable, Equatable {
    /// The session host name (stored case).
    public let name: String
    /// Its current number of user sessions.
    public let sessions: Int
    /// Whether it accepts new sessions.
    public let allowNewSession: Bool
    /// Its status, e.g. `Available`.
    public let status: String
    /// The `id` the API returns for it.
    public let resourceId: String
}
