import AzureEmulator
import Foundation
import Testing

@Suite("Routing on the raw path")
struct RoutingTests {
    @Test("literal segments match in any case; names keep their stored case")
    func caseInsensitiveLiterals() async throws {
        try await withEmulator { client in
            let paths = [
                "/subscriptions/\(TestClient.production)/resourceGroups/rg-avd-prod-weu/providers/Microsoft.DesktopVirtualization/hostPools/hp-finance",
                "/SUBSCRIPTIONS/\(TestClient.production)/resourcegroups/RG-AVD-PROD-WEU/providers/microsoft.desktopvirtualization/hostpools/HP-Finance",
                "/subscriptions/\(TestClient.production)/ResourceGroups/rg-avd-prod-weu/Providers/MICROSOFT.DESKTOPVIRTUALIZATION/HostPools/hp-finance/",
            ]
            for path in paths {
                let response = try await client.send(.GET, path + "?" + TestClient.dv)
                #expect(response.status == 200, "\(path): \(response.text)")
                let pool = try response.object()
                #expect(pool.name == "hp-finance")
                #expect(pool.id?.hasSuffix("/resourcegroups/rg-avd-prod-weu/providers/Microsoft.DesktopVirtualization/hostpools/hp-finance") == true)
            }
        }
    }

    @Test("an encoded slash is part of a name, never a separator")
    func encodedSlashIsAName() async throws {
        try await withEmulator { client in
            let response = try await client.send(.GET, TestClient.rg("rg-avd-prod-weu") + "/hostPools/hp-finance%2FsessionHosts?" + TestClient.dv)
            #expect(response.status == 404)
            #expect(response.errorCode == "ResourceNotFound")
            #expect(response.errorMessage?.contains("'Microsoft.DesktopVirtualization/hostPools/hp-finance/sessionHosts'") == true)
        }
    }

    @Test("names with '/', '?', '#', '%', ' ' or '..' are looked up as names", arguments: ["a/b", "what?", "c#", "100%", "my pool", ".."])
    func oddNames(name: String) async throws {
        let scenario = Scenario(subscriptions: [
            .init(subscriptionId: TestClient.production, displayName: "Odd", resourceGroups: [
                .init(name: "rg", hostPools: [.init(name: name, sessionHosts: [.init(name: "sh-0", userSessions: [.init(id: "1")])])]),
            ]),
        ])
        try await withEmulator(EmulatorConfiguration(scenario: scenario)) { client in
            let encoded = name.addingPercentEncoding(withAllowedCharacters: .alphanumerics)!
            let response = try await client.send(.GET, TestClient.rg("rg") + "/hostPools/\(encoded)?" + TestClient.dv)
            #expect(response.status == 200, "\(response.text)")
            #expect(try response.object().name == name)
            let sessions = try await client.send(.GET, TestClient.rg("rg") + "/hostPools/\(encoded)/userSessions?" + TestClient.dv)
            #expect(try sessions.items().count == 1)
            let log = await client.emulator.store.requestLog()
            #expect(log.last?.path == TestClient.rg("rg") + "/hostPools/\(encoded)/userSessions", "the log keeps the raw path")
        }
    }

    @Test("the request log records the path still percent-encoded, the raw query and the status")
    func rawPathInLog() async throws {
        try await withEmulator { client in
            await client.emulator.store.resetRequestLog()
            let path = TestClient.rg("rg-avd-prod-weu") + "/hostPools/hp%2Dfinance"
            let response = try await client.send(.GET, path + "?" + TestClient.dv + "&x=%20y")
            #expect(response.status == 200, "%2D decodes to '-' inside a name")
            let log = await client.emulator.store.requestLog()
            #expect(log.count == 1)
            #expect(log.first?.path == path)
            #expect(log.first?.query == TestClient.dv + "&x=%20y")
            #expect(log.first?.status == 200)
            #expect(log.first?.requestId == response.header("x-ms-request-id"))
        }
    }

    @Test("unknown paths are 404 with an ARM envelope", arguments: [
        ("/foo?api-version=2024-04-03", "NoRegisteredProviderFound"),
        ("/subscriptions/\(TestClient.production)/resourceGroups/rg-avd-prod-weu?api-version=2024-04-03", "NoRegisteredProviderFound"),
        ("/subscriptions/\(TestClient.production)/providers/Microsoft.Compute/virtualMachines?api-version=2024-04-03", "NoRegisteredProviderFound"),
        (TestClient.rg("rg-avd-prod-weu") + "/workspaces?api-version=2024-04-03", "InvalidResourceType"),
        (TestClient.rg("rg-avd-prod-weu") + "/hostPools/hp-finance/applicationGroups?api-version=2024-04-03", "InvalidResourceType"),
    ])
    func unknownPaths(path: String, code: String) async throws {
        try await withEmulator { client in
            let response = try await client.send(.GET, path)
            #expect(response.status == 404)
            #expect(response.errorCode == code)
            #expect(response.header("content-type") == "application/json; charset=utf-8")
        }
    }

    @Test("known paths with the wrong method are 405 with Allow")
    func methodNotAllowed() async throws {
        try await withEmulator { client in
            let pool = try await client.send(.PUT, TestClient.rg("rg-avd-prod-weu") + "/hostPools/hp-finance?" + TestClient.dv, body: "{}")
            #expect(pool.status == 405)
            #expect(pool.errorCode == "MethodNotAllowed")
            #expect(pool.header("allow") == "GET")
            let session = try await client.send(
                .POST, TestClient.rg("rg-avd-prod-weu") + "/hostPools/hp-finance/sessionHosts/avd-fin-0.contoso.com/userSessions/1?" + TestClient.dv)
            #expect(session.status == 405)
            #expect(session.header("allow") == "GET, DELETE")
            let disconnect = try await client.send(
                .GET, TestClient.rg("rg-avd-prod-weu") + "/hostPools/hp-finance/sessionHosts/avd-fin-0.contoso.com/userSessions/1/disconnect?" + TestClient.dv)
            #expect(disconnect.status == 405)
        }
    }

    @Test("not-found errors name the first missing level with ARM's codes and messages")
    func notFoundLevels() async throws {
        try await withEmulator { client in
            let sub = try await client.send(.GET, "/subscriptions/99999999-0000-0000-0000-000000000000?" + TestClient.subscriptionsVersion)
            #expect(sub.status == 404)
            #expect(sub.errorCode == "SubscriptionNotFound")
            #expect(sub.errorMessage == "The subscription '99999999-0000-0000-0000-000000000000' could not be found.")

            let group = try await client.send(.GET, TestClient.rg("rg-missing") + "/hostPools?" + TestClient.dv)
            #expect(group.errorCode == "ResourceGroupNotFound")
            #expect(group.errorMessage == "Resource group 'rg-missing' could not be found.")

            let pool = try await client.send(.GET, TestClient.rg("rg-avd-prod-weu") + "/hostPools/hp-missing/userSessions?" + TestClient.dv)
            #expect(pool.errorCode == "ResourceNotFound")
            #expect(
                pool.errorMessage
                    == "The Resource 'Microsoft.DesktopVirtualization/hostPools/hp-missing' under resource group 'rg-avd-prod-weu' was not found. For more details please go to https://aka.ms/ARMResourceNotFoundFix")

            let host = try await client.send(.GET, TestClient.rg("rg-avd-prod-weu") + "/hostPools/hp-finance/sessionHosts/nope.contoso.com?" + TestClient.dv)
            #expect(host.errorMessage?.contains("'Microsoft.DesktopVirtualization/hostPools/hp-finance/sessionHosts/nope.contoso.com'") == true)

            let session = try await client.send(
                .GET, TestClient.rg("rg-avd-prod-weu") + "/hostPools/hp-finance/sessionHosts/avd-fin-0.contoso.com/userSessions/999?" + TestClient.dv)
            #expect(session.status == 404)
            #expect(session.errorMessage?.contains("sessionHosts/avd-fin-0.contoso.com/userSessions/999'") == true)
        }
    }

    @Test("subscriptions are listed and fetched with subscription api-versions")
    func subscriptions() async throws {
        try await withEmulator { client in
            let list = try await client.send(.GET, "/subscriptions?" + TestClient.subscriptionsVersion)
            let items = try list.items()
            #expect(items.map { $0["subscriptionId"] as? String } == [TestClient.production, TestClient.development])
            #expect(items.first?["displayName"] as? String == "Contoso Production")
            #expect(items.first?["state"] as? String == "Enabled")
            #expect(items.first?["authorizationSource"] as? String == "RoleBased")
            #expect((items.first?["subscriptionPolicies"] as? [String: Any])?["spendingLimit"] as? String == "Off")
            for version in ["2020-01-01", "2021-01-01"] {
                let one = try await client.send(.GET, "/subscriptions/\(TestClient.development)?api-version=\(version)")
                #expect(try one.object()["id"] as? String == "/subscriptions/\(TestClient.development)")
                #expect(try one.object()["tenantId"] as? String == Scenario.defaultTenantId)
            }
        }
    }
}
