import AzureEmulator
import CloudQL
import CloudQLTestSupport
import Foundation
import Testing

/// Signing in the way the Azure SDKs do, against the emulator.
@Suite struct AuthTests {
    static let table = "azure.desktop_virtualization.user_sessions"
    static let pool = "subscriptionId = '\(TestEstate.subscription)' AND resourceGroupName = 'rg-east' AND hostPoolName = 'hp-ops'"

    /// An environment with no credential at all, and the metadata service pointed at a closed
    /// loopback port so that no request leaves the machine.
    static func bareEnvironment(_ extra: [String: String] = [:]) -> [String: String] {
        var environment = ["PATH": "/nonexistent", "AZURE_POD_IDENTITY_AUTHORITY_HOST": "http://127.0.0.1:9"]
        for (key, value) in extra { environment[key] = value }
        return environment
    }

    func count(_ sql: String, _ emulator: RunningEmulator, environment: [String: String]) async throws -> Int {
        let session = try Session(configuration: SessionConfiguration(
            endpoints: ["azure": try ARMEndpoint(emulator.baseURL)], environment: environment
        ))
        defer { Task { try? await session.shutdown() } }
        guard case .rows(let set) = try await session.execute(sql).last?.output else { return -1 }
        return set.rows.count
    }

    @Test func whenNothingWorksOneErrorListsEachMethodAndWhy() async throws {
        try await EmulatorHarness.withEmulator(try TestEstate.configuration()) { emulator in
            do {
                _ = try await count("SELECT name FROM \(Self.table) WHERE \(Self.pool)", emulator, environment: Self.bareEnvironment())
                Issue.record("no credential must fail")
            } catch let error as CloudQLError {
                #expect(error.kind == .authentication)
                #expect(error.message.hasPrefix("No Azure credential works"))
                #expect(error.notes == [
                    "  environment: AZURE_TENANT_ID, AZURE_CLIENT_ID not set",
                    "  workload identity: AZURE_FEDERATED_TOKEN_FILE, AZURE_TENANT_ID, AZURE_CLIENT_ID not set",
                    "  managed identity (instance metadata): no managed identity endpoint (IDENTITY_ENDPOINT is not set and http://127.0.0.1:9 does not answer)",
                    "  Azure CLI: az not found on PATH",
                ])
            }
            #expect(await emulator.store.requestLog().isEmpty, "nothing reached ARM without a token")
        }
    }

    @Test func theAzureCLIsLoginIsUsed() async throws {
        try await EmulatorHarness.withEmulator(try TestEstate.configuration()) { emulator in
            let directory = FileManager.default.temporaryDirectory.appendingPathComponent("az-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            defer { try? FileManager.default.removeItem(at: directory) }
            let script = directory.appendingPathComponent("az")
            try """
                #!/bin/sh
                [ "$1 $2 $3 $4" = "account get-access-token --resource https://management.azure.com/" ] || exit 3
                echo '{"accessToken": "\(emulator.token)", "expiresOn": "2099-01-01 00:00:00.000000", "expires_on": 4070908800, "tokenType": "Bearer"}'
                """.write(to: script, atomically: true, encoding: .utf8)
            try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: script.path)
            let rows = try await count("SELECT name FROM \(Self.table) WHERE \(Self.pool)", emulator,
                                       environment: Self.bareEnvironment(["PATH": directory.path + ":/usr/bin:/bin"]))
            #expect(rows == 5)
        }
    }
}

/// Each way of signing in, against the emulator's Entra ID and managed-identity endpoints,
/// followed by a query; and what must never leak.
@Suite struct SignInTests {
    static let table = "azure.desktop_virtualization.user_sessions"
    static let pool = "subscriptionId = '\(TestEstate.subscription)' AND resourceGroupName = 'rg-east' AND hostPoolName = 'hp-ops'"
    static let tenant = "72f988bf-86f1-41af-91ab-2d7cd011db47"
    static let clientID = "0d2c5f8e-1111-4a5b-9c3d-5e6f7a8b9c0d"
    static let secret = "s3cr3t-Value~with.chars_123"

    func configuration(_ identities: IdentityConfiguration, faults: [Fault] = []) throws -> EmulatorConfiguration {
        var configuration = try TestEstate.configuration(faults: faults)
        configuration.identities = identities
        return configuration
    }

    /// A session that signs in with the service principal's secret at the emulator.
    func secretSession(_ emulator: RunningEmulator) throws -> Session {
        var environment = AuthTests.bareEnvironment(["AZURE_TENANT_ID": Self.tenant, "AZURE_CLIENT_ID": Self.clientID, "AZURE_CLIENT_SECRET": Self.secret])
        environment["AZURE_AUTHORITY_HOST"] = emulator.baseURL
        return try Session(configuration: SessionConfiguration(endpoints: ["azure": try ARMEndpoint(emulator.baseURL)], environment: environment))
    }

    func rows(_ emulator: RunningEmulator, _ environment: [String: String]) async throws -> Int {
        var full = AuthTests.bareEnvironment(environment)
        full["AZURE_AUTHORITY_HOST"] = emulator.baseURL
        let session = try Session(configuration: SessionConfiguration(endpoints: ["azure": try ARMEndpoint(emulator.baseURL)], environment: full))
        defer { Task { try? await session.shutdown() } }
        guard case .rows(let set) = try await session.execute("SELECT name FROM \(Self.table) WHERE \(Self.pool)").last?.output else { return -1 }
        return set.rows.count
    }

    @Test func clientSecret() async throws {
        let identities = IdentityConfiguration(servicePrincipals: [ServicePrincipal(clientId: Self.clientID, secrets: [Self.secret])])
        try await EmulatorHarness.withEmulator(try configuration(identities)) { emulator in
            let count = try await rows(emulator, ["AZURE_TENANT_ID": Self.tenant, "AZURE_CLIENT_ID": Self.clientID, "AZURE_CLIENT_SECRET": Self.secret])
            #expect(count == 5)
            #expect(await emulator.store.issuedTokens().map(\.flow) == [.clientSecret])
        }
    }

    @Test func concurrentRequestsShareOneTokenFetch() async throws {
        let identities = IdentityConfiguration(servicePrincipals: [ServicePrincipal(clientId: Self.clientID, secrets: [Self.secret])])
        try await EmulatorHarness.withEmulator(try configuration(identities)) { emulator in
            let session = try secretSession(emulator)
            defer { Task { try? await session.shutdown() } }
            // Two listings start at once, before any token exists.
            _ = try await session.execute("""
                SELECT count(*) FROM \(Self.table) WHERE subscriptionId = '\(TestEstate.subscription)'
                  AND resourceGroupName = 'rg-east' AND hostPoolName IN ('hp-ops', 'pool with spaces')
                """)
            #expect(await emulator.store.issuedTokens().count == 1)
        }
    }

    @Test func aWrongSecretStopsTheChainWithEntrasReason() async throws {
        let identities = IdentityConfiguration(servicePrincipals: [ServicePrincipal(clientId: Self.clientID, secrets: [Self.secret])])
        try await EmulatorHarness.withEmulator(try configuration(identities)) { emulator in
            do {
                _ = try await rows(emulator, ["AZURE_TENANT_ID": Self.tenant, "AZURE_CLIENT_ID": Self.clientID, "AZURE_CLIENT_SECRET": "wrong-secret"])
                Issue.record("a wrong secret must fail")
            } catch let error as CloudQLError {
                #expect(error.kind == .authentication)
                #expect(error.message.contains("invalid_client"))
                #expect(error.message.contains("AADSTS7000215"))
                #expect(!error.description.contains("wrong-secret"))
            }
        }
    }

    @Test func clientCertificate() async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("cert-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let key = directory.appendingPathComponent("key.pem"), cert = directory.appendingPathComponent("cert.pem")
        let made = try await CLIRunner.run(URL(fileURLWithPath: "/usr/bin/openssl"), [
            "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", key.path, "-out", cert.path, "-subj", "/CN=cloudql-test", "-days", "1",
        ])
        try #require(made.status == 0, "openssl: \(made.standardError)")
        let certificatePEM = try String(contentsOf: cert, encoding: .utf8)
        let combined = directory.appendingPathComponent("combined.pem")
        try (try String(contentsOf: key, encoding: .utf8) + certificatePEM).write(to: combined, atomically: true, encoding: .utf8)
        let identities = IdentityConfiguration(servicePrincipals: [
            ServicePrincipal(clientId: Self.clientID, certificates: [try ClientCertificate(pemEncoded: certificatePEM)]),
        ])
        try await EmulatorHarness.withEmulator(try configuration(identities)) { emulator in
            let count = try await rows(emulator, ["AZURE_TENANT_ID": Self.tenant, "AZURE_CLIENT_ID": Self.clientID, "AZURE_CLIENT_CERTIFICATE_PATH": combined.path])
            #expect(count == 5)
            #expect(await emulator.store.issuedTokens().map(\.flow) == [.clientCertificate])
        }
    }

    @Test func workloadIdentity() async throws {
        let issuer = "https://oidc.prod-aks.azure.com/cluster/", subject = "system:serviceaccount:avd:cloudql"
        let identities = IdentityConfiguration(servicePrincipals: [
            ServicePrincipal(clientId: Self.clientID, federatedCredentials: [FederatedCredential(issuer: issuer, subject: subject)]),
        ])
        func part(_ object: [String: Any]) throws -> String {
            try JSONSerialization.data(withJSONObject: object).base64EncodedString()
                .replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_").replacingOccurrences(of: "=", with: "")
        }
        let now = Int(Date().timeIntervalSince1970)
        let federated = try part(["alg": "RS256", "typ": "JWT"]) + "." + part([
            "iss": issuer, "sub": subject, "aud": FederatedCredential.tokenExchangeAudience, "iat": now, "nbf": now, "exp": now + 3600,
        ]) + ".c2lnbmF0dXJl"
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("federated-\(UUID().uuidString)")
        try federated.write(to: file, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: file) }
        try await EmulatorHarness.withEmulator(try configuration(identities)) { emulator in
            let count = try await rows(emulator, ["AZURE_TENANT_ID": Self.tenant, "AZURE_CLIENT_ID": Self.clientID, "AZURE_FEDERATED_TOKEN_FILE": file.path])
            #expect(count == 5)
            #expect(await emulator.store.issuedTokens().map(\.flow) == [.federatedCredential])
        }
    }

    @Test func managedIdentityBothWays() async throws {
        let identities = IdentityConfiguration(managedIdentity: ManagedIdentityConfiguration(systemAssigned: true))
        try await EmulatorHarness.withEmulator(try configuration(identities)) { emulator in
            let header = try #require(emulator.identityHeader)
            let appService = try await rows(emulator, ["IDENTITY_ENDPOINT": emulator.managedIdentityEndpoint, "IDENTITY_HEADER": header])
            #expect(appService == 5)
            let metadata = try await rows(emulator, ["AZURE_POD_IDENTITY_AUTHORITY_HOST": emulator.baseURL])
            #expect(metadata == 5)
            #expect(await emulator.store.issuedTokens().map(\.flow) == [.appServiceManagedIdentity, .imdsManagedIdentity])
        }
    }

    @Test func aTokenThatExpiresMidRunIsRefreshedOnceAndNothingFails() async throws {
        let identities = IdentityConfiguration(servicePrincipals: [ServicePrincipal(clientId: Self.clientID, secrets: [Self.secret])])
        try await EmulatorHarness.withEmulator(try configuration(identities)) { emulator in
            let session = try secretSession(emulator)
            defer { Task { try? await session.shutdown() } }
            let query = "SELECT count(*) FROM \(Self.table) WHERE \(Self.pool)"
            _ = try await session.execute(query)
            await emulator.store.expireAllTokens()
            let results = try await session.execute("\(query); \(query)")
            #expect(results.count == 2)
            #expect(await emulator.store.issuedTokens().count == 2, "one token, then exactly one refresh")
            let refused = await emulator.store.requestLog().filter { $0.status == 401 }
            #expect(refused.count == 1, "the one request that met the expired token, answered and then repeated")
        }
    }

    @Test func aNextLinkToAnotherHostIsRefusedAndGetsNoToken() async throws {
        let elsewhere = try SilentServer()
        defer { elsewhere.stop() }
        let faults = [Fault(.nextLinkHost(elsewhere.baseURL), pathContains: "hostPools/hp-ops/userSessions")]
        try await EmulatorHarness.withEmulator(try TestEstate.configuration(faults: faults)) { emulator in
            let error = try await EmulatorHarness.error("SELECT name FROM \(Self.table) WHERE \(Self.pool)", on: emulator)
            #expect(error.message.hasPrefix("Refusing to send a request for list_by_host_pool of \(Self.table) to \(elsewhere.baseURL)"))
            #expect(elsewhere.requestCount == 0)
        }
    }

    @Test func noSecretOrTokenAppearsInAnyOutputOfAFailingLoggedRun() async throws {
        let identities = IdentityConfiguration(servicePrincipals: [ServicePrincipal(clientId: Self.clientID, secrets: [Self.secret])])
        let faults = [try Fault.parse("500@hostPools/hp-ops/userSessions")]
        try await EmulatorHarness.withEmulator(try configuration(identities, faults: faults)) { emulator in
            var environment = AuthTests.bareEnvironment(["AZURE_TENANT_ID": Self.tenant, "AZURE_CLIENT_ID": Self.clientID, "AZURE_CLIENT_SECRET": Self.secret])
            environment["AZURE_AUTHORITY_HOST"] = emulator.baseURL
            let runner = CLIRunner(environment: environment)
            let outcome = try await runner.run([
                "exec", "--endpoint", "azure=\(emulator.baseURL)", "--http.log.enabled", "--verbose", "--http.retry.attempts", "1",
                "SELECT count(*) FROM azure.desktop_virtualization.host_pools WHERE subscriptionId = '\(TestEstate.subscription)'; SELECT name FROM \(Self.table) WHERE \(Self.pool)",
            ])
            #expect(outcome.status != 0)
            #expect(outcome.standardError.contains("HTTP 500"))
            #expect(outcome.standardError.contains("signed in with environment (client secret)"))
            let tokens = await emulator.store.issuedTokens().map(\.accessToken)
            #expect(!tokens.isEmpty)
            for stream in [outcome.standardOutput, outcome.standardError] {
                #expect(!stream.contains(Self.secret))
                for token in tokens { #expect(!stream.contains(token)) }
                #expect(!stream.contains(emulator.token))
            }
        }
    }
}
