import AzureEmulator
import Foundation
import Testing

@Suite("$filter on UserSessions_ListByHostPool")
struct FilterTests {
    static let callCenter = TestClient.rg("rg-avd-prod-weu") + "/hostPools/hp-callcenter/userSessions"

    static func filtered(_ filter: String) -> String {
        callCenter + "?" + TestClient.dv + "&$filter=" + filter.addingPercentEncoding(withAllowedCharacters: .alphanumerics)!
    }

    @Test("the API example's form works: state alias, lowercase value, case-insensitive keywords")
    func stateAlias() async throws {
        try await withEmulator { client in
            let sessions = await client.emulator.store.userSessions(
                subscriptionId: TestClient.production, resourceGroup: "rg-avd-prod-weu", hostPool: "hp-callcenter")
            let active = sessions.filter { $0.sessionState == "Active" }.map(\.resourceId)
            #expect(!active.isEmpty && active.count < sessions.count)
            for filter in ["state eq 'active'", "sessionState eq 'Active'", "SESSIONSTATE EQ 'ACTIVE'", "  state   eq 'active'  "] {
                let walked = try await client.walk(Self.filtered(filter))
                #expect(walked.items.map(\.id) == active, "\(filter)")
            }
        }
    }

    @Test("userPrincipalName and 'and' combine; values match case-insensitively")
    func upnAndState() async throws {
        try await withEmulator { client in
            let sessions = await client.emulator.store.userSessions(
                subscriptionId: TestClient.production, resourceGroup: "rg-avd-prod-weu", hostPool: "hp-callcenter")
            let target = try #require(sessions.first { $0.sessionState == "Disconnected" })
            let byUser = try await client.walk(Self.filtered("userPrincipalName eq '\(target.userPrincipalName.uppercased())'"))
            #expect(byUser.items.map(\.id) == [target.resourceId])
            let both = try await client.walk(
                Self.filtered("userPrincipalName eq '\(target.userPrincipalName)' and state eq 'disconnected'"))
            #expect(both.items.map(\.id) == [target.resourceId])
            let contradiction = try await client.walk(
                Self.filtered("userPrincipalName eq '\(target.userPrincipalName)' AND sessionState eq 'Active'"))
            #expect(contradiction.items.isEmpty)
        }
    }

    @Test("two single quotes inside a value stand for one quote")
    func escapedQuote() async throws {
        let scenario = Scenario(subscriptions: [
            .init(subscriptionId: TestClient.production, displayName: "Quotes", resourceGroups: [
                .init(name: "rg", hostPools: [
                    .init(name: "hp", sessionHosts: [
                        .init(name: "sh", userSessions: [
                            .init(id: "1", userPrincipalName: "sean.o'brien@contoso.com"),
                            .init(id: "2", userPrincipalName: "sean.obrien@contoso.com"),
                        ]),
                    ]),
                ]),
            ]),
        ])
        try await withEmulator(EmulatorConfiguration(scenario: scenario)) { client in
            let path = TestClient.rg("rg") + "/hostPools/hp/userSessions?" + TestClient.dv + "&$filter="
                + "userPrincipalName eq 'sean.o''brien@contoso.com'".addingPercentEncoding(withAllowedCharacters: .alphanumerics)!
            let response = try await client.send(.GET, path)
            #expect(try response.items().map { $0.property("userPrincipalName") } == ["sean.o'brien@contoso.com"])
        }
    }

    @Test("unsupported filters are 400 InvalidFilter saying what is supported", arguments: [
        "applicationType eq 'Desktop'", "state ne 'Active'", "state eq Active", "state eq 'Active' or state eq 'Pending'",
        "(state eq 'Active')", "state eq 'Active", "state eq", "state eq 'Active' and",
    ])
    func invalid(filter: String) async throws {
        try await withEmulator { client in
            let response = try await client.send(.GET, Self.filtered(filter))
            #expect(response.status == 400)
            #expect(response.errorCode == "InvalidFilter")
            #expect(response.errorMessage?.contains("Supported: userPrincipalName eq") == true)
        }
    }

    @Test("$filter on the per-host list is refused, not silently ignored")
    func perHostListRefusesFilter() async throws {
        try await withEmulator { client in
            let path = TestClient.rg("rg-avd-prod-weu") + "/hostPools/hp-callcenter/sessionHosts/avd-cc-0.contoso.com/userSessions?"
                + TestClient.dv + "&$filter=state%20eq%20%27active%27"
            let response = try await client.send(.GET, path)
            #expect(response.status == 400)
            #expect(response.errorCode == "InvalidParameter")
        }
    }
}
