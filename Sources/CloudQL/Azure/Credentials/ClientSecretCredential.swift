/// A service principal with a client secret (`AZURE_CLIENT_SECRET`).
struct ClientSecretCredential: TokenCredential {
    let tenant: String
    let clientID: String
    let secret: String
    let client: EntraTokenClient

    var name: String { "environment (client secret)" }

    func token(scope: String) async throws -> AccessToken {
        try await client.clientCredentials(tenant: tenant, clientID: clientID, scope: scope, secret: secret, method: name)
    }
}
