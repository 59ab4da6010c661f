import AzureEmulator
import Foundation
import Testing

@Suite("Token endpoint: client credentials")
struct TokenEndpointTests {
    static let tenant = Scenario.defaultTenantId
    static let tokenPath = "/\(tenant)/oauth2/v2.0/token"
    static let subscriptions = "/subscriptions?" + TestClient.subscriptionsVersion

    static func configuration(_ principals: [ServicePrincipal], tokenLifetime: Duration = .seconds(3_600)) -> EmulatorConfiguration {
        EmulatorConfiguration(identities: IdentityConfiguration(servicePrincipals: principals), tokenLifetime: tokenLifetime)
    }

    @Test("a client secret is exchanged for a token that ARM accepts")
    func secret() async throws {
        try await withEmulator(Self.configuration([ServicePrincipal(clientId: "app-1", secrets: ["s3cret"])], tokenLifetime: .seconds(120))) { client in
            let response = try await client.postForm(Self.tokenPath, TestClient.clientCredentials("app-1", [("client_secret", "s3cret")]))
            #expect(response.status == 200, "\(response.text)")
            let body = try response.object()
            #expect(body["token_type"] as? String == "Bearer")
            #expect(body["expires_in"] as? Int == 120)
            #expect(body["ext_expires_in"] as? Int == 120)
            #expect(response.header("cache-control") == "no-store, no-cache")
            let token = try #require(body["access_token"] as? String)
            let claims = try JWT.claims(token)
            #expect(claims["appid"] as? String == "app-1")
            #expect(claims["tid"] as? String == Self.tenant)
            #expect(claims["aud"] as? String == "https://management.azure.com/")
            #expect(try await client.send(.GET, Self.subscriptions, token: token).status == 200)
            #expect(try await client.send(.GET, Self.subscriptions).status == 200, "the fixed token still works")
            let issued = await client.emulator.store.issuedTokens()
            #expect(issued.map(\.flow) == [.clientSecret])
            #expect(issued.first?.accessToken == token)
        }
    }

    @Test("a wrong secret is 401 invalid_client AADSTS7000215 with Entra ID's error body")
    func wrongSecret() async throws {
        try await withEmulator(Self.configuration([ServicePrincipal(clientId: "app-1", secrets: ["s3cret"])])) { client in
            let response = try await client.postForm(
                Self.tokenPath, TestClient.clientCredentials("app-1", [("client_secret", "nope")]),
                headers: [("client-request-id", "my-correlation")])
            #expect(response.status == 401)
            let body = try response.object()
            #expect(body["error"] as? String == "invalid_client")
            #expect(body["error_codes"] as? [Int] == [7000215])
            let description = try #require(body["error_description"] as? String)
            #expect(description.hasPrefix("AADSTS7000215: Invalid client secret provided."))
            #expect(description.contains("Trace ID: \(body["trace_id"] as? String ?? "?")"))
            #expect(body["correlation_id"] as? String == "my-correlation")
            #expect(response.header("client-request-id") == "my-correlation")
            #expect(body["trace_id"] as? String == response.header("x-ms-request-id"))
            let timestamp = try #require(body["timestamp"] as? String)
            #expect(timestamp.count == 20 && timestamp.hasSuffix("Z"), "\(timestamp)")
            #expect(await client.emulator.store.issuedTokens().isEmpty)
        }
    }

    @Test("request errors name the AADSTS code Entra ID uses", arguments: [
        ("/nobody.example/oauth2/v2.0/token", "app-1", "https://management.azure.com/.default", 400, "invalid_request", 90002),
        ("/common/oauth2/v2.0/token", "app-1", "https://management.azure.com/.default", 400, "invalid_request", 50059),
        (tokenPath, "app-unknown", "https://management.azure.com/.default", 400, "unauthorized_client", 700016),
        (tokenPath, "app-1", "https://graph.microsoft.com/.default", 400, "invalid_scope", 70011),
        (tokenPath, "app-1", "https://management.azure.com/user_impersonation", 400, "invalid_scope", 70011),
    ])
    func requestErrors(path: String, clientId: String, scope: String, status: Int, error: String, code: Int) async throws {
        try await withEmulator(Self.configuration([ServicePrincipal(clientId: "app-1", secrets: ["s3cret"])])) { client in
            let response = try await client.postForm(
                path, [("grant_type", "client_credentials"), ("client_id", clientId), ("scope", scope), ("client_secret", "s3cret")])
            #expect(response.status == status, "\(response.text)")
            #expect(response.string("error") == error)
            #expect((try response.object())["error_codes"] as? [Int] == [code])
            #expect(response.string("error_description")?.hasPrefix("AADSTS\(code): ") == true)
        }
    }

    @Test("missing parameters and credentials")
    func missingParts() async throws {
        try await withEmulator(Self.configuration([ServicePrincipal(clientId: "app-1", secrets: ["s3cret"])])) { client in
            let noGrant = try await client.postForm(Self.tokenPath, [("client_id", "app-1")])
            #expect(noGrant.status == 400)
            #expect(noGrant.string("error_description")?.contains("'grant_type'") == true)
            let password = try await client.postForm(Self.tokenPath, [("grant_type", "password"), ("client_id", "app-1")])
            #expect(password.string("error") == "unsupported_grant_type")
            let noCredential = try await client.postForm(Self.tokenPath, TestClient.clientCredentials("app-1", []))
            #expect(noCredential.status == 401)
            #expect((try noCredential.object())["error_codes"] as? [Int] == [7000216])
        }
    }

    @Test("the client id and tenant are matched case-insensitively; a principal may live in another tenant")
    func tenants() async throws {
        let principal = ServicePrincipal(tenantId: "11111111-aaaa-bbbb-cccc-000000000000", clientId: "App-2", secrets: ["x"])
        try await withEmulator(Self.configuration([principal])) { client in
            let response = try await client.postForm(
                "/11111111-AAAA-bbbb-cccc-000000000000/oauth2/v2.0/token", TestClient.clientCredentials("app-2", [("client_secret", "x")]))
            #expect(response.status == 200, "\(response.text)")
            let wrongTenant = try await client.postForm(Self.tokenPath, TestClient.clientCredentials("app-2", [("client_secret", "x")]))
            #expect(wrongTenant.status == 400)
            #expect(wrongTenant.string("error") == "unauthorized_client", "the app is not registered in the scenario's tenant")
        }
    }
}

@Suite("Token endpoint: client assertions")
struct ClientAssertionTests {
    static let tokenPath = TokenEndpointTests.tokenPath

    static func configuration() throws -> EmulatorConfiguration {
        TokenEndpointTests.configuration([
            ServicePrincipal(clientId: "cert-app", certificates: [try TestCertificate.first.credential()]),
            ServicePrincipal(
                clientId: "wi-app",
                federatedCredentials: [FederatedCredential(issuer: "https://oidc.example/cluster", subject: "system:serviceaccount:avd:cloudql")]),
        ])
    }

    static func assertionForm(_ clientId: String, _ assertion: String) -> [(String, String)] {
        TestClient.clientCredentials(
            clientId, [("client_assertion_type", "urn:ietf:params:oauth:client-assertion-type:jwt-bearer"), ("client_assertion", assertion)])
    }

    @Test("an RS256 assertion signed by the registered certificate is exchanged for a token", arguments: ["RS256", "PS256"])
    func certificate(algorithm: String) async throws {
        try await withEmulator(try Self.configuration()) { client in
            let audience = client.emulator.baseURL + Self.tokenPath
            let assertion = try TestCertificate.first.assertion(clientId: "cert-app", audience: audience, header: ["alg": algorithm])
            let response = try await client.postForm(Self.tokenPath, Self.assertionForm("cert-app", assertion))
            #expect(response.status == 200, "\(response.text)")
            let token = try #require(response.string("access_token"))
            #expect(try await client.send(.GET, TokenEndpointTests.subscriptions, token: token).status == 200)
            #expect(await client.emulator.store.issuedTokens().map(\.flow) == [.clientCertificate])
        }
    }

    @Test("x5t#S256 names the certificate too")
    func sha256Thumbprint() async throws {
        try await withEmulator(try Self.configuration()) { client in
            let certificate = TestCertificate.first
            let assertion = try certificate.assertion(
                clientId: "cert-app", audience: client.emulator.tokenEndpoint(tenant: Scenario.defaultTenantId),
                header: ["x5t": NSNull(), "x5t#S256": certificate.x5tS256])
            let response = try await client.postForm(Self.tokenPath, Self.assertionForm("cert-app", assertion))
            #expect(response.status == 200, "\(response.text)")
        }
    }

    @Test("assertion problems are refused with Entra ID's codes")
    func assertionErrors() async throws {
        try await withEmulator(try Self.configuration()) { client in
            let audience = client.emulator.baseURL + Self.tokenPath
            let certificate = TestCertificate.first
            let now = Date().timeIntervalSince1970.rounded(.down)
            let cases: [(String, String, Int, Int)] = [
                ("an unregistered certificate", try TestCertificate.second.assertion(clientId: "cert-app", audience: audience), 401, 700027),
                (
                    "the registered thumbprint but another key",
                    try certificate.assertion(clientId: "cert-app", audience: audience, signingKey: TestCertificate.second.privateKey), 401,
                    7000274
                ),
                (
                    "another audience",
                    try certificate.assertion(clientId: "cert-app", audience: "https://login.microsoftonline.com/x/oauth2/v2.0/token"), 401,
                    50012
                ),
                (
                    "an expired assertion",
                    try certificate.assertion(clientId: "cert-app", audience: audience, claims: ["nbf": now - 3_600, "exp": now - 600]), 401,
                    700024
                ),
                ("sub is not the client", try certificate.assertion(clientId: "cert-app", audience: audience, claims: ["sub": "other"]), 401, 700021),
                ("an HMAC algorithm", try certificate.assertion(clientId: "cert-app", audience: audience, header: ["alg": "HS256"]), 400, 50027),
                ("not a JWT", "not-a-jwt", 400, 50027),
            ]
            for (what, assertion, status, code) in cases {
                let response = try await client.postForm(Self.tokenPath, Self.assertionForm("cert-app", assertion))
                #expect(response.status == status, "\(what): \(response.text)")
                #expect((try response.object())["error_codes"] as? [Int] == [code], "\(what): \(response.text)")
            }
            let expired = try await client.postForm(
                Self.tokenPath,
                Self.assertionForm(
                    "cert-app", try certificate.assertion(clientId: "cert-app", audience: audience, claims: ["exp": now - 600])))
            #expect(expired.string("error") == "invalid_client")
            #expect(expired.string("error_description")?.hasPrefix("AADSTS700024: Client assertion is not within its valid time range.") == true)
            #expect(await client.emulator.store.issuedTokens().isEmpty)
        }
    }

    @Test("a federated token whose issuer, subject and audience match is exchanged for a token")
    func federated() async throws {
        try await withEmulator(try Self.configuration()) { client in
            let external = try JWT.federatedToken(
                issuer: "https://oidc.example/cluster", subject: "system:serviceaccount:avd:cloudql", audience: ["api://AzureADTokenExchange"])
            let response = try await client.postForm(Self.tokenPath, Self.assertionForm("wi-app", external))
            #expect(response.status == 200, "\(response.text)")
            let token = try #require(response.string("access_token"))
            #expect(try await client.send(.GET, TokenEndpointTests.subscriptions, token: token).status == 200)
            #expect(await client.emulator.store.issuedTokens().map(\.flow) == [.federatedCredential])
        }
    }

    @Test("a federated token with another issuer, subject or audience, or expired, is refused")
    func federatedErrors() async throws {
        try await withEmulator(try Self.configuration()) { client in
            let issuer = "https://oidc.example/cluster", subject = "system:serviceaccount:avd:cloudql"
            let cases: [(String, String, Int, Int)] = [
                ("another issuer", try JWT.federatedToken(issuer: "https://evil.example", subject: subject), 400, 700211),
                ("another subject", try JWT.federatedToken(issuer: issuer, subject: "system:serviceaccount:avd:other"), 400, 700213),
                ("another audience", try JWT.federatedToken(issuer: issuer, subject: subject, audience: "api://other"), 400, 700212),
                ("expired", try JWT.federatedToken(issuer: issuer, subject: subject, expiresIn: -60), 401, 700024),
            ]
            for (what, token, status, code) in cases {
                let response = try await client.postForm(Self.tokenPath, Self.assertionForm("wi-app", token))
                #expect(response.status == status, "\(what): \(response.text)")
                #expect((try response.object())["error_codes"] as? [Int] == [code], "\(what): \(response.text)")
            }
        }
    }
}

@Suite("Issued tokens on ARM routes")
struct IssuedTokenTests {
    static let configuration = TokenEndpointTests.configuration([ServicePrincipal(clientId: "app-1", secrets: ["s3cret"])])

    func signIn(_ client: TestClient) async throws -> String {
        let response = try await client.postForm(TokenEndpointTests.tokenPath, TestClient.clientCredentials("app-1", [("client_secret", "s3cret")]))
        return try #require(response.string("access_token"), "\(response.text)")
    }

    @Test("an expired token is 401 ExpiredAuthenticationToken; signing in again works; the fixed token never expires")
    func expired() async throws {
        try await withEmulator(Self.configuration) { client in
            let token = try await signIn(client)
            #expect(try await client.send(.GET, TokenEndpointTests.subscriptions, token: token).status == 200)
            await client.emulator.store.expireAllTokens()
            let refused = try await client.send(.GET, TokenEndpointTests.subscriptions, token: token)
            #expect(refused.status == 401)
            #expect(refused.errorCode == "ExpiredAuthenticationToken")
            let message = try #require(refused.errorMessage)
            #expect(message.hasPrefix("The access token expiry UTC time '"))
            #expect(message.contains("' is earlier than current UTC time '"))
            #expect(refused.header("www-authenticate")?.contains("error=\"invalid_token\"") == true)
            let fresh = try await signIn(client)
            #expect(try await client.send(.GET, TokenEndpointTests.subscriptions, token: fresh).status == 200)
            #expect(try await client.send(.GET, TokenEndpointTests.subscriptions).status == 200)
        }
    }

    @Test("POST /_emulator/tokens/expire expires tokens too, and GET /_emulator/tokens lists them")
    func inspection() async throws {
        try await withEmulator(Self.configuration) { client in
            let token = try await signIn(client)
            let listed = try await client.send(.GET, "/_emulator/tokens", token: .some(nil)).items()
            #expect(listed.count == 1)
            #expect(listed.first?["clientId"] as? String == "app-1")
            #expect(listed.first?["flow"] as? String == "client_secret")
            #expect(listed.first?["accessToken"] as? String == token)
            #expect(try await client.send(.POST, "/_emulator/tokens/expire", token: .some(nil)).status == 204)
            #expect(try await client.send(.GET, TokenEndpointTests.subscriptions, token: token).errorCode == "ExpiredAuthenticationToken")
        }
    }

    @Test("a token the emulator did not issue is 401 InvalidAuthenticationToken, even a well-formed JWT")
    func foreign() async throws {
        let other = try await withEmulator(Self.configuration) { try await signIn($0) }
        try await withEmulator(Self.configuration) { client in
            let response = try await client.send(.GET, TokenEndpointTests.subscriptions, token: other)
            #expect(response.status == 401)
            #expect(response.errorCode == "InvalidAuthenticationToken")
        }
    }
}
