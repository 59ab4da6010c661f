import AzureEmulator
import Foundation
import Testing

@Suite("Delete, Disconnect and SendMessage")
struct MutationTests {
    static let host = TestClient.rg("rg-avd-prod-weu") + "/hostPools/hp-finance/sessionHosts/avd-fin-0.contoso.com"
    static let session = host + "/userSessions/1"

    @Test("Delete removes the session everywhere and lowers the host's session count")
    func delete() async throws {
        try await withEmulator { client in
            let before = try await client.send(.GET, Self.host + "?" + TestClient.dv)
            let countBefore = try #require((try before.object()["properties"] as? [String: Any])?["sessions"] as? Int)

            let deleted = try await client.send(.DELETE, Self.session + "?" + TestClient.dv + "&force=true")
            #expect(deleted.status == 200)
            #expect(deleted.body.isEmpty)

            let get = try await client.send(.GET, Self.session + "?" + TestClient.dv)
            #expect(get.status == 404)
            #expect(get.errorCode == "ResourceNotFound")
            let hostList = try await client.walk(Self.host + "/userSessions?" + TestClient.dv)
            #expect(!hostList.items.contains { $0.id?.hasSuffix("/usersessions/1") == true })
            let poolList = try await client.walk(TestClient.rg("rg-avd-prod-weu") + "/hostPools/hp-finance/userSessions?" + TestClient.dv)
            #expect(poolList.items.count == 11)
            let after = try await client.send(.GET, Self.host + "?" + TestClient.dv)
            #expect((try after.object()["properties"] as? [String: Any])?["sessions"] as? Int == countBefore - 1)
            let stored = await client.emulator.store.sessionHosts(
                subscriptionId: TestClient.production, resourceGroup: "rg-avd-prod-weu", hostPool: "hp-finance")
            #expect(stored.first?.sessions == countBefore - 1)

            let again = try await client.send(.DELETE, Self.session + "?" + TestClient.dv)
            #expect(again.status == 404, "an absent session is 404, as the live service answers")
            #expect(again.errorCode == "ResourceNotFound")

            let log = await client.emulator.store.requestLog().filter { $0.method == "DELETE" }
            #expect(log.map(\.force) == [true, nil])
            #expect(log.map(\.status) == [200, 404])
        }
    }

    @Test("Delete rejects a force value that is not a boolean")
    func deleteBadForce() async throws {
        try await withEmulator { client in
            let response = try await client.send(.DELETE, Self.session + "?" + TestClient.dv + "&force=maybe")
            #expect(response.status == 400)
            #expect(response.errorCode == "InvalidParameter")
            #expect(try await client.send(.GET, Self.session + "?" + TestClient.dv).status == 200, "nothing was deleted")
        }
    }

    @Test("Disconnect answers 200 with no body and sets sessionState to Disconnected")
    func disconnect() async throws {
        try await withEmulator { client in
            let before = try await client.send(.GET, Self.session + "?" + TestClient.dv)
            #expect(try before.object().property("sessionState") == "Active")
            let response = try await client.send(.POST, Self.session + "/disconnect?" + TestClient.dv)
            #expect(response.status == 200)
            #expect(response.body.isEmpty)
            let after = try await client.send(.GET, Self.session + "?" + TestClient.dv)
            #expect(try after.object().property("sessionState") == "Disconnected")
            let stored = await client.emulator.store.userSessions(
                subscriptionId: TestClient.production, resourceGroup: "rg-avd-prod-weu", hostPool: "hp-finance")
            #expect(stored.first?.sessionState == "Disconnected")
            let missing = try await client.send(.POST, Self.host + "/userSessions/404/disconnect?" + TestClient.dv)
            #expect(missing.status == 404)
        }
    }

    @Test("SendMessage records the message for the store and for /_emulator/messages")
    func sendMessage() async throws {
        try await withEmulator { client in
            let response = try await client.send(
                .POST, Self.session + "/sendMessage?" + TestClient.dv,
                body: #"{"messageTitle":"Maintenance","messageBody":"Log off by 18:00 \"please\"","extra":1}"#)
            #expect(response.status == 200)
            #expect(response.body.isEmpty)
            let empty = try await client.send(.POST, Self.host.uppercased() + "/USERSESSIONS/1/SENDMESSAGE?" + TestClient.dv)
            #expect(empty.status == 200, "the body is optional")
            let nulls = try await client.send(
                .POST, Self.session + "/sendMessage?" + TestClient.dv, body: #"{"messageTitle":null}"#)
            #expect(nulls.status == 200)

            let messages = await client.emulator.store.sentMessages()
            #expect(messages.count == 3)
            #expect(messages.first?.title == "Maintenance")
            #expect(messages.first?.body == "Log off by 18:00 \"please\"")
            #expect(messages.first?.sessionHost == "avd-fin-0.contoso.com")
            #expect(messages.first?.userSessionId == "1")
            #expect(messages.first?.sessionResourceId.hasSuffix("/sessionhosts/avd-fin-0.contoso.com/usersessions/1") == true)
            #expect(messages[1].title == nil && messages[1].body == nil)

            let inspection = try await client.send(.GET, "/_emulator/messages", token: .some(nil))
            let listed = try inspection.items()
            #expect(listed.count == 3)
            #expect(listed.first?["messageBody"] as? String == "Log off by 18:00 \"please\"")
            #expect(listed[1]["messageTitle"] is NSNull)
        }
    }

    @Test("SendMessage with a body that is not JSON or has wrong types is 400 InvalidRequestContent", arguments: [
        "not json", #"{"messageTitle": 5}"#, #"{"messageBody": ["a"]}"#, #"["messageTitle"]"#,
    ])
    func sendMessageBadBody(body: String) async throws {
        try await withEmulator { client in
            let response = try await client.send(.POST, Self.session + "/sendMessage?" + TestClient.dv, body: body)
            #expect(response.status == 400)
            #expect(response.errorCode == "InvalidRequestContent")
            #expect(await client.emulator.store.sentMessages().isEmpty)
        }
    }

    @Test("the request log can be read and cleared over HTTP")
    func inspectionLog() async throws {
        try await withEmulator { client in
            _ = try await client.send(.GET, Self.session + "?" + TestClient.dv)
            _ = try await client.send(.DELETE, Self.session + "?" + TestClient.dv + "&force=false")
            let log = try await client.send(.GET, "/_emulator/requests", token: .some(nil))
            let entries = try log.items()
            #expect(entries.count == 2, "inspection requests are not logged")
            #expect(entries.last?["method"] as? String == "DELETE")
            #expect(entries.last?["force"] as? Bool == false)
            #expect(entries.last?["status"] as? Int == 200)
            #expect(entries.last?["path"] as? String == Self.session)
            let cleared = try await client.send(.DELETE, "/_emulator/requests", token: .some(nil))
            #expect(cleared.status == 204)
            #expect(await client.emulator.store.requestLog().isEmpty)
        }
    }
}
