/// The paths of the identity endpoints. The ARM middleware hands these to the router instead
/// of treating them as ARM paths; they are matched exactly (case-sensitively), as the router does.
enum IdentityPath {
    /// The App Service managed identity endpoint, `IDENTITY_ENDPOINT=<base URL>/msi/token`.
    static let appService = "/msi/token"
    /// The IMDS managed identity endpoint.
    static let imds = "/metadata/identity/oauth2/token"

    /// The Entra ID token endpoint of `tenant`.
    static func token(tenant: String) -> String {
        "/\(tenant)/oauth2/v2.0/token"
    }

    static func matches(_ segments: [Substring]) -> Bool {
        switch segments.count {
        case 2: segments == ["msi", "token"]
        case 4: segments[1...] == ["oauth2", "v2.0", "token"] || segments == ["metadata", "identity", "oauth2", "token"]
        default: false
        }
    }
}
