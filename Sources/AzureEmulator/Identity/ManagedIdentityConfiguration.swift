/// The managed identities the emulated host has, served at the App Service endpoint
/// (`/msi/token`, header `X-IDENTITY-HEADER`) and the IMDS endpoint
/// (`/metadata/identity/oauth2/token`, header `Metadata: true`).
public struct ManagedIdentityConfiguration: Sendable, Equatable {
    /// Whether the host has a system-assigned identity (client id ``systemAssignedClientId``).
    public var systemAssigned: Bool
    /// Client ids of the user-assigned identities.
    public var userAssigned: [String]
    /// The secret the App Service endpoint requires in `X-IDENTITY-HEADER` (`IDENTITY_HEADER`).
    public var identityHeader: String

    /// The client id the system-assigned identity reports.
    public static let systemAssignedClientId = "5a4b3c2d-1e0f-4a9b-8c7d-6e5f4a3b2c1d"

    /// Creates a managed identity configuration.
    /// - Parameters:
    ///   - systemAssigned: whether there is a system-assigned identity.
    ///   - userAssigned: client ids of user-assigned identities.
    ///   - identityHeader: the App Service header secret; nil generates a random one.
    public init(systemAssigned: Bool = true, userAssigned: [String] = [], identityHeader: String? = nil) {
        self.systemAssigned = systemAssigned
        self.userAssigned = userAssigned
        self.identityHeader = identityHeader ?? RandomText.alphanumeric(count: 32)
    }
}
