import Foundation

/// An access token the emulator issued, as ``EmulatorStore/issuedTokens()`` and
/// `GET /_emulator/tokens` report it.
public struct IssuedToken: Sendable, Equatable {
    /// The bearer token itself (a JWT signed by the emulator).
    public let accessToken: String
    /// The application or managed identity it was issued to.
    public let clientId: String
    /// The tenant it was issued in.
    public let tenantId: String
    /// How the client signed in.
    public let flow: Flow
    /// When it was issued.
    public let issuedAt: Date
    /// When it stops being accepted; moved to the past by ``EmulatorStore/expireAllTokens()``.
    public internal(set) var expiresAt: Date

    /// The ways a client can obtain a token.
    public enum Flow: String, Sendable, CaseIterable {
        /// Client credentials with `client_secret`.
        case clientSecret = "client_secret"
        /// Client credentials with a client assertion signed by a registered certificate.
        case clientCertificate = "client_certificate"
        /// Client credentials with an external token matching a federated credential.
        case federatedCredential = "federated_credential"
        /// The App Service / Functions managed identity endpoint (`/msi/token`).
        case appServiceManagedIdentity = "app_service_managed_identity"
        /// The IMDS managed identity endpoint (`/metadata/identity/oauth2/token`).
        case imdsManagedIdentity = "imds_managed_identity"
    }
}
