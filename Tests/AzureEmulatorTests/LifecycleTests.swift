import AzureEmulator
import Foundation
import Testing

@Suite("Starting, stopping and latency")
struct LifecycleTests {
    @Test("many emulators run side by side, each with its own port and state")
    func sideBySide() async throws {
        let emulators = try await withThrowingTaskGroup(of: RunningEmulator.self) { group in
            for index in 0..<8 {
                group.addTask {
                    try await AzureEmulator.start(
                        EmulatorConfiguration(scenario: .generated(pools: 1, hostsPerPool: 1, sessionsPerHost: index + 1)))
                }
            }
            return try await group.reduce(into: []) { $0.append($1) }
        }
        #expect(Set(emulators.map(\.port)).count == 8)
        #expect(emulators.allSatisfy { $0.baseURL == "http://127.0.0.1:\($0.port)" })
        var counts: [Int] = []
        for emulator in emulators {
            let client = TestClient(emulator: emulator)
            let response = try await client.send(.GET, TestClient.rg("rg-gen-0") + "/hostPools/hp-0000/userSessions?" + TestClient.dv)
            counts.append(try response.items().count)
        }
        #expect(counts.sorted() == Array(1...8))
        for emulator in emulators { await emulator.stop() }
    }

    @Test("stop is graceful, idempotent, and closes the port")
    func stop() async throws {
        let emulator = try await AzureEmulator.start(EmulatorConfiguration())
        let client = TestClient(emulator: emulator)
        #expect(try await client.send(.GET, "/_emulator/health").status == 200)
        await emulator.stop()
        await emulator.stop()
        // AsyncHTTPClient retries refused connections until the deadline, hence the short one.
        await #expect(throws: (any Error).self, "nothing listens any more") {
            try await client.send(.GET, "/_emulator/health", timeout: .seconds(1))
        }
    }

    @Test("a request in flight when stop is called still gets its answer")
    func gracefulStop() async throws {
        // Generous margins: the request must have reached the server before stop, even when the
        // whole suite runs at once on two cores.
        let emulator = try await AzureEmulator.start(EmulatorConfiguration(latency: .seconds(3)))
        let client = TestClient(emulator: emulator)
        async let inFlight = client.send(.GET, "/subscriptions?" + TestClient.subscriptionsVersion)
        try await Task.sleep(for: .seconds(1))
        await emulator.stop()
        #expect(try await inFlight.status == 200)
    }

    @Test("bad configurations are refused before binding", arguments: [
        EmulatorConfiguration(defaultPageSize: 0), EmulatorConfiguration(defaultPageSize: 1_001), EmulatorConfiguration(port: 70_000),
        EmulatorConfiguration(token: ""), EmulatorConfiguration(faults: [Fault(status: 200)]),
        EmulatorConfiguration(scenario: Scenario(subscriptions: [.init(subscriptionId: "", displayName: "x")])),
    ])
    func badConfiguration(configuration: EmulatorConfiguration) async {
        await #expect(throws: (any Error).self) { try await AzureEmulator.start(configuration) }
    }

    @Test("a port in use is an error from start")
    func portInUse() async throws {
        try await withEmulator { client in
            await #expect(throws: (any Error).self) {
                try await AzureEmulator.start(EmulatorConfiguration(port: client.emulator.port))
            }
        }
    }

    @Test("latency delays every ARM request, errors included")
    func latency() async throws {
        try await withEmulator(EmulatorConfiguration(latency: .milliseconds(300))) { client in
            let clock = ContinuousClock()
            let start = clock.now
            try await withThrowingTaskGroup(of: Int.self) { group in
                for _ in 0..<6 {
                    group.addTask { try await client.send(.GET, "/subscriptions?" + TestClient.subscriptionsVersion).status }
                }
                for try await status in group { #expect(status == 200) }
            }
            let elapsed = clock.now - start
            // Only a lower bound: an upper one would be a timing assertion that a loaded
            // machine can break. The sweep benchmark shows that delayed requests overlap.
            #expect(elapsed >= .milliseconds(300))
            let unauthenticated = clock.now
            _ = try await client.send(.GET, "/subscriptions", token: .some(nil))
            #expect(clock.now - unauthenticated >= .milliseconds(300), "errors are delayed too")
        }
    }
}
