/// An application registration that can sign in with the client credentials grant, by any of
/// its credentials.
public struct ServicePrincipal: Sendable, Equatable {
    /// The tenant it lives in; nil means the scenario's tenant (``Scenario/tenantId``).
    public var tenantId: String?
    /// The application (client) id, compared case-insensitively.
    public var clientId: String
    /// Accepted `client_secret` values.
    public var secrets: [String]
    /// Certificates whose private key may sign a client assertion.
    public var certificates: [ClientCertificate]
    /// Issuer/subject pairs whose tokens may be exchanged (workload identity federation).
    public var federatedCredentials: [FederatedCredential]

    /// Creates a service principal.
    /// - Parameters:
    ///   - tenantId: its tenant; nil for the scenario's.
    ///   - clientId: the application (client) id.
    ///   - secrets: accepted client secrets.
    ///   - certificates: certificates for client assertions.
    ///   - federatedCredentials: trusted external token issuers and subjects.
    public init(
        tenantId: String? = nil, clientId: String, secrets: [String] = [], certificates: [ClientCertificate] = [],
        federatedCredentials: [FederatedCredential] = []
    ) {
        self.tenantId = tenantId
        self.clientId = clientId
        self.secrets = secrets
        self.certificates = certificates
        self.federatedCredentials = federatedCredentials
    }
}
