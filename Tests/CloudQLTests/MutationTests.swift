import AzureEmulator
import CloudQL
import CloudQLTestSupport
import Foundation
import Testing

/// DELETE, EXEC disconnect and EXEC send_message, proven by the emulator's state afterwards.
@Suite struct MutationTests {
    static let table = "azure.desktop_virtualization.user_sessions"
    static let sub = TestEstate.subscription
    static let pool = "subscriptionId = '\(TestEstate.subscription)' AND resourceGroupName = 'rg-east' AND hostPoolName = 'hp-ops'"
    static let ids = "@subscriptionId='\(TestEstate.subscription)', @resourceGroupName='rg-east', @hostPoolName='hp-ops', @sessionHostName='ops-0.contoso.com', @userSessionId='1'"

    func sessions(_ emulator: RunningEmulator, pool: String = "hp-ops", group: String = "rg-east") async -> [String] {
        await emulator.store.userSessions(subscriptionId: Self.sub, resourceGroup: group, hostPool: pool)
            .map { "\($0.sessionHost)/\($0.id)" }.sorted()
    }

    func run(_ sql: String, on emulator: RunningEmulator, policy: MutationPolicy = MutationPolicy()) async throws -> [StatementResult] {
        let session = try Session(configuration: SessionConfiguration(
            endpoints: ["azure": try ARMEndpoint(emulator.baseURL)],
            auth: AuthConfiguration(methods: ["azure": .token(emulator.token)]),
            mutationPolicy: policy
        ))
        do {
            let results = try await session.execute(sql)
            try await session.shutdown()
            return results
        } catch {
            try await session.shutdown()
            throw error
        }
    }

    func summary(_ results: [StatementResult]) throws -> MutationSummary {
        guard case .mutation(let summary) = try #require(results.last).output else {
            throw CloudQLError(.internal, "not a mutation result")
        }
        return summary
    }

    @Test func deleteWithEveryIDSendsExactlyOneDelete() async throws {
        try await EmulatorHarness.withEmulator(try TestEstate.configuration()) { emulator in
            let results = try await run("DELETE FROM \(Self.table) WHERE \(Self.pool) AND sessionHostName = 'ops-0.contoso.com' AND userSessionId = '1'", on: emulator)
            #expect(try summary(results).statusLine == "DELETE 1")
            let log = await emulator.store.requestLog()
            #expect(log.map(\.method) == ["DELETE"])
            #expect(log.first?.force == nil)
            #expect(await sessions(emulator) == ["ops-0.contoso.com/2", "ops-0.contoso.com/3", "ops-1.contoso.com/1", "ops-1.contoso.com/4"])
            let after = try await EmulatorHarness.rows("SELECT * FROM \(Self.table) WHERE \(Self.pool) AND sessionHostName = 'ops-0.contoso.com' AND userSessionId = '1'", on: emulator)
            #expect(after.rows.isEmpty)
        }
    }

    @Test func forceBecomesTheQueryParameter() async throws {
        try await EmulatorHarness.withEmulator(try TestEstate.configuration()) { emulator in
            _ = try await run("DELETE FROM \(Self.table) WHERE \(Self.pool) AND sessionHostName = 'ops-1.contoso.com' AND userSessionId = '4' AND force = true", on: emulator)
            let log = await emulator.store.requestLog()
            #expect(log.count == 1)
            #expect(log.first?.force == true)
            #expect(!(await sessions(emulator)).contains("ops-1.contoso.com/4"))
        }
    }

    @Test func disconnectedSweepDeletesExactlyTheDisconnectedSessionsOfThatPool() async throws {
        try await EmulatorHarness.withEmulator(try TestEstate.configuration()) { emulator in
            let results = try await run("""
                DELETE FROM \(Self.table) WHERE \(Self.pool) AND json_extract(properties, '$.sessionState') = 'Disconnected'
                """, on: emulator)
            let summary = try summary(results)
            #expect(summary.statusLine == "DELETE 2")
            #expect(summary.done.sorted() == [
                "/subscriptions/\(Self.sub)/resourcegroups/rg-east/providers/Microsoft.DesktopVirtualization/hostpools/hp-ops/sessionhosts/ops-0.contoso.com/usersessions/2",
                "/subscriptions/\(Self.sub)/resourcegroups/rg-east/providers/Microsoft.DesktopVirtualization/hostpools/hp-ops/sessionhosts/ops-1.contoso.com/usersessions/1",
            ])
            #expect(await sessions(emulator) == ["ops-0.contoso.com/1", "ops-0.contoso.com/3", "ops-1.contoso.com/4"])
            #expect(await sessions(emulator, pool: "pool with spaces").count == 1)
            #expect(await sessions(emulator, pool: "hp-dev", group: "rg-west").count == 2)
            let deletes = await emulator.store.requestLog().filter { $0.method == "DELETE" }
            #expect(deletes.count == 2)
        }
    }

    @Test func disconnectAndSendMessageChangeTheEmulatorsState() async throws {
        try await EmulatorHarness.withEmulator(try TestEstate.configuration()) { emulator in
            let disconnect = try await run("EXEC \(Self.table).disconnect \(Self.ids)", on: emulator)
            #expect(try summary(disconnect).statusLine == "EXEC disconnect: HTTP 200")
            let state = await emulator.store.userSessions(subscriptionId: Self.sub, resourceGroup: "rg-east", hostPool: "hp-ops")
                .first { $0.sessionHost == "ops-0.contoso.com" && $0.id == "1" }?.sessionState
            #expect(state == "Disconnected")

            let message = try await run("""
                EXEC /*+ SHOWRESULTS */ \(Self.table).send_message \(Self.ids)
                @@json='{"messageTitle": "Maintenance at 18:00", "messageBody": "Please save your work."}'
                """, on: emulator)
            #expect(try summary(message).status == 200)
            let sent = await emulator.store.sentMessages()
            #expect(sent.map(\.title) == ["Maintenance at 18:00"])
            #expect(sent.map(\.body) == ["Please save your work."])
            #expect(sent.map(\.userSessionId) == ["1"])
            #expect(sent.map(\.sessionHost) == ["ops-0.contoso.com"])
        }
    }

    @Test func dryRunSendsNoMutationAndPrintsTheRequests() async throws {
        try await EmulatorHarness.withEmulator(try TestEstate.configuration()) { emulator in
            let (runner, connection) = EmulatorHarness.cliArguments(for: emulator)
            let outcome = try await runner.run(["exec", "--dry-run"] + connection + ["""
                DELETE FROM \(Self.table) WHERE \(Self.pool) AND json_extract(properties, '$.sessionState') = 'Disconnected';
                EXEC \(Self.table).send_message \(Self.ids) @@json='{"messageTitle": "t", "messageBody": "b"}'
                """])
            #expect(outcome.status == 0, "\(outcome.standardError)")
            #expect(outcome.standardOutput.contains("DELETE: dry run, 2 requests not sent"))
            #expect(outcome.standardOutput.contains("DELETE \(emulator.baseURL)/subscriptions/\(Self.sub)/resourceGroups/rg-east/providers/Microsoft.DesktopVirtualization/hostPools/hp-ops/sessionHosts/ops-0.contoso.com/userSessions/2?api-version=2024-04-03"))
            #expect(outcome.standardOutput.contains("POST \(emulator.baseURL)/subscriptions/\(Self.sub)/resourceGroups/rg-east/providers/Microsoft.DesktopVirtualization/hostPools/hp-ops/sessionHosts/ops-0.contoso.com/userSessions/1/sendMessage?api-version=2024-04-03 {\"messageTitle\": \"t\", \"messageBody\": \"b\"}"))
            #expect(await emulator.store.requestLog().allSatisfy { $0.method == "GET" })
            #expect(await sessions(emulator).count == 5)
            #expect(await emulator.store.sentMessages().isEmpty)
        }
    }

    @Test func badExecInputIsOneClearErrorAndSendsNothing() async throws {
        try await EmulatorHarness.withEmulator(try TestEstate.configuration()) { emulator in
            let (runner, connection) = EmulatorHarness.cliArguments(for: emulator)
            let cases: [(String, String)] = [
                ("EXEC \(Self.table).send_message \(Self.ids) @@json='{\"messageTitle\": \"x\"'", "@@json is not valid JSON"),
                ("EXEC \(Self.table).send_message \(Self.ids) @@json='{\"title\": \"x\"}'", "@@json has an unknown field 'title'; the fields are messageTitle, messageBody."),
                ("EXEC \(Self.table).send_message \(Self.ids) @@json='{\"messageBody\": 42}'", "@@json.messageBody must be a string, not a number."),
                ("EXEC \(Self.table).disconnect @subscriptionId='\(Self.sub)', @resourceGroupName='rg-east', @hostPoolName='hp-ops'", "disconnect of \(Self.table) needs @sessionHostName, @userSessionId, which are missing."),
                ("EXEC \(Self.table).list_by_host_pool @subscriptionId='\(Self.sub)', @resourceGroupName='rg-east', @hostPoolName='hp-ops'", "\(Self.table).list_by_host_pool is a SELECT method: use SELECT"),
                ("EXEC \(Self.table).sendmessage \(Self.ids)", "\(Self.table) has no method 'sendmessage'. Did you mean \(Self.table).send_message?"),
                ("EXEC \(Self.table).disconnect \(Self.ids), @pageSize=3", "disconnect has no parameter @pageSize"),
                ("DELETE FROM azure.subscriptions.subscriptions WHERE subscriptionId = '\(Self.sub)'", "azure.subscriptions.subscriptions cannot be deleted: it has no DELETE method"),
                ("DELETE FROM \(Self.table) WHERE subscriptionId = '\(Self.sub)'", "cannot find matching operation"),
            ]
            for (sql, message) in cases {
                let outcome = try await runner.run(["exec"] + connection + [sql])
                #expect(outcome.status != 0, "\(sql)")
                #expect(outcome.standardError.hasPrefix(message), "\(sql): \(outcome.standardError)")
            }
            #expect(await emulator.store.requestLog().isEmpty)
            #expect(await sessions(emulator).count == 5)
        }
    }

    @Test func partialFailureIsReportedSessionBySessionAndFailsTheStatement() async throws {
        let faults = [
            Fault(status: 500, pathContains: "ops-0.contoso.com/userSessions/2", method: "DELETE"),
            Fault(status: 404, code: "ResourceNotFound", pathContains: "ops-1.contoso.com/userSessions/1", method: "DELETE"),
        ]
        try await EmulatorHarness.withEmulator(try TestEstate.configuration(faults: faults)) { emulator in
            let (runner, connection) = EmulatorHarness.cliArguments(for: emulator)
            let outcome = try await runner.run(["exec"] + connection + ["DELETE FROM \(Self.table) WHERE \(Self.pool)"])
            #expect(outcome.status != 0)
            let lines = outcome.standardError.split(separator: "\n").map(String.init)
            #expect(lines.first == "deleted 4 of 5 user sessions; 1 failed:")
            #expect(lines.dropFirst().first?.hasPrefix("  /subscriptions/\(Self.sub)/resourcegroups/rg-east/providers/Microsoft.DesktopVirtualization/hostpools/hp-ops/sessionhosts/ops-0.contoso.com/usersessions/2: HTTP 500 InternalServerError") == true, "\(outcome.standardError)")
            #expect(outcome.standardError.contains("x-ms-request-id: "))
            #expect(outcome.standardError.contains("(1 of the 4 were already gone)"))
            #expect(await sessions(emulator) == ["ops-0.contoso.com/2", "ops-1.contoso.com/1"])
        }
    }

    @Test func largeMutationsNeedConfirmation() async throws {
        try await EmulatorHarness.withEmulator(try TestEstate.configuration()) { emulator in
            let (runner, connection) = EmulatorHarness.cliArguments(for: emulator)
            let refused = try await runner.run(["exec", "--mutation-limit", "2"] + connection + ["DELETE FROM \(Self.table) WHERE \(Self.pool)"])
            #expect(refused.status != 0)
            #expect(refused.standardError.hasPrefix("DELETE would change 5 user sessions, more than the confirmation threshold of 2. Nothing was sent: run it again with --yes to proceed, or raise --mutation-limit."))
            #expect(await sessions(emulator).count == 5)

        }
    }

    @Test func declinedConfirmationSendsNothing() async throws {
        try await EmulatorHarness.withEmulator(try TestEstate.configuration()) { emulator in
            await #expect(throws: CloudQLError.self) {
                try await run("DELETE FROM \(Self.table) WHERE \(Self.pool)", on: emulator, policy: MutationPolicy(confirmationThreshold: 2, confirm: { _ in false }))
            }
            #expect(await sessions(emulator).count == 5)
            let accepted = try await run("DELETE FROM \(Self.table) WHERE \(Self.pool)", on: emulator, policy: MutationPolicy(confirmationThreshold: 2, confirm: { _ in true }))
            #expect(try summary(accepted).statusLine == "DELETE 5")
            #expect(await sessions(emulator).isEmpty)
        }
    }

    @Test func yesProceedsPastTheThreshold() async throws {
        try await EmulatorHarness.withEmulator(try TestEstate.configuration()) { emulator in
            let (runner, connection) = EmulatorHarness.cliArguments(for: emulator)
            let outcome = try await runner.run(["exec", "--mutation-limit", "2", "--yes", "-o", "json"] + connection + ["DELETE FROM \(Self.table) WHERE \(Self.pool)"])
            #expect(outcome.status == 0, "\(outcome.standardError)")
            let object = try JSONSerialization.jsonObject(with: Data(outcome.standardOutput.utf8)) as? [String: Any]
            #expect(object?["message"] as? String == "DELETE 5")
            #expect((object?["deleted"] as? [String])?.count == 5)
            #expect(await sessions(emulator).isEmpty)
        }
    }

    @Test func insertAndUpdateAreRefusedClearly() async throws {
        try await EmulatorHarness.withEmulator(try TestEstate.configuration()) { emulator in
            let error = try await EmulatorHarness.error("UPDATE \(Self.table) SET userSessionId = '9' WHERE \(Self.pool)", on: emulator)
            #expect(error.message.contains("cannot be changed with UPDATE"))
            #expect(await emulator.store.requestLog().allSatisfy { $0.method == "GET" })
        }
    }
}

/// Only a request that cannot do harm twice is ever sent twice.
@Suite struct MutationRetryTests {
    static let table = "azure.desktop_virtualization.user_sessions"
    static let ids = "subscriptionId = 's' AND resourceGroupName = 'rg' AND hostPoolName = 'hp' AND sessionHostName = 'sh' AND userSessionId = '1'"

    func attempt(_ sql: String, against server: SilentServer) async throws -> CloudQLError? {
        let session = try Session(configuration: SessionConfiguration(
            endpoints: ["azure": try ARMEndpoint(server.baseURL)],
            auth: AuthConfiguration(methods: ["azure": .token("t")])
        ))
        defer { Task { try? await session.shutdown() } }
        do {
            try await session.execute(sql)
            return nil
        } catch let error as CloudQLError {
            return error
        }
    }

    @Test func aDeleteWithNoAnswerIsRetriedButDisconnectAndSendMessageAreNot() async throws {
        let server = try SilentServer()
        defer { server.stop() }
        let delete = try await attempt("DELETE FROM \(Self.table) WHERE \(Self.ids)", against: server)
        #expect(delete?.kind == .transport)
        #expect(server.requestCount == RetryPolicy.default.maxAttempts, "the DELETE is repeated while the retry policy allows")

        let before = server.requestCount
        let disconnect = try await attempt("EXEC \(Self.table).disconnect @subscriptionId='s', @resourceGroupName='rg', @hostPoolName='hp', @sessionHostName='sh', @userSessionId='1'", against: server)
        #expect(disconnect?.kind == .transport)
        let message = try await attempt("EXEC \(Self.table).send_message @subscriptionId='s', @resourceGroupName='rg', @hostPoolName='hp', @sessionHostName='sh', @userSessionId='1' @@json='{\"messageBody\": \"b\"}'", against: server)
        #expect(message?.kind == .transport)
        #expect(server.requestCount - before == 2, "each POST is sent exactly once")
    }
}
