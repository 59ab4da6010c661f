import AzureEmulator
import CloudQL
import CloudQLTestSupport
import Foundation
import Testing

/// SELECT over user sessions against the emulator, two sessions a page.
@Suite struct SelectTests {
    static let table = "azure.desktop_virtualization.user_sessions"
    static let sub = TestEstate.subscription
    static let opsPath = "/subscriptions/\(TestEstate.subscription)/resourceGroups/rg-east/providers/Microsoft.DesktopVirtualization/hostPools/hp-ops"

    /// Compares every field of every row with what the emulator holds.
    func expectSameSessions(_ set: ResultSet, _ expected: [[String: Any]]) throws {
        #expect(set.rows.count == expected.count)
        let byID = Dictionary(uniqueKeysWithValues: expected.map { ($0["id"] as? String ?? "", $0) })
        for row in set.objects {
            let id = row["id"]?.textValue ?? ""
            let held = try #require(byID[id], "cloudql returned \(id), which the emulator does not hold")
            #expect(row["name"]?.textValue == held["name"] as? String)
            #expect(row["type"]?.textValue == held["type"] as? String)
            #expect(try EmulatorOracle.sameJSON(row["properties"] ?? .null, held["properties"]))
            #expect(try EmulatorOracle.sameJSON(row["systemData"] ?? .null, held["systemData"]))
        }
    }

    @Test func listByHostPoolReturnsEverySessionOnEveryPageWithEveryField() async throws {
        try await EmulatorHarness.withEmulator(try TestEstate.configuration()) { emulator in
            let set = try await EmulatorHarness.rows("""
                SELECT * FROM \(Self.table)
                WHERE subscriptionId = '\(Self.sub)' AND resourceGroupName = 'rg-east' AND hostPoolName = 'hp-ops'
                """, on: emulator)
            #expect(set.columns.map(\.name) == ["id", "name", "properties", "systemData", "type"])
            try expectSameSessions(set, try await EmulatorOracle.sessions("\(Self.opsPath)/userSessions", on: emulator))
            #expect(set.rows.count == 5)
        }
    }

    @Test func listPerSessionHostAndGet() async throws {
        try await EmulatorHarness.withEmulator(try TestEstate.configuration()) { emulator in
            let list = try await EmulatorHarness.rows("""
                SELECT * FROM \(Self.table) WHERE subscriptionId = '\(Self.sub)' AND resourceGroupName = 'rg-east'
                  AND hostPoolName = 'hp-ops' AND sessionHostName = 'ops-0.contoso.com'
                """, on: emulator)
            try expectSameSessions(list, try await EmulatorOracle.sessions("\(Self.opsPath)/sessionHosts/ops-0.contoso.com/userSessions", on: emulator))
            #expect(list.rows.count == 3)

            let get = try await EmulatorHarness.rows("""
                SELECT json_extract(properties, '$.userPrincipalName') AS upn, userSessionId
                FROM \(Self.table) WHERE subscriptionId = '\(Self.sub)' AND resourceGroupName = 'rg-east'
                  AND hostPoolName = 'hp-ops' AND sessionHostName = 'ops-1.contoso.com' AND userSessionId = '4'
                """, on: emulator)
            #expect(get.rows.map { $0.map(\.displayText) } == [["eve@contoso.com", "4"]])

            let gone = try await EmulatorHarness.rows("""
                SELECT * FROM \(Self.table) WHERE subscriptionId = '\(Self.sub)' AND resourceGroupName = 'rg-east'
                  AND hostPoolName = 'hp-ops' AND sessionHostName = 'ops-1.contoso.com' AND userSessionId = '77'
                """, on: emulator)
            #expect(gone.rows.isEmpty, "a 404 from get is zero rows, as in StackQL")
        }
    }

    @Test func parameterColumnsAreFilledOnEveryRowFromTheResourceID() async throws {
        for style in ["live", "spec"] {
            try await EmulatorHarness.withEmulator(try TestEstate.configuration(idStyle: style)) { emulator in
                let set = try await EmulatorHarness.rows("""
                    SELECT subscriptionId, resourceGroupName, hostPoolName, sessionHostName, userSessionId
                    FROM \(Self.table)
                    WHERE subscriptionId = '\(Self.sub)' AND resourceGroupName = 'rg-east' AND hostPoolName = 'hp-ops'
                    ORDER BY sessionHostName, userSessionId
                    """, on: emulator)
                #expect(set.rows.map { $0.map(\.displayText) } == [
                    [Self.sub, "rg-east", "hp-ops", "ops-0.contoso.com", "1"],
                    [Self.sub, "rg-east", "hp-ops", "ops-0.contoso.com", "2"],
                    [Self.sub, "rg-east", "hp-ops", "ops-0.contoso.com", "3"],
                    [Self.sub, "rg-east", "hp-ops", "ops-1.contoso.com", "1"],
                    [Self.sub, "rg-east", "hp-ops", "ops-1.contoso.com", "4"],
                ], "id style \(style)")
            }
        }
    }

    @Test func inListsFanOutAndReturnEachRowOnce() async throws {
        try await EmulatorHarness.withEmulator(try TestEstate.configuration()) { emulator in
            let set = try await EmulatorHarness.rows("""
                SELECT hostPoolName, count(*) AS n FROM \(Self.table)
                WHERE subscriptionId = '\(Self.sub)' AND resourceGroupName = 'rg-east'
                  AND hostPoolName IN ('hp-ops', 'pool with spaces', 'hp-ops')
                GROUP BY hostPoolName ORDER BY hostPoolName
                """, on: emulator)
            #expect(set.rows.map { $0.map(\.displayText) } == [["hp-ops", "5"], ["pool with spaces", "1"]])

            let subquery = try await EmulatorHarness.rows("""
                SELECT count(*) FROM \(Self.table)
                WHERE subscriptionId = '\(Self.sub)' AND resourceGroupName = 'rg-east'
                  AND hostPoolName IN (SELECT name FROM azure.desktop_virtualization.host_pools
                                       WHERE subscriptionId = '\(Self.sub)' AND resourceGroupName = 'rg-east')
                """, on: emulator)
            #expect(subquery.rows[0][0] == .integer(6))
        }
    }

    @Test func threeWayJoinFromSubscriptionsToSessions() async throws {
        try await EmulatorHarness.withEmulator(try TestEstate.configuration()) { emulator in
            let set = try await EmulatorHarness.rows("""
                SELECT s.displayName, split_part(hp.id, '/', 5) AS resource_group, hp.name AS host_pool,
                       us.sessionHostName, json_extract(us.properties, '$.userPrincipalName') AS upn
                FROM azure.subscriptions.subscriptions s
                JOIN azure.desktop_virtualization.host_pools hp ON hp.subscriptionId = s.subscriptionId
                JOIN azure.desktop_virtualization.user_sessions us
                  ON us.subscriptionId = s.subscriptionId
                 AND us.resourceGroupName = split_part(hp.id, '/', 5)
                 AND us.hostPoolName = hp.name
                ORDER BY upn
                """, on: emulator)
            #expect(set.rows.map { $0.map(\.displayText) } == [
                ["Test Production", "rg-east", "hp-ops", "ops-0.contoso.com", "ann@contoso.com"],
                ["Test Production", "rg-east", "hp-ops", "ops-0.contoso.com", "bob@contoso.com"],
                ["Test Production", "rg-east", "hp-ops", "ops-0.contoso.com", "cy@contoso.com"],
                ["Test Production", "rg-east", "hp-ops", "ops-1.contoso.com", "dee@contoso.com"],
                ["Test Production", "rg-east", "hp-ops", "ops-1.contoso.com", "eve@contoso.com"],
                ["Test Production", "rg-east", "pool with spaces", "vm-7.contoso.com", "fay@contoso.com"],
                ["Test Production", "rg-west", "hp-dev", "dev-0.contoso.com", "gus@contoso.com"],
                ["Test Production", "rg-west", "hp-dev", "dev-0.contoso.com", "hal@contoso.com"],
                ["Test Development", "rg-lab", "hp-lab", "lab-0.contoso.com", "ivy@contoso.com"],
            ])
        }
    }

    @Test func optionalParametersBecomeQueryParameters() async throws {
        try await EmulatorHarness.withEmulator(try TestEstate.configuration()) { emulator in
            let pool = "subscriptionId = '\(Self.sub)' AND resourceGroupName = 'rg-east' AND hostPoolName = 'hp-ops'"
            let filtered = try await EmulatorHarness.rows("""
                SELECT userSessionId FROM \(Self.table) WHERE \(pool) AND $filter = 'userPrincipalName eq ''bob@contoso.com'''
                """, on: emulator)
            #expect(filtered.rows.map { $0[0].displayText } == ["2"])
            let byState = try await EmulatorHarness.rows("""
                SELECT count(*) FROM \(Self.table) WHERE \(pool) AND "$filter" = 'state eq ''disconnected'''
                """, on: emulator)
            #expect(byState.rows[0][0] == .integer(2))
            let ascending = try await EmulatorHarness.rows("SELECT name FROM \(Self.table) WHERE \(pool) AND pageSize = 1", on: emulator)
            let descending = try await EmulatorHarness.rows("SELECT name FROM \(Self.table) WHERE \(pool) AND isDescending = true", on: emulator)
            #expect(ascending.rows.count == 5)
            #expect(descending.rows.map(\.first) == ascending.rows.map(\.first).reversed())
            let skipped = try await EmulatorHarness.rows("SELECT count(*) FROM \(Self.table) WHERE \(pool) AND initialSkip = 3", on: emulator)
            #expect(skipped.rows[0][0] == .integer(2))
        }
    }

    @Test func everyParameterIsExactlyOnePathSegment() async throws {
        try await EmulatorHarness.withEmulator(try TestEstate.configuration()) { emulator in
            let spaces = try await EmulatorHarness.rows("""
                SELECT json_extract(properties, '$.userPrincipalName') FROM \(Self.table)
                WHERE subscriptionId = '\(Self.sub)' AND resourceGroupName = 'rg-east' AND hostPoolName = 'pool with spaces'
                """, on: emulator)
            #expect(spaces.rows.map { $0[0].displayText } == ["fay@contoso.com"])

            // Each of these would address hp-ops' sessions if it could leave its segment.
            let hostile = ["hp-ops/sessionHosts/ops-0.contoso.com", "..", "x/../hp-ops", "hp-ops?api-version=2024-04-03#", "hp-ops%2F..", "."]
            for value in hostile {
                let error = try await EmulatorHarness.error("""
                    SELECT * FROM \(Self.table)
                    WHERE subscriptionId = '\(Self.sub)' AND resourceGroupName = 'rg-east' AND hostPoolName = '\(value)'
                    """, on: emulator)
                #expect(error.http?.status == 404, "\(value) must address a host pool of that exact name")
            }
            let paths = await emulator.store.requestLog().map(\.path)
            #expect(paths.contains { $0.contains("/hostPools/hp-ops%2FsessionHosts%2Fops-0.contoso.com/userSessions") })
            #expect(paths.contains { $0.contains("/hostPools/%2E%2E/userSessions") })
            #expect(paths.contains { $0.contains("/hostPools/pool%20with%20spaces/userSessions") })
        }
    }
}
