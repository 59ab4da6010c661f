import AzureEmulator
import Foundation
import Testing

@Suite("Throughput")
struct ThroughputTests {
    /// The benchmark's shape: one host pool of 100,000 sessions walked with pageSize=1000.
    /// Prints rows per second; asserts only what must hold in a debug build on a small machine.
    @Test("a 100,000-session listing walks in 100 pages, every session once, in order")
    func hundredThousandSessions() async throws {
        let clock = ContinuousClock()
        var scenario = Scenario()
        let built = clock.measure { scenario = Scenario.generated(pools: 1, hostsPerPool: 100, sessionsPerHost: 1_000) }
        let startAt = clock.now
        let emulator = try await AzureEmulator.start(EmulatorConfiguration(scenario: scenario))
        let started = clock.now - startAt
        let client = TestClient(emulator: emulator)
        let path = TestClient.rg("rg-gen-0") + "/hostPools/hp-0000/userSessions?" + TestClient.dv + "&pageSize=1000"
        var bytes = 0
        var rows = 0
        var pages = 0
        var previousID = ""
        var timings: [Duration] = []
        for _ in 0..<2 {
            bytes = 0
            rows = 0
            pages = 0
            let walkStart = clock.now
            var next: String? = path
            while let link = next {
                let response = try await client.send(.GET, link)
                #expect(response.status == 200)
                bytes += response.body.count
                let items = try response.items()
                rows += items.count
                if pages == 0 { previousID = items.first?.id ?? "" }
                pages += 1
                next = response.nextLink
            }
            timings.append(clock.now - walkStart)
        }
        await emulator.stop()
        #expect(rows == 100_000)
        #expect(pages == 100)
        #expect(previousID.hasSuffix("/sessionhosts/sh-0000-00.gen.contoso.com/usersessions/1"))
        let best = timings.min()!
        let seconds = Double(best.components.seconds) + Double(best.components.attoseconds) / 1e18
        print(
            "THROUGHPUT build=\(built) start=\(started) walks=\(timings) rows=\(rows) bytes=\(bytes) "
                + "rows/s (best, incl. JSON parsing in the test)=\(Int(Double(rows) / seconds))")
        #expect(best < .seconds(60))
    }
}
