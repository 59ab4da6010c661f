/// Who can sign in to the emulator's Microsoft Entra ID and managed identity endpoints.
///
/// Empty by default: the token endpoint then knows no application, and the managed identity
/// endpoints answer "Identity not found". The fixed bearer token
/// (``EmulatorConfiguration/token``) is accepted either way.
///
/// ```swift
/// var identities = IdentityConfiguration()
/// identities.servicePrincipals = [
///     ServicePrincipal(clientId: "app-1", secrets: ["s3cret"]),
///     ServicePrincipal(clientId: "app-2", certificates: [try ClientCertificate(pemEncoded: pem)]),
///     ServicePrincipal(clientId: "app-3", federatedCredentials: [
///         FederatedCredential(issuer: "https://token.actions.githubusercontent.com", subject: "repo:contoso/avd:ref:refs/heads/main")]),
/// ]
/// identities.managedIdentity = ManagedIdentityConfiguration(userAssigned: ["uami-1"])
/// ```
public struct IdentityConfiguration: Sendable, Equatable {
    /// Applications that sign in with the client credentials grant.
    public var servicePrincipals: [ServicePrincipal]
    /// The managed identities of the machine the client "runs on"; nil turns the managed
    /// identity endpoints off.
    public var managedIdentity: ManagedIdentityConfiguration?

    /// Creates an identity configuration.
    /// - Parameters:
    ///   - servicePrincipals: applications that sign in with client credentials.
    ///   - managedIdentity: managed identities; nil for none.
    public init(servicePrincipals: [ServicePrincipal] = [], managedIdentity: ManagedIdentityConfiguration? = nil) {
        self.servicePrincipals = servicePrincipals
        self.managedIdentity = managedIdentity
    }

    /// Checks names and secrets, and that no application is registered twice in a tenant.
    /// - Parameter defaultTenant: the tenant of principals that name none (the scenario's).
    /// - Throws: ``EmulatorError`` saying what is wrong.
    func validate(defaultTenant: String) throws {
        var seen = Set<String>()
        for principal in servicePrincipals {
            try Self.checkWord(principal.clientId, "A client id")
            try Self.checkWord(principal.tenantId ?? defaultTenant, "The tenant of client '\(principal.clientId)'")
            let key = "\((principal.tenantId ?? defaultTenant).lowercased())/\(principal.clientId.lowercased())"
            guard seen.insert(key).inserted else {
                throw EmulatorError("The client id '\(principal.clientId)' is registered twice in one tenant; give it several credentials instead.")
            }
            for secret in principal.secrets where secret.isEmpty {
                throw EmulatorError("The client secret of '\(principal.clientId)' must not be empty.")
            }
            for credential in principal.federatedCredentials where credential.issuer.isEmpty || credential.subject.isEmpty {
                throw EmulatorError("A federated credential of '\(principal.clientId)' needs a non-empty issuer and subject.")
            }
        }
        if let managedIdentity {
            try Self.checkWord(managedIdentity.identityHeader, "The identity header secret")
            for clientId in managedIdentity.userAssigned { try Self.checkWord(clientId, "A user-assigned identity's client id") }
            guard managedIdentity.systemAssigned || !managedIdentity.userAssigned.isEmpty else {
                throw EmulatorError("A managed identity configuration needs the system-assigned identity or a user-assigned one.")
            }
        }
    }

    private static func checkWord(_ value: String, _ what: String) throws {
        guard !value.isEmpty, !value.contains(where: \.isWhitespace) else {
            throw EmulatorError("\(what) must be non-empty and contain no spaces.")
        }
    }
}
