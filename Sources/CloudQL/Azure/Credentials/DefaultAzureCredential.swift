import Logging

/// Azure's default credential chain, in the order the Azure SDKs try it: environment service
/// principal, workload identity, managed identity, the Azure CLI. The first method that applies
/// is used from then on; a method that applies but fails stops the chain with its error.
actor DefaultAzureCredential: TokenCredential {
    private let candidates: [Result<any TokenCredential, CredentialUnavailable>]
    private let names: [String]
    private var chosen: (any TokenCredential)?
    private let diagnostics: Logger?

    nonisolated var name: String { "the default credential chain" }

    init(environment: [String: String], client: EntraTokenClient, diagnostics: Logger? = nil) {
        self.diagnostics = diagnostics
        func value(_ key: String) -> String? { environment[key].flatMap { $0.isEmpty ? nil : $0 } }
        let tenant = value("AZURE_TENANT_ID"), clientID = value("AZURE_CLIENT_ID")
        var candidates: [Result<any TokenCredential, CredentialUnavailable>] = []

        let missingIdentity = [("AZURE_TENANT_ID", tenant), ("AZURE_CLIENT_ID", clientID)].filter { $0.1 == nil }.map(\.0)
        if let tenant, let clientID, let secret = value("AZURE_CLIENT_SECRET") {
            candidates.append(.success(ClientSecretCredential(tenant: tenant, clientID: clientID, secret: secret, client: client)))
        } else if let tenant, let clientID, let path = value("AZURE_CLIENT_CERTIFICATE_PATH") {
            candidates.append(.success(ClientCertificateCredential(tenant: tenant, clientID: clientID, path: path, client: client)))
        } else {
            let missing = missingIdentity.isEmpty ? ["AZURE_CLIENT_SECRET or AZURE_CLIENT_CERTIFICATE_PATH"] : missingIdentity
            candidates.append(.failure(CredentialUnavailable(reason: "environment: \(missing.joined(separator: ", ")) not set")))
        }

        if let tenant, let clientID, let file = value("AZURE_FEDERATED_TOKEN_FILE") {
            candidates.append(.success(WorkloadIdentityCredential(tenant: tenant, clientID: clientID, tokenFile: file, client: client)))
        } else {
            let missing = (value("AZURE_FEDERATED_TOKEN_FILE") == nil ? ["AZURE_FEDERATED_TOKEN_FILE"] : []) + missingIdentity
            candidates.append(.failure(CredentialUnavailable(reason: "workload identity: \(missing.joined(separator: ", ")) not set")))
        }

        if let endpoint = value("IDENTITY_ENDPOINT"), let header = value("IDENTITY_HEADER") {
            candidates.append(.success(ManagedIdentityCredential(source: .appService(endpoint: endpoint, header: header), clientID: clientID, client: client)))
        } else {
            let host = value("AZURE_POD_IDENTITY_AUTHORITY_HOST") ?? ManagedIdentityCredential.instanceMetadataHost
            candidates.append(.success(ManagedIdentityCredential(source: .instanceMetadata(host: host), clientID: clientID, client: client)))
        }

        candidates.append(.success(AzureCLICredential(environment: environment)))
        self.candidates = candidates
        names = ["environment", "workload identity", "managed identity", "Azure CLI"]
    }

    func token(scope: String) async throws -> AccessToken {
        if let chosen { return try await chosen.token(scope: scope) }
        var reasons: [String] = []
        for candidate in candidates {
            switch candidate {
            case .failure(let unavailable):
                reasons.append(unavailable.reason)
            case .success(let credential):
                do {
                    let token = try await credential.token(scope: scope)
                    chosen = credential
                    diagnostics?.debug("signed in with \(credential.name); the token expires at \(token.expiresOn)")
                    return token
                } catch let unavailable as CredentialUnavailable {
                    diagnostics?.debug("\(credential.name) does not apply: \(unavailable.reason)")
                    reasons.append("\(credential.name): \(unavailable.reason)")
                }
            }
        }
        var error = CloudQLError(.authentication, #"No Azure credential works: set a service principal (AZURE_TENANT_ID, AZURE_CLIENT_ID, AZURE_CLIENT_SECRET), run az login, or pass a token with --auth '{"azure": {"type": "bearer", "credentialsenvvar": "AZ_ACCESS_TOKEN"}}'. Tried:"#)
        error.notes = reasons.map { "  " + $0 }
        throw error
    }
}
