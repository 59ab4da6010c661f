import AzureEmulator
import Foundation
import Testing

@Suite("Fault rules: grammar")
struct FaultGrammarTests {
    @Test("every kind and option parses, and a rule's description parses back to it", arguments: [
        "503", "429#3", "500:InternalServerError@hostpools/hp-broken#2", "429 retry-after=5@/hostpools/#3", "429 retry-after-date=30",
        "503 retry-after=none", "500 retry-after=2", "502 after=2#3", "504 method=DELETE 25%@/usersessions/", "drop 30%",
        "truncate@/sessionhosts", "invalid-json#1", "latency=250", "stall=3000 method=DELETE#1", "nextlink-loop@/userSessions",
        "nextlink-host=http://127.0.0.2:8080", "503 2.5%",
    ])
    func roundTrip(spec: String) throws {
        let fault = try Fault.parse(spec)
        #expect(try Fault.parse(fault.description) == fault, "\(spec) → \(fault.description)")
    }

    @Test("the parsed values are what the spec says")
    func values() throws {
        let burst = try Fault.parse("502 after=2 method=get#3")
        #expect(burst == Fault(status: 502, method: "GET", times: 3, after: 2))
        #expect(try Fault.parse("drop 30%@/usersessions/") == Fault(.dropConnection, pathContains: "/usersessions/", probability: 0.3))
        #expect(try Fault.parse("latency=250").kind == .latency(.milliseconds(250)))
        #expect(try Fault.parse("stall=1500").kind == .stall(.milliseconds(1_500)))
        #expect(try Fault.parse("nextlink-host=http://127.0.0.2:8080/").kind == .nextLinkHost("http://127.0.0.2:8080"))
        #expect(try Fault.parse("429").kind == .status(429, code: "TooManyRequests", message: nil, retryAfter: .seconds(1)))
        #expect(try Fault.parse("429 retry-after=7").kind == .status(429, code: "TooManyRequests", message: nil, retryAfter: .seconds(7)))
        #expect(try Fault.parse("500").kind == .status(500, code: "InternalServerError", message: nil, retryAfter: .none))
        #expect(try Fault.parse("500 retry-after-date=9").status == 500)
        #expect(try Fault.parse("drop").status == nil)
    }

    @Test("--faults takes several rules separated by ';'")
    func rules() throws {
        let rules = try Fault.parseRules(" 503 after=2#3 ; drop 10%@/usersessions/;; nextlink-loop ")
        #expect(rules.map(\.description) == ["503 after=2#3", "drop 10%@/usersessions/", "nextlink-loop"])
        #expect(throws: FaultSpecError.self) { try Fault.parseRules(" ; ") }
        #expect(throws: FaultSpecError.self) { try Fault.parseRules("503; bogus") }
    }

    @Test("a configuration with an impossible rule is refused before binding")
    func validation() async {
        for fault in [Fault(status: 200), Fault(.dropConnection, probability: 1.5), Fault(.latency(.milliseconds(-1))), Fault(.truncatedBody, times: 0)] {
            await #expect(throws: EmulatorError.self, "\(fault)") {
                try await AzureEmulator.start(EmulatorConfiguration(faults: [fault])).stop()
            }
        }
    }
}

@Suite("Fault rules: what a client sees")
struct FaultKindTests {
    static let subscriptions = "/subscriptions?" + TestClient.subscriptionsVersion
    static let finance = TestClient.rg("rg-avd-prod-weu") + "/hostPools/hp-finance"
    static let financeSessions = finance + "/userSessions?" + TestClient.dv + "&pageSize=5"

    @Test("429 carries Retry-After in seconds or as an HTTP date")
    func retryAfter() async throws {
        let faults = [try Fault.parse("429 retry-after=7@/subscriptions#1"), try Fault.parse("429 retry-after-date=120@/subscriptions#1")]
        try await withEmulator(EmulatorConfiguration(faults: faults)) { client in
            let seconds = try await client.send(.GET, Self.subscriptions)
            #expect(seconds.status == 429)
            #expect(seconds.header("retry-after") == "7")
            let dated = try await client.send(.GET, Self.subscriptions)
            #expect(dated.status == 429)
            let formatter = DateFormatter()
            formatter.locale = Locale(identifier: "en_US_POSIX")
            formatter.dateFormat = "EEE, dd MMM yyyy HH:mm:ss 'GMT'"
            formatter.timeZone = TimeZone(identifier: "UTC")
            let date = try #require(formatter.date(from: dated.header("retry-after") ?? ""), "\(dated.header("retry-after") ?? "none")")
            #expect(date > Date().addingTimeInterval(60), "two minutes ahead, give or take")
            #expect(try await client.send(.GET, Self.subscriptions).status == 200)
        }
    }

    @Test("a burst: after=2#3 fails the 3rd to 5th matching requests")
    func burst() async throws {
        try await withEmulator(EmulatorConfiguration(faults: [try Fault.parse("503 after=2@/subscriptions#3")])) { client in
            var statuses: [Int] = []
            for _ in 0..<7 { statuses.append(try await client.send(.GET, Self.subscriptions).status) }
            #expect(statuses == [200, 200, 503, 503, 503, 200, 200])
        }
    }

    @Test("the same seed gives the same faults; another seed another pattern")
    func seeded() async throws {
        func pattern(seed: UInt64) async throws -> [Int] {
            try await withEmulator(EmulatorConfiguration(faults: [try Fault.parse("503 30%")], faultSeed: seed)) { client in
                var statuses: [Int] = []
                for _ in 0..<40 { statuses.append(try await client.send(.GET, Self.subscriptions).status) }
                return statuses
            }
        }
        let first = try await pattern(seed: 42)
        #expect(first.contains(503) && first.contains(200), "\(first)")
        #expect(try await pattern(seed: 42) == first)
        #expect(try await pattern(seed: 7) != first)
    }

    @Test("latency=MS delays matching requests by at least that long")
    func latency() async throws {
        try await withEmulator(EmulatorConfiguration(faults: [try Fault.parse("latency=300@/subscriptions#1")])) { client in
            let start = ContinuousClock.now
            let response = try await client.send(.GET, Self.subscriptions)
            #expect(ContinuousClock.now - start >= .milliseconds(300))
            #expect(response.status == 200)
            #expect(await client.emulator.store.requestLog().map(\.faults) == [["latency=300@/subscriptions#1"]])
        }
    }

    @Test("drop closes the connection: the client gets an error, not a response, and nothing changes")
    func drop() async throws {
        try await withEmulator(EmulatorConfiguration(faults: [try Fault.parse("drop method=DELETE#1")])) { client in
            let session = Self.finance + "/sessionHosts/avd-fin-0.contoso.com/userSessions/1?" + TestClient.dv
            await #expect(throws: (any Error).self) { try await client.send(.DELETE, session) }
            let after = try await client.send(.GET, session)
            #expect(after.status == 200, "the dropped delete did not happen")
            let log = await client.emulator.store.requestLog()
            #expect(log.first?.status == 0)
            #expect(log.first?.faults == ["drop method=DELETE#1"])
            #expect(try await client.send(.DELETE, session).status == 200, "the rule is spent")
        }
    }

    @Test("truncate promises the whole body in Content-Length but sends half and closes")
    func truncate() async throws {
        try await withEmulator(EmulatorConfiguration(faults: [try Fault.parse("truncate@/hostpools/hp-finance#1")])) { client in
            let whole = try await client.stream(.GET, Self.finance + "?" + TestClient.dv)
            let promised = try #require(whole.contentLength)
            #expect(whole.status == 200)
            #expect(whole.received < promised, "received \(whole.received) of \(promised)")
            #expect(whole.error != nil, "the client notices the connection closed mid-body")
            let again = try await client.stream(.GET, Self.finance + "?" + TestClient.dv)
            #expect(again.error == nil)
            #expect(again.received == promised)
        }
    }

    @Test("invalid-json answers 200 with a body that is not JSON")
    func invalidJSON() async throws {
        try await withEmulator(EmulatorConfiguration(faults: [try Fault.parse("invalid-json#1")])) { client in
            let response = try await client.send(.GET, Self.subscriptions)
            #expect(response.status == 200)
            #expect(response.header("content-type") == "application/json; charset=utf-8")
            #expect((try? JSONSerialization.jsonObject(with: response.body)) == nil, "\(response.text)")
            #expect(try await client.send(.GET, Self.subscriptions).items().count == 2)
        }
    }

    @Test(
        "stall handles the request at once but holds the answer; stopping the emulator ends the stall and sends it",
        .timeLimit(.minutes(1)))
    func stall() async throws {
        // Ten minutes: the answer cannot arrive before the stall ends, except through stop().
        let emulator = try await AzureEmulator.start(EmulatorConfiguration(faults: [try Fault.parse("stall=600000 method=DELETE#1")]))
        let client = TestClient(emulator: emulator)
        let session = Self.finance + "/sessionHosts/avd-fin-0.contoso.com/userSessions/1?" + TestClient.dv
        let answered = Flag()
        let stalled = Task {
            let response = try await client.send(.DELETE, session, timeout: .seconds(120))
            await answered.set()
            return response
        }
        var deleted = false
        for _ in 0..<1_000 where !deleted {
            let sessions = await emulator.store.userSessions(
                subscriptionId: TestClient.production, resourceGroup: "rg-avd-prod-weu", hostPool: "hp-finance")
            deleted = !sessions.contains { $0.sessionHost == "avd-fin-0.contoso.com" && $0.id == "1" }
            if !deleted { try await Task.sleep(for: .milliseconds(10)) }
        }
        #expect(deleted, "the delete takes effect before the answer")
        #expect(await answered.value == false, "the answer is held back")
        #expect(await emulator.store.requestLog().isEmpty, "the request is logged when it is answered")
        await emulator.stop()
        let response = try await stalled.value
        #expect(response.status == 200)
        #expect(await emulator.store.requestLog().map(\.faults) == [["stall=600000 method=DELETE#1"]])
    }

    @Test("nextlink-loop: the last page links back to the first")
    func nextLinkLoop() async throws {
        try await withEmulator(EmulatorConfiguration(faults: [try Fault.parse("nextlink-loop@/hostpools/hp-finance/usersessions#1")])) { client in
            var links: [String] = [Self.financeSessions]
            var ids: [String] = []
            while let link = links.last, links.count <= 10 {
                let page = try await client.send(.GET, link)
                ids += try page.items().compactMap(\.id)
                guard let next = page.nextLink else { break }
                links.append(next)
            }
            #expect(links.count == 6, "three pages, back to the first, three pages again, then the end: \(links)")
            #expect(links[3].hasSuffix("initialSkip=0"))
            #expect(ids.count == 24)
            #expect(Array(ids[0..<12]) == Array(ids[12..<24]))
            let log = await client.emulator.store.requestLog()
            #expect(log.map(\.faults.isEmpty) == [true, true, false, true, true, true])
        }
    }

    @Test("nextlink-host points nextLink at another origin; the last page still has none")
    func nextLinkHost() async throws {
        try await withEmulator(EmulatorConfiguration(faults: [try Fault.parse("nextlink-host=http://127.0.0.2:9")])) { client in
            let first = try await client.send(.GET, Self.financeSessions)
            let link = try #require(first.nextLink)
            #expect(link.hasPrefix("http://127.0.0.2:9" + Self.finance + "/userSessions?"))
            #expect(link.hasSuffix("initialSkip=5"))
            let last = try await client.send(.GET, Self.financeSessions + "&initialSkip=10")
            #expect(last.nextLink == nil)
            #expect(await client.emulator.store.requestLog().map(\.faults) == [["nextlink-host=http://127.0.0.2:9"], []])
        }
    }

    @Test("the request log names the fault that hit each request")
    func logged() async throws {
        let faults = try Fault.parseRules("503@/subscriptions#1; nextlink-host=http://127.0.0.2:9")
        try await withEmulator(EmulatorConfiguration(faults: faults)) { client in
            _ = try await client.send(.GET, Self.subscriptions)
            _ = try await client.send(.GET, Self.financeSessions)
            let inspection = try await client.send(.GET, "/_emulator/requests", token: .some(nil)).items()
            #expect(inspection.map { $0["faults"] as? [String] } == [["503@/subscriptions#1"], ["nextlink-host=http://127.0.0.2:9"]])
            #expect(inspection.map { $0["status"] as? Int } == [503, 200])
        }
    }
}

/// A one-way switch that a task flips when it finishes.
private actor Flag {
    private(set) var value = false

    func set() {
        value = true
    }
}
