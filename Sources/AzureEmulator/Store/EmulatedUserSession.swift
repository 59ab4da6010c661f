/// A user session as the store holds it, for tests to compare against API answers.
public struct EmulatedUserSession: Sendable, Equatable {
    /// The session host it runs on (stored case).
    public let sessionHost: String
    /// The user session id.
    public let id: String
    /// The user's UPN (defaulted if the scenario had none).
    public let userPrincipalName: String
    /// The current session state.
    public let sessionState: String
    /// `Desktop` or `RemoteApp`.
    public let applicationType: String
    /// The `id` the API returns for it.
    public let resourceId: String
}
