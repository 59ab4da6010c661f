import Foundation

/// A managed identity: App Service / Functions / Container Apps style (`IDENTITY_ENDPOINT` and
/// `IDENTITY_HEADER`), else the instance metadata service. `AZURE_CLIENT_ID` picks a
/// user-assigned identity.
struct ManagedIdentityCredential: TokenCredential {
    enum Source: Sendable {
        case appService(endpoint: String, header: String)
        /// `AZURE_POD_IDENTITY_AUTHORITY_HOST` replaces the metadata service's address.
        case instanceMetadata(host: String)
    }

    let source: Source
    let clientID: String?
    let client: EntraTokenClient

    static let instanceMetadataHost = "http://169.254.169.254"

    var name: String {
        switch source {
        case .appService: return "managed identity (IDENTITY_ENDPOINT)"
        case .instanceMetadata: return "managed identity (instance metadata)"
        }
    }

    func token(scope: String) async throws -> AccessToken {
        let resource = scope.hasSuffix("/.default") ? String(scope.dropLast(".default".count)) : scope
        var query = "resource=\(PathSegment.encodeQueryComponent(resource))"
        if let clientID { query += "&client_id=\(PathSegment.encodeQueryComponent(clientID))" }
        switch source {
        case .appService(let endpoint, let header):
            let separator = endpoint.contains("?") ? "&" : "?"
            return try await client.managedIdentity(url: "\(endpoint)\(separator)api-version=2019-08-01&\(query)", headers: [("X-IDENTITY-HEADER", header)], method: name)
        case .instanceMetadata(let host):
            var base = host
            while base.hasSuffix("/") { base.removeLast() }
            let url = "\(base)/metadata/identity/oauth2/token?api-version=2018-02-01&\(query)"
            do {
                return try await client.managedIdentity(url: url, headers: [("Metadata", "true")], method: name)
            } catch let error as CloudQLError where error.message.contains("cannot reach") {
                throw CredentialUnavailable(reason: "no managed identity endpoint (IDENTITY_ENDPOINT is not set and \(base) does not answer)")
            }
        }
    }
}
