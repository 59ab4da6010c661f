import AzureEmulator
import CloudQL
import CloudQLTestSupport
import Foundation
import Testing

/// Every failure is one clear sentence and never an empty result.
@Suite struct ErrorTests {
    static let table = "azure.desktop_virtualization.user_sessions"
    static let pool = "subscriptionId = '\(TestEstate.subscription)' AND resourceGroupName = 'rg-east' AND hostPoolName = 'hp-ops'"

    @Test func missingRequiredParameterIsStackQLsMessageBeforeAnyRequest() async throws {
        try await EmulatorHarness.withEmulator(try TestEstate.configuration()) { emulator in
            let error = try await EmulatorHarness.error(
                "SELECT * FROM \(Self.table) WHERE subscriptionId = '\(TestEstate.subscription)' AND hostPoolName = 'hp-ops'", on: emulator)
            #expect(error.kind == .missingParameters)
            #expect(error.message.hasPrefix("cannot find matching operation, possible causes include missing required parameters or an unsupported method for the resource, to find required parameters for supported methods run SHOW METHODS IN \(Self.table)"))
            #expect(error.message.contains("list_by_host_pool requires hostPoolName, resourceGroupName, subscriptionId; missing: resourceGroupName"))
            #expect(await emulator.store.requestLog().isEmpty)
        }
    }

    @Test func listOfAMissingHostPoolOrResourceGroupSaysWhich() async throws {
        try await EmulatorHarness.withEmulator(try TestEstate.configuration()) { emulator in
            let pool = try await EmulatorHarness.error("""
                SELECT * FROM \(Self.table) WHERE subscriptionId = '\(TestEstate.subscription)' AND resourceGroupName = 'rg-east' AND hostPoolName = 'hp-nope'
                """, on: emulator)
            #expect(pool.http?.status == 404)
            #expect(pool.message.contains("hp-nope"))
            #expect(pool.message.hasPrefix("list_by_host_pool of \(Self.table) failed: Azure answered HTTP 404 ResourceNotFound"))
            #expect(pool.http?.requestID?.isEmpty == false)
            let group = try await EmulatorHarness.error("""
                SELECT * FROM \(Self.table) WHERE subscriptionId = '\(TestEstate.subscription)' AND resourceGroupName = 'rg-nope' AND hostPoolName = 'hp-ops'
                """, on: emulator)
            #expect(group.http?.azureCode == "ResourceGroupNotFound")
            #expect(group.message.contains("rg-nope"))
        }
    }

    @Test func unauthorizedForbiddenAndServerErrorsFailTheStatement() async throws {
        let faults = [try Fault.parse("403@rg-west"), try Fault.parse("500@hostPools/hp-lab")]
        try await EmulatorHarness.withEmulator(try TestEstate.configuration(faults: faults)) { emulator in
            let forbidden = try await EmulatorHarness.error("""
                SELECT * FROM \(Self.table) WHERE subscriptionId = '\(TestEstate.subscription)' AND resourceGroupName = 'rg-west' AND hostPoolName = 'hp-dev'
                """, on: emulator)
            #expect(forbidden.http?.status == 403)
            #expect(forbidden.http?.azureCode == "AuthorizationFailed")
            #expect(forbidden.message.contains("lacks permission"))

            let broken = try await EmulatorHarness.error("""
                SELECT * FROM \(Self.table) WHERE subscriptionId = '\(TestEstate.otherSubscription)' AND resourceGroupName = 'rg-lab' AND hostPoolName = 'hp-lab'
                """, on: emulator)
            #expect(broken.http?.status == 500)

            // One failing pool in a fan-out fails the whole statement: never fewer rows.
            let fanOut = try await EmulatorHarness.error("""
                SELECT us.name FROM azure.desktop_virtualization.host_pools hp
                JOIN \(Self.table) us ON us.subscriptionId = hp.subscriptionId
                  AND us.resourceGroupName = split_part(hp.id, '/', 5) AND us.hostPoolName = hp.name
                WHERE hp.subscriptionId = '\(TestEstate.subscription)'
                """, on: emulator)
            #expect(fanOut.http?.status == 403)

            let session = try Session(configuration: SessionConfiguration(
                endpoints: ["azure": try ARMEndpoint(emulator.baseURL)],
                auth: AuthConfiguration(methods: ["azure": .token("not-the-token")])
            ))
            do {
                try await session.execute("SELECT * FROM \(Self.table) WHERE \(Self.pool)")
                Issue.record("a refused token must fail")
            } catch let error as CloudQLError {
                #expect(error.http?.status == 401)
                #expect(error.message.contains("InvalidAuthenticationToken"))
                #expect(!error.description.contains("not-the-token"))
            }
            try await session.shutdown()
        }
    }

    @Test func unreachableEndpointIsAClearError() async throws {
        let session = try Session(configuration: SessionConfiguration(
            endpoints: ["azure": try ARMEndpoint("http://127.0.0.1:9")],
            auth: AuthConfiguration(methods: ["azure": .token("t")])
        ))
        do {
            try await session.execute("SELECT * FROM \(Self.table) WHERE \(Self.pool)")
            Issue.record("an unreachable endpoint must fail")
        } catch let error as CloudQLError {
            #expect(error.kind == .transport)
            #expect(error.message.contains("Cannot reach http://127.0.0.1:9"))
        }
        try await session.shutdown()
    }

    @Test func malformedAuthIsRejectedWithTheExpectedShape() throws {
        for text in ["{", #"{"azure": "bearer"}"#, #"{"azure": {"type": "bearer"}}"#, #"{"azure": {"type": "kerberos"}}"#] {
            #expect {
                _ = try AuthConfiguration.parse(text)
            } throws: { error in
                (error as? CloudQLError)?.kind == .usage
            }
        }
        #expect(try AuthConfiguration.parse(#"{"azure": {"type": "api_key", "credentialsenvvar": "T"}}"#).method(for: "azure")
                == .environmentToken(variable: "T", prefix: "Bearer "))
    }
}
