import CloudQL
import CloudQLTestSupport
import Foundation
import Testing

/// SHOW and DESCRIBE must reproduce the seed page's tables exactly.
@Suite struct MetadataTests {
    static let resource = "azure.desktop_virtualization.user_sessions"

    static let seedMethods: [[String]] = [
        ["get", "hostPoolName, resourceGroupName, sessionHostName, subscriptionId, userSessionId", "SELECT", "Get a userSession."],
        ["list", "hostPoolName, resourceGroupName, sessionHostName, subscriptionId", "SELECT", "List userSessions."],
        ["list_by_host_pool", "hostPoolName, resourceGroupName, subscriptionId", "SELECT", "List userSessions."],
        ["delete", "hostPoolName, resourceGroupName, sessionHostName, subscriptionId, userSessionId", "DELETE", "Remove a userSession."],
        ["disconnect", "hostPoolName, resourceGroupName, sessionHostName, subscriptionId, userSessionId", "EXEC", "Disconnect a userSession."],
        ["send_message", "hostPoolName, resourceGroupName, sessionHostName, subscriptionId, userSessionId", "EXEC", "Send a message to a user."],
    ]

    static let seedFields: [[String]] = [
        ["id", "string", #"Fully qualified resource ID for the resource. E.g. "/subscriptions/{subscriptionId}/resourceGroups/{resourceGroupName}/providers/{resourceProviderNamespace}/{resourceType}/{resourceName}""#],
        ["name", "string", "The name of the resource"],
        ["properties", "object", "Schema for UserSession properties."],
        ["systemData", "object", "Metadata pertaining to creation and last modification of the resource."],
        ["type", "string", #"The type of the resource. E.g. "Microsoft.Compute/virtualMachines" or "Microsoft.Storage/storageAccounts""#],
    ]

    @Test func showMethodsMatchesTheSeedCellByCell() async throws {
        let set = try await OfflineSession.rows("SHOW METHODS IN \(Self.resource)")
        #expect(set.columns.map(\.name) == ["MethodName", "RequiredParams", "SQLVerb"])
        #expect(set.rows.map { $0.map(\.displayText) } == Self.seedMethods.map { Array($0.prefix(3)) })
    }

    @Test func showExtendedMethodsAddsTheSeedDescriptions() async throws {
        let set = try await OfflineSession.rows("SHOW EXTENDED METHODS IN \(Self.resource)")
        #expect(set.columns.map(\.name) == ["MethodName", "RequiredParams", "SQLVerb", "description"])
        #expect(set.rows.map { $0.map(\.displayText) } == Self.seedMethods)
    }

    @Test func describeMatchesTheSeedFields() async throws {
        let plain = try await OfflineSession.rows("DESCRIBE \(Self.resource)")
        #expect(plain.columns.map(\.name) == ["name", "type"])
        #expect(plain.rows.map { $0.map(\.displayText) } == Self.seedFields.map { Array($0.prefix(2)) })
        let extended = try await OfflineSession.rows("DESCRIBE EXTENDED \(Self.resource)")
        #expect(extended.columns.map(\.name) == ["name", "type", "description"])
        #expect(extended.rows.map { $0.map(\.displayText) } == Self.seedFields)
    }

    /// When the user's page is beside the repository (as in CI), compare with it directly.
    @Test func tablesEqualTheSeedPageItself() async throws {
        guard let seed = SeedPage.load() else { return }
        let methods = try await OfflineSession.rows("SHOW EXTENDED METHODS IN \(Self.resource)")
        #expect(methods.rows.map { $0.map(\.displayText) } == seed.methods.map { [$0[0], $0[2], $0[1], $0[3]] })
        let fields = try await OfflineSession.rows("DESCRIBE EXTENDED \(Self.resource)")
        #expect(fields.rows.map { $0.map(\.displayText) } == seed.fields)
    }

    @Test func showProvidersServicesAndResources() async throws {
        #expect(try await OfflineSession.rows("SHOW PROVIDERS").rows.map { $0[0].displayText } == ["azure"])
        let services = try await OfflineSession.rows("SHOW SERVICES IN azure LIKE '%desk%'")
        #expect(services.rows.map { $0[1].displayText } == ["desktop_virtualization"])
        let resources = try await OfflineSession.rows("SHOW RESOURCES IN azure.desktop_virtualization")
        #expect(resources.rows.map { $0[0].displayText } == ["host_pools", "session_hosts", "user_sessions"])
        let filtered = try await OfflineSession.rows("show resources in azure.desktop_virtualization like 'user%'")
        #expect(filtered.rows.map { $0[1].displayText } == [Self.resource])
        let subscriptions = try await OfflineSession.rows("SHOW METHODS IN azure.subscriptions.subscriptions")
        #expect(subscriptions.rows.map { $0[0].displayText } == ["get", "list"])
    }

    @Test func describeMethodListsParametersAndBodyFields() async throws {
        let set = try await OfflineSession.rows("DESCRIBE METHOD \(Self.resource).send_message")
        let names = set.rows.map { $0[0].displayText }
        #expect(names.contains("userSessionId"))
        #expect(names.contains("@@json.messageTitle"))
        #expect(names.contains("@@json.messageBody"))
    }

    @Test func unknownResourceSuggestsTheNearestName() async throws {
        let error = try await OfflineSession.error("SELECT * FROM azure.desktop_virtualization.user_session WHERE subscriptionId = 'x'")
        #expect(error.kind == .unknownName)
        #expect(error.message.contains("Did you mean azure.desktop_virtualization.user_sessions?"))
        let describe = try await OfflineSession.error("DESCRIBE azure.desktop_virtualisation.user_sessions")
        #expect(describe.message.contains("Did you mean azure.desktop_virtualization"))
    }

    @Test func malformedMetadataStatementsSayWhatIsExpected() async throws {
        let error = try await OfflineSession.error("SHOW METHODS IN azure.desktop_virtualization")
        #expect(error.kind == .syntax)
        #expect(error.message.contains("provider.service.resource"))
    }
}
