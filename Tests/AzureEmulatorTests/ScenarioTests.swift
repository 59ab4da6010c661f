import AzureEmulator
import Foundation
import Testing

@Suite("Scenarios")
struct ScenarioTests {
    @Test("the demo covers every session state and application type, and is the same every time")
    func demo() throws {
        let demo = Scenario.demo
        #expect(demo == Scenario.demo)
        try demo.validate()
        #expect(demo.subscriptions.map(\.displayName) == ["Contoso Production", "Contoso Development"])
        let pools = demo.subscriptions.flatMap(\.resourceGroups).flatMap(\.hostPools)
        #expect(pools.map(\.name) == ["hp-finance", "hp-callcenter", "hp-remoteapps", "hp-engineering", "hp-personal-devs", "hp-dev-test"])
        let hosts = pools.flatMap(\.sessionHosts)
        #expect(hosts.allSatisfy { $0.name.count <= 48 })
        #expect(hosts.contains { $0.properties.allowNewSession == false })
        #expect(Set(hosts.compactMap(\.properties.status)).isSuperset(of: ["Available", "Unavailable", "Shutdown", "NeedsAssistance"]))
        let sessions = hosts.flatMap(\.userSessions)
        #expect(sessions.count == 106)
        #expect(Set(sessions.compactMap(\.sessionState)) == ["Unknown", "Active", "Disconnected", "Pending", "LogOff", "UserProfileDiskMounted"])
        #expect(Set(sessions.compactMap(\.applicationType)) == ["Desktop", "RemoteApp"])
        #expect(sessions.allSatisfy { $0.activeDirectoryUserName?.hasPrefix("CONTOSO\\") == true })
        #expect(sessions.allSatisfy { $0.createTime?.count == 28 }, "seven fractional digits")
        #expect(sessions.allSatisfy { Int($0.id) != nil })
        let callCenter = try #require(pools.first { $0.name == "hp-callcenter" })
        #expect(callCenter.sessionHosts.flatMap(\.userSessions).count > 50)
        #expect(Set(pools.compactMap(\.properties.loadBalancerType)) == ["BreadthFirst", "DepthFirst", "Persistent"])
        #expect(Set(pools.compactMap(\.properties.hostPoolType)) == ["Pooled", "Personal"])
    }

    @Test("a scenario file round-trips and fills defaults")
    func loadFile() async throws {
        let json = #"""
            {
              "tenantId": "aaaaaaaa-0000-0000-0000-000000000000",
              "subscriptions": [
                { "subscriptionId": "00000000-0000-0000-0000-000000000000", "displayName": "Contoso Production",
                  "resourceGroups": [
                    { "name": "rg-avd-prod", "location": "westeurope",
                      "hostPools": [
                        { "name": "hp-finance", "tags": {"costCenter": "fin"},
                          "properties": { "hostPoolType": "Pooled", "loadBalancerType": "BreadthFirst", "preferredAppGroupType": "Desktop", "friendlyName": "Finance", "maxSessionLimit": 10 },
                          "sessionHosts": [
                            { "name": "avd-fin-0.contoso.com", "properties": { "status": "Available", "allowNewSession": true },
                              "userSessions": [
                                { "id": "1", "userPrincipalName": "alice@contoso.com", "sessionState": "Active", "applicationType": "Desktop",
                                  "activeDirectoryUserName": "CONTOSO\\alice", "createTime": "2026-11-24T08:01:54.9571247Z" },
                                { "id": "2", "userPrincipalName": "bob@contoso.com" } ] } ] } ] } ] } ]
            }
            """#
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("scenario-\(UUID().uuidString).json")
        try Data(json.utf8).write(to: url)
        defer { try? FileManager.default.removeItem(at: url) }
        let scenario = try Scenario.load(contentsOf: url)
        #expect(scenario.idStyle == .live)
        #expect(scenario.tenantId == "aaaaaaaa-0000-0000-0000-000000000000")
        try await withEmulator(EmulatorConfiguration(scenario: scenario)) { client in
            let sessions = try await client.send(.GET, TestClient.rg("rg-avd-prod") + "/hostPools/hp-finance/userSessions?" + TestClient.dv)
            let items = try sessions.items()
            #expect(items.count == 2)
            #expect(items[0].property("createTime") == "2026-11-24T08:01:54.9571247Z")
            #expect(items[0].property("activeDirectoryUserName") == "CONTOSO\\alice")
            #expect(items[1].property("sessionState") == "Active")
            #expect(items[1].property("applicationType") == "Desktop")
            #expect(items[1].property("activeDirectoryUserName") == "CONTOSO\\bob")
            #expect(items[1].property("createTime")?.count == 28)
            #expect(items[1].property("objectId")?.count == 36)
            let host = try await client.send(.GET, TestClient.rg("rg-avd-prod") + "/hostPools/hp-finance/sessionHosts/avd-fin-0.contoso.com?" + TestClient.dv)
            let properties = try #require(try host.object()["properties"] as? [String: Any])
            #expect(properties["sessions"] as? Int == 2)
            #expect(properties["resourceId"] as? String == "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-avd-prod/providers/Microsoft.Compute/virtualMachines/avd-fin-0")
            let subscription = try await client.send(.GET, "/subscriptions/00000000-0000-0000-0000-000000000000?" + TestClient.subscriptionsVersion)
            #expect(try subscription.object()["tenantId"] as? String == "aaaaaaaa-0000-0000-0000-000000000000")
        }
    }

    @Test("bad files are rejected with the JSON path and the problem", arguments: [
        (#"{"subscriptions": [{"subscriptionId": "s", "resourceGroups": [{"name": "rg", "hostPools": [{"name": "hp", "colour": "red"}]}]}]}"#,
         "subscriptions[0].resourceGroups[0].hostPools[0].colour", "unknown key \"colour\""),
        (#"{"subscriptions": [{"subscriptionId": "s", "resourceGroups": [{"name": "rg", "hostPools": [{"name": "hp", "properties": {"maxSessionLimit": "ten"}}]}]}]}"#,
         "subscriptions[0].resourceGroups[0].hostPools[0].properties.maxSessionLimit", "expected an integer"),
        (#"{"subscriptions": [{"resourceGroups": []}]}"#, "subscriptions[0]", "\"subscriptionId\" is missing"),
        (#"{"idStyle": "camel"}"#, "idStyle", "expected \"live\" or \"spec\""),
        (#"{"subscriptions": [{"subscriptionId": "s", "resourceGroups": [{"name": "rg"}, {"name": "RG"}]}]}"#,
         "subscriptions[0].resourceGroups[1].name", "used twice"),
        (#"{"subscriptions": [{"subscriptionId": "s", "resourceGroups": [{"name": "rg", "hostPools": [{"name": "hp", "sessionHosts": [{"name": "sh", "userSessions": [{"id": "1"}, {"id": "1"}]}]}]}]}]}"#,
         "subscriptions[0].resourceGroups[0].hostPools[0].sessionHosts[0].userSessions[1].id", "used twice"),
        (#"{"subscriptions": [{"subscriptionId": "s", "resourceGroups": [{"name": "rg", "hostPools": [{"name": "hp", "sessionHosts": [{"name": "sh", "properties": {"sessions": 3}}]}]}]}]}"#,
         "subscriptions[0].resourceGroups[0].hostPools[0].sessionHosts[0].properties.sessions", "unknown key"),
        (#"{"subscriptions": [}"#, "", "not valid JSON"),
    ])
    func badFiles(json: String, path: String, problem: String) throws {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("bad-\(UUID().uuidString).json")
        try Data(json.utf8).write(to: url)
        defer { try? FileManager.default.removeItem(at: url) }
        #expect {
            try Scenario.load(contentsOf: url)
        } throws: { error in
            guard let error = error as? ScenarioError else { return false }
            return error.jsonPath == path && error.problem.contains(problem) && error.description.contains(url.path)
        }
    }

    @Test("a missing file names the file")
    func missingFile() {
        #expect(throws: ScenarioError.self) {
            try Scenario.load(contentsOf: URL(fileURLWithPath: "/nonexistent/scenario.json"))
        }
    }

    @Test("generated estates are deterministic and cheap to build")
    func generated() throws {
        let clock = ContinuousClock()
        var large = Scenario(subscriptions: [])
        let elapsed = clock.measure { large = Scenario.generated(pools: 1, hostsPerPool: 100, sessionsPerHost: 1_000) }
        #expect(elapsed < .seconds(2), "100,000 sessions took \(elapsed)")
        let hosts = large.subscriptions[0].resourceGroups.flatMap(\.hostPools).flatMap(\.sessionHosts)
        #expect(hosts.count == 100)
        #expect(hosts.flatMap(\.userSessions).count == 100_000)
        #expect(hosts.first?.name == "sh-0000-00.gen.contoso.com")
        #expect(hosts.last?.name == "sh-0000-99.gen.contoso.com")

        let sweep = Scenario.generated(pools: 200, hostsPerPool: 5, sessionsPerHost: 5)
        #expect(sweep == Scenario.generated(pools: 200, hostsPerPool: 5, sessionsPerHost: 5))
        try sweep.validate()
        let groups = sweep.subscriptions[0].resourceGroups
        #expect(groups.map(\.name) == ["rg-gen-0", "rg-gen-1", "rg-gen-2", "rg-gen-3"])
        #expect(groups.map(\.hostPools.count) == [50, 50, 50, 50])
        #expect(groups[0].hostPools.first?.name == "hp-0000")
        #expect(groups[3].hostPools.last?.name == "hp-0199")
        let states = Set(groups.flatMap(\.hostPools).flatMap(\.sessionHosts).flatMap(\.userSessions).compactMap(\.sessionState))
        #expect(states.count == 6)
    }

    @Test("the --generate spec parses and rejects nonsense", arguments: [
        ("pools=2,hosts=3,sessions=4", true), ("sessions=4, hosts=3, pools=2", true), ("pools=2,hosts=3", false),
        ("pools=0,hosts=1,sessions=1", false), ("pools=1,hosts=1,sessions=1,extra=2", false), ("pools=x,hosts=1,sessions=1", false),
        ("pools=1,pools=1,hosts=1,sessions=1", false),
    ])
    func generateSpec(spec: String, valid: Bool) throws {
        if valid {
            let scenario = try Scenario.generated(spec: spec)
            #expect(scenario.subscriptions[0].resourceGroups.flatMap(\.hostPools).flatMap(\.sessionHosts).flatMap(\.userSessions).count == 24)
        } else {
            #expect(throws: ScenarioError.self) { try Scenario.generated(spec: spec) }
        }
    }

    @Test("idStyle spec writes camelCase ids and leaf names; live writes lowercase ids and joined names")
    func idStyles() async throws {
        var spec = Scenario.demo
        spec.idStyle = .spec
        let path = TestClient.rg("rg-avd-prod-weu") + "/hostPools/hp-finance/sessionHosts/avd-fin-0.contoso.com"
        try await withEmulator(EmulatorConfiguration(scenario: spec)) { client in
            let session = try await client.send(.GET, path + "/userSessions/1?" + TestClient.dv).object()
            #expect(session.id == TestClient.rg("rg-avd-prod-weu") + "/hostPools/hp-finance/sessionHosts/avd-fin-0.contoso.com/userSessions/1")
            #expect(session.name == "1")
            #expect(session["type"] as? String == "Microsoft.DesktopVirtualization/hostPools/sessionHosts/userSessions")
            let host = try await client.send(.GET, path + "?" + TestClient.dv).object()
            #expect(host.name == "avd-fin-0.contoso.com")
            #expect(host["type"] as? String == "Microsoft.DesktopVirtualization/hostPools/sessionHosts")
            let pool = try await client.send(.GET, TestClient.rg("rg-avd-prod-weu") + "/hostPools/hp-finance?" + TestClient.dv).object()
            #expect(pool["type"] as? String == "Microsoft.DesktopVirtualization/hostPools")
        }
        try await withEmulator { client in
            let session = try await client.send(.GET, path.uppercased() + "/userSessions/1?" + TestClient.dv).object()
            #expect(session.id == "/subscriptions/\(TestClient.production)/resourcegroups/rg-avd-prod-weu/providers/Microsoft.DesktopVirtualization/hostpools/hp-finance/sessionhosts/avd-fin-0.contoso.com/usersessions/1")
            #expect(session.name == "hp-finance/avd-fin-0.contoso.com/1")
            #expect(session["type"] as? String == "Microsoft.DesktopVirtualization/hostpools/sessionhosts/usersessions")
            let systemData = try #require(session["systemData"] as? [String: Any])
            #expect(systemData["createdBy"] is NSNull, "clients must cope with null systemData fields")
            #expect(systemData["createdAt"] as? String == session.property("createTime"))
        }
    }
}
