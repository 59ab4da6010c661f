import AzureEmulator
import Testing

@Suite("Fault injection")
struct FaultTests {
    @Test("specs parse into status, code, path and times")
    func parse() throws {
        let full = try Fault.parse("500:InternalServerError@hostpools/hp-broken#2")
        #expect(full == Fault(status: 500, code: "InternalServerError", pathContains: "hostpools/hp-broken", times: 2))
        let bare = try Fault.parse("503")
        #expect(bare.code == "ServiceUnavailable")
        #expect(bare.pathContains.isEmpty)
        #expect(bare.times == nil)
        #expect(try Fault.parse("429#3") == Fault(status: 429, code: "TooManyRequests", times: 3))
        #expect(try Fault.parse("403@/usersessions/").code == "AuthorizationFailed")
        #expect(try Fault.parse("409:Conflict").code == "Conflict")
        #expect(try Fault.parse("500@a#b#4").pathContains == "a#b", "only the last '#' starts the count")
    }

    @Test("bad specs are rejected with a sentence that shows the format", arguments: [
        "", "abc", "200", "600", "500:", "500:Bad Code", "500#0", "500#x", "500@p#-1", "drop retry-after=1", "503 0%",
        "503 101%", "latency=-1", "latency=x", "stall", "nextlink-host=ftp://x", "nextlink-host=http://h/path", "500 method=1",
        "500 after=-1", "500 retry-after=soon", "500 colour=red",
    ])
    func parseErrors(spec: String) {
        #expect {
            try Fault.parse(spec)
        } throws: { error in
            String(describing: error).contains("KIND[ OPTION…][@PATH-SUBSTRING][#TIMES]")
        }
    }

    @Test("a fault with times fails only the first N matching requests, matching the decoded path case-insensitively")
    func times() async throws {
        let fault = try Fault.parse("500@HOSTPOOLS/hp finance/#2")
        try await withEmulator(EmulatorConfiguration(faults: [fault])) { client in
            let path = TestClient.rg("rg-avd-prod-weu") + "/hostPools/hp%20finance/sessionHosts?" + TestClient.dv
            let other = TestClient.rg("rg-avd-prod-weu") + "/hostPools/hp-finance/sessionHosts?" + TestClient.dv
            #expect(try await client.send(.GET, other).status == 200, "another path is not affected")
            for _ in 0..<2 {
                let failed = try await client.send(.GET, path)
                #expect(failed.status == 500)
                #expect(failed.errorCode == "InternalServerError")
                #expect(failed.header("retry-after") == nil, "the SDKs retry anything with Retry-After")
                #expect(failed.header("x-ms-request-id") != nil)
            }
            let third = try await client.send(.GET, path)
            #expect(third.status == 404, "after two faults the request reaches the (absent) pool")
        }
    }

    @Test("429 and 503 carry Retry-After: 1")
    func retryAfter() async throws {
        try await withEmulator(EmulatorConfiguration(faults: [try Fault.parse("429@/hostpools/hp-finance#1"), try Fault.parse("503#1")])) { client in
            let throttled = try await client.send(.GET, TestClient.rg("rg-avd-prod-weu") + "/hostPools/hp-finance?" + TestClient.dv)
            #expect(throttled.status == 429)
            #expect(throttled.errorCode == "TooManyRequests")
            #expect(throttled.header("retry-after") == "1")
            let unavailable = try await client.send(.GET, "/subscriptions?" + TestClient.subscriptionsVersion)
            #expect(unavailable.status == 503)
            #expect(unavailable.header("retry-after") == "1")
            #expect(try await client.send(.GET, "/subscriptions?" + TestClient.subscriptionsVersion).status == 200)
        }
    }

    @Test("403 names the action and the scope like ARM")
    func authorizationFailed() async throws {
        try await withEmulator(EmulatorConfiguration(faults: [Fault(status: 403, pathContains: "userSessions", method: "delete")])) { client in
            let session = TestClient.rg("rg-avd-prod-weu") + "/hostPools/hp-finance/sessionHosts/avd-fin-0.contoso.com/userSessions/1"
            #expect(try await client.send(.GET, session + "?" + TestClient.dv).status == 200, "the fault only matches DELETE")
            let denied = try await client.send(.DELETE, session + "?" + TestClient.dv)
            #expect(denied.status == 403)
            #expect(denied.errorCode == "AuthorizationFailed")
            let message = try #require(denied.errorMessage)
            #expect(message.contains("does not have authorization to perform action 'Microsoft.DesktopVirtualization/hostpools/sessionhosts/usersessions/delete'"))
            #expect(message.contains("over scope '\(session)'"))
            #expect(try await client.send(.GET, session + "?" + TestClient.dv).status == 200, "a faulted delete changes nothing")
        }
    }

    @Test("faults come after authentication")
    func afterAuth() async throws {
        try await withEmulator(EmulatorConfiguration(faults: [Fault(status: 500)])) { client in
            let response = try await client.send(.GET, "/subscriptions?" + TestClient.subscriptionsVersion, token: "wrong")
            #expect(response.status == 401)
            #expect(try await client.send(.GET, "/subscriptions?" + TestClient.subscriptionsVersion).status == 500)
            #expect(try await client.send(.GET, "/_emulator/health", token: .some(nil)).status == 200, "inspection is never faulted")
        }
    }

    @Test("a custom message replaces the default")
    func customMessage() async throws {
        try await withEmulator(EmulatorConfiguration(faults: [Fault(status: 409, code: "ScopeLocked", message: "Locked.")])) { client in
            let response = try await client.send(.GET, "/subscriptions?" + TestClient.subscriptionsVersion)
            #expect(response.status == 409)
            #expect(response.errorCode == "ScopeLocked")
            #expect(response.errorMessage == "Locked.")
        }
    }
}
