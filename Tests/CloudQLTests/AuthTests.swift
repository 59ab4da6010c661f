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
