import AzureEmulator
import CloudQL
import CloudQLTestSupport
import Foundation
import Testing

/// The built `cloudql` binary, run as a user runs it, against an emulator on port 0.
@Suite struct CLITests {
    static let table = "azure.desktop_virtualization.user_sessions"
    static let pool = "subscriptionId = '\(TestEstate.subscription)' AND resourceGroupName = 'rg-east' AND hostPoolName = 'hp-ops'"

    @Test func execPrintsRowsInEveryFormat() async throws {
        try await EmulatorHarness.withEmulator(try TestEstate.configuration()) { emulator in
            let (runner, connection) = EmulatorHarness.cliArguments(for: emulator)
            let sql = "SELECT userSessionId, json_extract(properties, '$.sessionState') AS state FROM \(Self.table) WHERE \(Self.pool) AND sessionHostName = 'ops-0.contoso.com' ORDER BY 1"

            let json = try await runner.run(["exec"] + connection + ["-o", "json", sql])
            #expect(json.status == 0, "\(json.standardError)")
            let parsed = try JSONSerialization.jsonObject(with: Data(json.standardOutput.utf8)) as? [[String: String]]
            #expect(parsed == [["userSessionId": "1", "state": "Active"], ["userSessionId": "2", "state": "Disconnected"], ["userSessionId": "3", "state": "Pending"]])

            let csv = try await runner.run(["exec"] + connection + ["-o", "csv", "-H", "-d", ";", sql])
            #expect(csv.standardOutput == "1;Active\n2;Disconnected\n3;Pending\n")

            let ndjson = try await runner.run(["exec"] + connection + ["--output", "ndjson", sql])
            #expect(ndjson.standardOutput.split(separator: "\n").count == 3)

            let table = try await runner.run(["exec"] + connection + [sql])
            #expect(table.standardOutput.contains("| userSessionId | state        |"))
            #expect(table.standardOutput.contains("| 2             | Disconnected |"))

            let text = try await runner.run(["exec"] + connection + ["-o", "text", sql])
            #expect(text.standardOutput == "userSessionId\tstate\n1\tActive\n2\tDisconnected\n3\tPending\n")
        }
    }

    @Test func objectColumnsAreEmbeddedAsJSON() async throws {
        try await EmulatorHarness.withEmulator(try TestEstate.configuration()) { emulator in
            let (runner, connection) = EmulatorHarness.cliArguments(for: emulator)
            let outcome = try await runner.run(["exec"] + connection + ["-o", "json", "SELECT * FROM \(Self.table) WHERE \(Self.pool)"])
            #expect(outcome.status == 0, "\(outcome.standardError)")
            let rows = try #require(try JSONSerialization.jsonObject(with: Data(outcome.standardOutput.utf8)) as? [[String: Any]])
            #expect(rows.count == 5)
            #expect(rows.allSatisfy { $0["properties"] is [String: Any] && $0["systemData"] is [String: Any] })
        }
    }

    @Test func statementsFromStandardInputAndFilesRunInOrder() async throws {
        try await EmulatorHarness.withEmulator(try TestEstate.configuration()) { emulator in
            let (runner, connection) = EmulatorHarness.cliArguments(for: emulator)
            let script = """
                CREATE TEMP TABLE s AS SELECT name FROM \(Self.table) WHERE \(Self.pool);
                SELECT count(*) AS n FROM s;
                """
            let piped = try await runner.run(["exec"] + connection + ["-o", "csv"], input: script)
            #expect(piped.status == 0, "\(piped.standardError)")
            #expect(piped.standardOutput == "OK\nn\n5\n")

            let directory = FileManager.default.temporaryDirectory.appendingPathComponent(UUID().uuidString)
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            defer { try? FileManager.default.removeItem(at: directory) }
            let input = directory.appendingPathComponent("q.iql"), output = directory.appendingPathComponent("out.csv")
            try script.write(to: input, atomically: true, encoding: .utf8)
            let filed = try await runner.run(["exec"] + connection + ["-i", input.path, "-o", "csv", "-f", output.path])
            #expect(filed.status == 0)
            #expect(try String(contentsOf: output, encoding: .utf8) == "OK\nn\n5\n")
        }
    }

    @Test func everyFailureIsOneSentenceOnStandardErrorAndANonZeroExit() async throws {
        let faults = [try Fault.parse("403@rg-west"), try Fault.parse("500@hostPools/hp-lab")]
        try await EmulatorHarness.withEmulator(try TestEstate.configuration(faults: faults)) { emulator in
            let (runner, connection) = EmulatorHarness.cliArguments(for: emulator)
            let cases: [(arguments: [String], firstLine: String)] = [
                (connection + ["SELECT * FROM \(Self.table) WHERE subscriptionId = 'x'"], "cannot find matching operation"),
                (connection + ["SELECT * FROM azure.desktop_virtualization.usersessions"], "There is no resource 'azure.desktop_virtualization.usersessions'. Did you mean azure.desktop_virtualization.user_sessions?"),
                (connection + ["SELEC * FROM \(Self.table)"], #"SQL error: near "SELEC": syntax error at line 1, column 1."#),
                (["--auth", "{nope", "SHOW PROVIDERS"], "--auth is not a JSON object"),
                (["--endpoint", "azure=http://127.0.0.1:9", "--auth", #"{"azure": {"type": "bearer", "credentialsenvvar": "AZ_ACCESS_TOKEN"}}"#, "SELECT * FROM \(Self.table) WHERE \(Self.pool)"], "Cannot reach http://127.0.0.1:9 for list_by_host_pool of \(Self.table) (connection refused)"),
                (connection + ["SELECT * FROM \(Self.table) WHERE subscriptionId = '\(TestEstate.subscription)' AND resourceGroupName = 'rg-west' AND hostPoolName = 'hp-dev'"], "list_by_host_pool of \(Self.table) failed: Azure answered HTTP 403 AuthorizationFailed"),
                (connection + ["SELECT * FROM \(Self.table) WHERE subscriptionId = '\(TestEstate.otherSubscription)' AND resourceGroupName = 'rg-lab' AND hostPoolName = 'hp-lab'"], "list_by_host_pool of \(Self.table) failed: Azure answered HTTP 500"),
                (connection + ["SELECT * FROM \(Self.table) WHERE subscriptionId = '\(TestEstate.subscription)' AND resourceGroupName = 'rg-east' AND hostPoolName = 'hp-gone'"], "list_by_host_pool of \(Self.table) failed: Azure answered HTTP 404 ResourceNotFound"),
            ]
            for (arguments, firstLine) in cases {
                let outcome = try await runner.run(["exec"] + arguments)
                #expect(outcome.status != 0, "\(arguments.last!) must fail")
                #expect(outcome.standardError.hasPrefix(firstLine) || outcome.standardError.contains(firstLine), "\(outcome.standardError)")
                #expect(outcome.standardOutput.isEmpty)
            }
            let refused = try await CLIRunner(environment: ["AZ_ACCESS_TOKEN": "wrong"]).run(["exec"] + connection + ["SELECT * FROM \(Self.table) WHERE \(Self.pool)"])
            #expect(refused.status != 0)
            #expect(refused.standardError.contains("HTTP 401 InvalidAuthenticationToken"))
        }
    }

    @Test func demoRunsWithoutAnAzureAccount() async throws {
        let outcome = try await CLIRunner().run(["exec", "--demo", "-o", "csv", """
            SELECT json_extract(us.properties, '$.sessionState') AS state, count(*) AS n
            FROM azure.desktop_virtualization.host_pools hp
            JOIN azure.desktop_virtualization.user_sessions us
              ON us.subscriptionId = hp.subscriptionId AND us.resourceGroupName = split_part(hp.id, '/', 5) AND us.hostPoolName = hp.name
            WHERE hp.subscriptionId = '00000000-0000-0000-0000-000000000000'
            GROUP BY state ORDER BY state
            """])
        #expect(outcome.status == 0, "\(outcome.standardError)")
        let states = outcome.standardOutput.split(separator: "\n").dropFirst().map { String($0.split(separator: ",")[0]) }
        #expect(Set(states).isSuperset(of: ["Active", "Disconnected"]))
    }
}
