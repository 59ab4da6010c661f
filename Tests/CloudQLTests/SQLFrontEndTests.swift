@testable import CloudQL
import CloudQLTestSupport
import Testing

@Suite struct SQLFrontEndTests {
    let rewriter = NameRewriter(providers: ["azure"], dollarColumns: ["$filter"])

    @Test func rewritesThreePartNamesAndDollarColumnsOnly() throws {
        let result = try rewriter.rewrite("""
            SELECT us.name, 'azure.a.b' AS s, "azure.x.y" FROM azure.desktop_virtualization.user_sessions us -- azure.c.d
            WHERE $filter = 'state eq ''active''' /* azure.e.f */
            """)
        #expect(result.sql == """
            SELECT us.name, 'azure.a.b' AS s, "azure.x.y" FROM "azure.desktop_virtualization.user_sessions" us -- azure.c.d
            WHERE "$filter" = 'state eq ''active''' /* azure.e.f */
            """)
        #expect(result.resourceNames == ["azure.x.y", "azure.desktop_virtualization.user_sessions"])
    }

    @Test func leavesOtherDottedNamesAlone() throws {
        let sql = "SELECT main.t.c, hp.id FROM main.t JOIN x hp ON 1"
        #expect(try rewriter.rewrite(sql).sql == sql)
    }

    @Test func refusesMethodNamesOutsideExec() {
        #expect(throws: CloudQLError.self) {
            try rewriter.rewrite("SELECT * FROM azure.desktop_virtualization.user_sessions.get")
        }
    }

    @Test func splitsOnSemicolonsOutsideStringsAndComments() throws {
        let statements = try StatementSplitter.split("""
            SELECT ';' AS a; -- a comment; still a comment
            SELECT "x;y" FROM t /* ; */ ;
            ;  -- only a comment
            SHOW PROVIDERS
            """)
        #expect(statements == ["SELECT ';' AS a", "-- a comment; still a comment\nSELECT \"x;y\" FROM t /* ; */", "-- only a comment\nSHOW PROVIDERS"])
    }

    @Test func unterminatedStringIsAClearError() {
        #expect(throws: CloudQLError.self) { try StatementSplitter.split("SELECT 'abc") }
    }

    @Test func syntaxErrorSaysWhere() async throws {
        let error = try await OfflineSession.error("SELECT *\nFORM azure.desktop_virtualization.user_sessions")
        #expect(error.kind == .syntax)
        #expect(error.message.contains("near \"FORM\""))
        #expect(error.message.contains("line 2"))
    }

    @Test func pathSegmentsAreEncodedAsOneSegment() {
        #expect(PathSegment.encode("a/b?c#d%e f") == "a%2Fb%3Fc%23d%25e%20f")
        #expect(PathSegment.encode("..") == "%2E%2E")
        #expect(PathSegment.encode(".") == "%2E")
        #expect(PathSegment.encode("sh-1.contoso.com") == "sh-1.contoso.com")
        #expect(PathSegment.encode("hp@x") == "hp%40x")
    }

    @Test func idTemplatesReadParametersInAnyCase() {
        let templates = [ResourceIDTemplate("/subscriptions/{subscriptionId}/resourceGroups/{resourceGroupName}/providers/Microsoft.DesktopVirtualization/hostPools/{hostPoolName}/sessionHosts/{sessionHostName}/userSessions/{userSessionId}")]
        let live = ResourceIDTemplate.match("/subscriptions/s1/resourcegroups/RG/providers/Microsoft.DesktopVirtualization/hostpools/HP/sessionhosts/sh.contoso.com/usersessions/6", against: templates)
        #expect(live == ["subscriptionId": "s1", "resourceGroupName": "RG", "hostPoolName": "HP", "sessionHostName": "sh.contoso.com", "userSessionId": "6"])
        #expect(ResourceIDTemplate.match("/subscriptions/s1/resourceGroups/RG", against: templates) == nil)
    }
}

@Suite struct ExtensionFunctionTests {
    func value(_ expression: String) async throws -> String {
        try await OfflineSession.rows("SELECT \(expression)").rows[0][0].displayText
    }

    @Test func splitPart() async throws {
        let id = "'/subscriptions/s/resourcegroups/rg-1/providers/x'"
        #expect(try await value("split_part(\(id), '/', 5)") == "rg-1")
        #expect(try await value("split_part(\(id), '/', -1)") == "x")
        #expect(try await value("split_part(\(id), '/', 99)") == "")
        #expect(try await value("split_part(NULL, '/', 1)") == "null")
    }

    @Test func jsonEqualIgnoresOrder() async throws {
        #expect(try await value(#"json_equal('{"a":1,"b":[1,2]}', '{"b":[2,1],"a":1}')"#) == "1")
        #expect(try await value(#"json_equal('{"a":1}', '{"a":2}')"#) == "0")
        #expect(try await value(#"json_equal('[1,1,2]', '[1,2,2]')"#) == "0")
    }

    @Test func regularExpressions() async throws {
        #expect(try await value("regexp_like('avd-fin-0.contoso.com', '^avd-fin-[0-9]+')") == "1")
        #expect(try await value("'abc' REGEXP 'b'") == "1")
        #expect(try await value("'abc' REGEXP '^b'") == "0")
        #expect(try await value("regexp_substr('user7@contoso.com', '[0-9]+')") == "7")
        #expect(try await value("regexp_replace('a-b-c', '-', '.')") == "a.b.c")
        #expect(try await value("regexp_like('ABC', 'abc', 'i')") == "1")
        let error = try await OfflineSession.error("SELECT regexp_like('a', '(')")
        #expect(error.message.contains("invalid regular expression"))
    }
}

@Suite struct EndpointTests {
    @Test func onlyTheConfiguredOriginIsTheSameOrigin() throws {
        let endpoint = try ARMEndpoint("https://management.azure.com")
        #expect(endpoint.isSameOrigin("https://management.azure.com/subscriptions?api-version=1"))
        #expect(endpoint.isSameOrigin("https://MANAGEMENT.azure.com:443/subscriptions"))
        #expect(!endpoint.isSameOrigin("https://management.azure.com@evil.example/subscriptions"))
        #expect(!endpoint.isSameOrigin("https://management.azure.com.evil.example/subscriptions"))
        #expect(!endpoint.isSameOrigin("http://management.azure.com/subscriptions"))
        let local = try ARMEndpoint("http://127.0.0.1:80")
        #expect(!local.isSameOrigin("http://127.0.0.1:8080/subscriptions"))
        #expect(local.isSameOrigin("http://127.0.0.1/subscriptions"))
    }
}
