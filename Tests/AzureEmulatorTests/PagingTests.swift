import AzureEmulator
import Foundation
import Testing

@Suite("Paging")
struct PagingTests {
    static let callCenter = TestClient.rg("rg-avd-prod-weu") + "/hostPools/hp-callcenter/userSessions"

    @Test("hp-callcenter spans two default pages; walking nextLink yields every session in store order")
    func defaultPages() async throws {
        try await withEmulator { client in
            let first = try await client.send(.GET, Self.callCenter + "?" + TestClient.dv)
            #expect(try first.items().count == 50)
            let link = try #require(first.nextLink)
            #expect(link.hasPrefix(client.emulator.baseURL + Self.callCenter + "?"))
            #expect(link.contains("pageSize=50"))
            #expect(link.contains("initialSkip=50"))
            let (items, pages) = try await client.walk(Self.callCenter + "?" + TestClient.dv)
            #expect(pages == 2)
            let expected = await client.emulator.store.userSessions(
                subscriptionId: TestClient.production, resourceGroup: "rg-avd-prod-weu", hostPool: "hp-callcenter")
            #expect(expected.count == 64)
            #expect(items.map(\.id) == expected.map(\.resourceId))
        }
    }

    @Test("the last page has no nextLink at all")
    func lastPage() async throws {
        try await withEmulator { client in
            let response = try await client.send(.GET, Self.callCenter + "?" + TestClient.dv + "&initialSkip=50")
            #expect(try response.items().count == 14)
            #expect(try response.object().keys.contains("nextLink") == false)
        }
    }

    @Test("pageSize, isDescending and initialSkip select and order the page")
    func parameters() async throws {
        try await withEmulator { client in
            let all = try await client.walk(Self.callCenter + "?" + TestClient.dv + "&pageSize=1000").items.map(\.id)
            #expect(all.count == 64)
            let page = try await client.send(.GET, Self.callCenter + "?" + TestClient.dv + "&pageSize=10&initialSkip=5")
            #expect(try page.items().map(\.id) == Array(all[5..<15]))
            let descending = try await client.walk(Self.callCenter + "?" + TestClient.dv + "&pageSize=7&isDescending=true")
            #expect(descending.items.map(\.id) == all.reversed())
            #expect(descending.pages == 10)
            let skippedDescending = try await client.send(
                .GET, Self.callCenter + "?" + TestClient.dv + "&pageSize=3&isDescending=TRUE&initialSkip=2")
            #expect(try skippedDescending.items().map(\.id) == Array(all.reversed()[2..<5]))
            let link = try #require(skippedDescending.nextLink)
            #expect(link.contains("isDescending=true"))
            #expect(link.contains("initialSkip=5"))
        }
    }

    @Test("a skip past the end is an empty last page")
    func skipPastEnd() async throws {
        try await withEmulator { client in
            let response = try await client.send(.GET, Self.callCenter + "?" + TestClient.dv + "&initialSkip=1000")
            #expect(response.status == 200)
            #expect(try response.items().isEmpty)
            #expect(response.nextLink == nil)
        }
    }

    @Test("invalid paging values are 400 InvalidParameter", arguments: [
        "pageSize=0", "pageSize=1001", "pageSize=ten", "isDescending=yes", "initialSkip=-1", "initialSkip=1.5",
    ])
    func invalid(parameter: String) async throws {
        try await withEmulator { client in
            let response = try await client.send(.GET, Self.callCenter + "?" + TestClient.dv + "&" + parameter)
            #expect(response.status == 400)
            #expect(response.errorCode == "InvalidParameter")
            let name = String(parameter.prefix { $0 != "=" })
            #expect(response.errorMessage?.contains("'\(name)'") == true)
        }
    }

    @Test("nextLink is URL-safe and keeps api-version, pageSize, isDescending and $filter")
    func nextLinkIsURLSafe() async throws {
        let scenario = Scenario(subscriptions: [
            .init(subscriptionId: TestClient.production, displayName: "Links", resourceGroups: [
                .init(name: "rg", hostPools: [
                    .init(name: "pool with space", sessionHosts: [
                        .init(name: "sh-0", userSessions: (1...5).map { .init(id: "\($0)", userPrincipalName: "a+b@contoso.com") }),
                    ]),
                ]),
            ]),
        ])
        try await withEmulator(EmulatorConfiguration(scenario: scenario)) { client in
            let filter = "userPrincipalName eq 'A+B@contoso.com'"
            let encodedFilter = filter.addingPercentEncoding(withAllowedCharacters: .alphanumerics)!
            let path = TestClient.rg("rg") + "/hostPools/pool%20with%20space/userSessions"
            let first = try await client.send(
                .GET, path + "?api-version=2024-04-08-preview&pageSize=2&isDescending=false&$filter=" + encodedFilter)
            #expect(try first.items().count == 2)
            let link = try #require(first.nextLink)
            #expect(!link.contains("+"))
            #expect(!link.contains(" "))
            #expect(!link.contains("'"))
            let components = try #require(URLComponents(string: link))
            #expect(components.percentEncodedPath == path)
            let query = Dictionary(uniqueKeysWithValues: (components.queryItems ?? []).map { ($0.name, $0.value ?? "") })
            #expect(query["api-version"] == "2024-04-08-preview")
            #expect(query["pageSize"] == "2")
            #expect(query["isDescending"] == "false")
            #expect(query["$filter"] == filter)
            #expect(query["initialSkip"] == "2")
            let walked = try await client.walk(link)
            #expect(walked.items.count == 3)
            #expect(walked.pages == 2)
        }
    }

    @Test("every list operation pages")
    func everyListPages() async throws {
        try await withEmulator(EmulatorConfiguration(defaultPageSize: 1)) { client in
            let lists = [
                ("/subscriptions?" + TestClient.subscriptionsVersion, 2),
                ("/subscriptions/\(TestClient.production)/providers/Microsoft.DesktopVirtualization/hostPools?" + TestClient.dv, 5),
                (TestClient.rg("rg-avd-prod-weu") + "/hostPools?" + TestClient.dv, 3),
                (TestClient.rg("rg-avd-prod-weu") + "/hostPools/hp-finance/sessionHosts?" + TestClient.dv, 3),
                (TestClient.rg("rg-avd-prod-weu") + "/hostPools/hp-finance/userSessions?" + TestClient.dv, 12),
                (TestClient.rg("rg-avd-prod-weu") + "/hostPools/hp-finance/sessionHosts/avd-fin-2.contoso.com/userSessions?" + TestClient.dv, 2),
                (TestClient.rg("rg-avd-sandbox", subscription: TestClient.development) + "/hostPools?" + TestClient.dv, 0),
            ]
            for (path, count) in lists {
                let (items, pages) = try await client.walk(path)
                #expect(items.count == count, "\(path)")
                #expect(pages == max(1, count), "\(path)")
            }
        }
    }

    @Test("the nextLink host follows the Host header the client used")
    func nextLinkHost() async throws {
        try await withEmulator { client in
            let viaLocalhost = "http://localhost:\(client.emulator.port)" + Self.callCenter + "?" + TestClient.dv
            let response = try await client.send(.GET, viaLocalhost)
            #expect(response.nextLink?.hasPrefix("http://localhost:\(client.emulator.port)/") == true)
        }
    }
}
