import Foundation

/// Workload identity (e.g. on Kubernetes): exchanges the federated token in
/// `AZURE_FEDERATED_TOKEN_FILE` for an access token. The file is read for every request,
/// because the platform rotates it.
struct WorkloadIdentityCredential: TokenCredential {
    let tenant: String
    let clientID: String
    let tokenFile: String
    let client: EntraTokenClient

    var name: String { "workload identity" }

    func token(scope: String) async throws -> AccessToken {
        guard let assertion = try? String(contentsOfFile: tokenFile, encoding: .utf8).trimmingCharacters(in: .whitespacesAndNewlines), !assertion.isEmpty else {
            throw CloudQLError(.authentication, "Cannot read a federated token from AZURE_FEDERATED_TOKEN_FILE (\(tokenFile)).")
        }
        return try await client.clientCredentials(tenant: tenant, clientID: clientID, scope: scope, assertion: assertion, method: name)
    }
}
