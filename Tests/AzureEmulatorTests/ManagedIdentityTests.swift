import AzureEmulator
import Foundation
import Testing

@Suite("Managed identity endpoints")
struct ManagedIdentityTests {
    static let resource = "resource=https%3A%2F%2Fmanagement.azure.com%2F"
    static let appService = "/msi/token?api-version=2019-08-01&" + resource
    static let imds = "/metadata/identity/oauth2/token?api-version=2018-02-01&" + resource

    static func configuration(systemAssigned: Bool = true, userAssigned: [String] = []) -> EmulatorConfiguration {
        EmulatorConfiguration(
            identities: IdentityConfiguration(
                managedIdentity: ManagedIdentityConfiguration(
                    systemAssigned: systemAssigned, userAssigned: userAssigned, identityHeader: "header-secret")),
            tokenLifetime: .seconds(600))
    }

    @Test("App Service style: X-IDENTITY-HEADER gets a token with expires_on as a string, which ARM accepts")
    func appService() async throws {
        try await withEmulator(Self.configuration()) { client in
            #expect(client.emulator.identityHeader == "header-secret")
            #expect(client.emulator.managedIdentityEndpoint == client.emulator.baseURL + "/msi/token")
            let before = Int(Date().timeIntervalSince1970)
            let response = try await client.send(.GET, Self.appService, token: .some(nil), headers: [("X-IDENTITY-HEADER", "header-secret")])
            #expect(response.status == 200, "\(response.text)")
            let body = try response.object()
            #expect(body["token_type"] as? String == "Bearer")
            #expect(body["resource"] as? String == "https://management.azure.com/")
            #expect(body["client_id"] as? String == ManagedIdentityConfiguration.systemAssignedClientId)
            let expiresOn = try #require(Int(body["expires_on"] as? String ?? ""), "expires_on is epoch seconds as a string")
            #expect(expiresOn >= before + 600)
            let token = try #require(body["access_token"] as? String)
            #expect(try await client.send(.GET, "/subscriptions?" + TestClient.subscriptionsVersion, token: token).status == 200)
            #expect(await client.emulator.store.issuedTokens().map(\.flow) == [.appServiceManagedIdentity])
        }
    }

    @Test("App Service style: a missing header is 400, a wrong one 401")
    func appServiceHeader() async throws {
        try await withEmulator(Self.configuration()) { client in
            let missing = try await client.send(.GET, Self.appService, token: .some(nil))
            #expect(missing.status == 400)
            #expect(missing.string("error") == "invalid_request")
            let wrong = try await client.send(.GET, Self.appService, token: .some(nil), headers: [("X-IDENTITY-HEADER", "guess")])
            #expect(wrong.status == 401)
            #expect(await client.emulator.store.issuedTokens().isEmpty)
        }
    }

    @Test("IMDS style: Metadata: true gets a token with expires_in and expires_on as strings")
    func imds() async throws {
        try await withEmulator(Self.configuration()) { client in
            let response = try await client.send(.GET, Self.imds, token: .some(nil), headers: [("Metadata", "true")])
            #expect(response.status == 200, "\(response.text)")
            let body = try response.object()
            #expect(body["expires_in"] as? String == "600")
            #expect(Int(body["expires_on"] as? String ?? "") != nil)
            #expect(body["client_id"] as? String == ManagedIdentityConfiguration.systemAssignedClientId)
            let token = try #require(body["access_token"] as? String)
            #expect(try await client.send(.GET, "/subscriptions?" + TestClient.subscriptionsVersion, token: token).status == 200)
            let missing = try await client.send(.GET, Self.imds, token: .some(nil))
            #expect(missing.status == 400)
            #expect(missing.string("error_description") == "Required metadata header not specified")
        }
    }

    @Test("user-assigned identities are chosen by client_id; with several and no system identity, one must be named")
    func userAssigned() async throws {
        try await withEmulator(Self.configuration(systemAssigned: false, userAssigned: ["uami-1", "uami-2"])) { client in
            let named = try await client.send(.GET, Self.imds + "&client_id=uami-2", token: .some(nil), headers: [("Metadata", "true")])
            #expect(named.status == 200, "\(named.text)")
            #expect(named.string("client_id") == "uami-2")
            let unnamed = try await client.send(.GET, Self.imds, token: .some(nil), headers: [("Metadata", "true")])
            #expect(unnamed.status == 400)
            #expect(unnamed.string("error_description")?.hasPrefix("Multiple user assigned identities exist") == true)
            let unknown = try await client.send(
                .GET, Self.appService + "&client_id=uami-9", token: .some(nil), headers: [("X-IDENTITY-HEADER", "header-secret")])
            #expect(unknown.status == 400)
            #expect(unknown.string("error_description") == "Identity not found")
        }
    }

    @Test("only Azure Resource Manager tokens are issued; without managed identities there is no identity")
    func resourceAndAbsence() async throws {
        try await withEmulator(Self.configuration()) { client in
            let graph = try await client.send(
                .GET, "/metadata/identity/oauth2/token?api-version=2018-02-01&resource=https%3A%2F%2Fgraph.microsoft.com%2F",
                token: .some(nil), headers: [("Metadata", "true")])
            #expect(graph.status == 400)
            #expect(graph.string("error") == "invalid_resource")
        }
        try await withEmulator { client in
            let response = try await client.send(.GET, Self.imds, token: .some(nil), headers: [("Metadata", "true")])
            #expect(response.status == 400)
            #expect(response.string("error_description") == "Identity not found")
        }
    }
}
