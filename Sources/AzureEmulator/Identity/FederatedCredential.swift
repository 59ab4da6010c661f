/// A federated identity credential: tokens from `issuer` about `subject`, addressed to
/// ``audience``, can be exchanged for an access token (workload identity federation, e.g.
/// Kubernetes service accounts or GitHub Actions).
public struct FederatedCredential: Sendable, Equatable {
    /// The `iss` the external token must carry, compared exactly (as Entra ID does).
    public var issuer: String
    /// The `sub` the external token must carry, compared exactly.
    public var subject: String
    /// The `aud` the external token must include; Entra ID's default.
    public var audience: String

    /// The audience Entra ID expects by default.
    public static let tokenExchangeAudience = "api://AzureADTokenExchange"

    /// Creates a federated credential.
    /// - Parameters:
    ///   - issuer: the external issuer URL, e.g. `https://token.actions.githubusercontent.com`.
    ///   - subject: the external subject, e.g. `system:serviceaccount:avd:cloudql`.
    ///   - audience: the audience; `api://AzureADTokenExchange` by default.
    public init(issuer: String, subject: String, audience: String = FederatedCredential.tokenExchangeAudience) {
        self.issuer = issuer
        self.subject = subject
        self.audience = audience
    }
}
