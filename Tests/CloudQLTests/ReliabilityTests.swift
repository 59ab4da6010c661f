import AzureEmulator
import CloudQL
import CloudQLTestSupport
import Foundation
import Testing

/// Every row or a clear failure: retries, deadlines, page limits, partial results.
@Suite struct ReliabilityTests {
    static let table = "azure.desktop_virtualization.user_sessions"
    static let pool = "subscriptionId = '\(TestEstate.subscription)' AND resourceGroupName = 'rg-east' AND hostPoolName = 'hp-ops'"
    static let everySession = """
        SELECT us.name FROM azure.desktop_virtualization.host_pools hp
        JOIN azure.desktop_virtualization.user_sessions us
          ON us.subscriptionId = hp.subscriptionId AND us.resourceGroupName = split_part(hp.id, '/', 5) AND us.hostPoolName = hp.name
        WHERE hp.subscriptionId = '\(TestEstate.subscription)'
        """

    func session(_ emulator: RunningEmulator, retry: RetryPolicy = .default, listing: ListingOptions = ListingOptions(), timeout: Duration = .seconds(60)) throws -> Session {
        try Session(configuration: SessionConfiguration(
            endpoints: ["azure": try ARMEndpoint(emulator.baseURL)],
            auth: AuthConfiguration(methods: ["azure": .token(emulator.token)]),
            requestTimeout: timeout, retryPolicy: retry, listing: listing
        ))
    }

    func outcome(_ sql: String, _ session: Session) async throws -> Result<StatementResult, CloudQLError> {
        defer { Task { try? await session.shutdown() } }
        do {
            return .success(try await session.execute(sql).last!)
        } catch let error as CloudQLError {
            return .failure(error)
        }
    }

    func rowCount(_ result: StatementResult) -> Int {
        if case .rows(let set) = result.output { return set.rows.count }
        return -1
    }

    @Test func retryAfterIsReadAsSecondsOrAnHTTPDate() {
        let policy = RetryPolicy.default
        #expect(policy.delay(afterAttempt: 1, retryAfter: "2") == .seconds(2))
        let now = Date(timeIntervalSince1970: 1_790_000_000)
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "GMT")
        formatter.dateFormat = "EEE, dd MMM yyyy HH:mm:ss 'GMT'"
        let inThreeSeconds = formatter.string(from: now.addingTimeInterval(3))
        #expect(policy.delay(afterAttempt: 1, retryAfter: inThreeSeconds, now: now) == .seconds(3))
        let backoff = policy.delay(afterAttempt: 3, retryAfter: nil)
        #expect(backoff >= .seconds(1) && backoff <= .seconds(2), "500 ms doubled twice, with jitter")
    }

    @Test func transientFailuresAreRetriedAndEveryRowArrivesOnce() async throws {
        let faults = [try Fault.parse("503@hostPools/hp-ops/userSessions#2"), try Fault.parse("429@hostPools/hp-dev/userSessions#1")]
        try await EmulatorHarness.withEmulator(try TestEstate.configuration(faults: faults)) { emulator in
            let result = try await outcome(Self.everySession, try session(emulator)).get()
            guard case .rows(let set) = result.output else { Issue.record("no rows"); return }
            #expect(set.rows.count == 8)
            #expect(Set(set.rows.map { $0[0].displayText }).count == 8, "no row twice")
        }
    }

    @Test func whenRetriesRunOutTheStatementFailsNamingTheCall() async throws {
        let faults = [try Fault.parse("503@hostPools/hp-ops/userSessions")]
        try await EmulatorHarness.withEmulator(try TestEstate.configuration(faults: faults)) { emulator in
            let retry = RetryPolicy(maxAttempts: 2, totalDeadline: .seconds(10), baseDelay: .milliseconds(10), maxDelay: .milliseconds(10))
            let result = try await outcome(Self.everySession, try session(emulator, retry: retry))
            guard case .failure(let error) = result else { Issue.record("a failed pool must fail the statement"); return }
            #expect(error.http?.status == 503)
            #expect(error.http?.url.contains("/hostPools/hp-ops/userSessions") == true)
            #expect(error.http?.requestID != nil)
        }
    }

    @Test func severalFailedCallsAreEachNamed() async throws {
        let faults = [try Fault.parse("500@hostPools/hp-ops/"), try Fault.parse("500@hostPools/hp-dev/")]
        try await EmulatorHarness.withEmulator(try TestEstate.configuration(faults: faults)) { emulator in
            let retry = RetryPolicy(maxAttempts: 1, totalDeadline: .zero, baseDelay: .zero, maxDelay: .zero)
            let result = try await outcome(Self.everySession, try session(emulator, retry: retry))
            guard case .failure(let error) = result else { Issue.record("must fail"); return }
            // The join asks pool by pool, so the first failure ends it; an IN list asks at once.
            #expect(error.http?.status == 500)
            let inList = try await outcome("""
                SELECT count(*) FROM \(Self.table) WHERE subscriptionId = '\(TestEstate.subscription)'
                  AND resourceGroupName = 'rg-east' AND hostPoolName IN ('hp-ops', 'pool with spaces')
                """, try session(emulator, retry: retry))
            guard case .failure(let single) = inList else { Issue.record("must fail"); return }
            #expect(single.message.contains("hp-ops") || single.http?.url.contains("hp-ops") == true)
        }
    }

    @Test func allowPartialReturnsTheHealthyRowsAndWarnsPerFailedCall() async throws {
        let faults = [try Fault.parse("500@hostPools/hp-ops/userSessions")]
        try await EmulatorHarness.withEmulator(try TestEstate.configuration(faults: faults)) { emulator in
            let retry = RetryPolicy(maxAttempts: 1, totalDeadline: .zero, baseDelay: .zero, maxDelay: .zero)
            let result = try await outcome(Self.everySession, try session(emulator, retry: retry, listing: ListingOptions(allowPartial: true))).get()
            #expect(rowCount(result) == 3, "pool with spaces (1) and hp-dev (2)")
            #expect(result.warnings.count == 1)
            #expect(result.warnings.first?.contains("HTTP 500") == true)
            #expect(result.warnings.first?.contains("x-ms-request-id") == true)
        }
    }

    @Test func thePageLimitIsAnErrorUnlessPartialResultsAreAllowed() async throws {
        try await EmulatorHarness.withEmulator(try TestEstate.configuration()) { emulator in
            let sql = "SELECT name FROM \(Self.table) WHERE \(Self.pool)"
            let strict = try await outcome(sql, try session(emulator, listing: ListingOptions(pageLimit: 2)))
            guard case .failure(let error) = strict else { Issue.record("a cut listing must fail"); return }
            #expect(error.message.contains("stopped after 2 pages (--http.response.pageLimit)"))
            let partial = try await outcome(sql, try session(emulator, listing: ListingOptions(pageLimit: 2, allowPartial: true))).get()
            #expect(rowCount(partial) == 4)
            #expect(partial.warnings.count == 1)
            let enough = try await outcome(sql, try session(emulator, listing: ListingOptions(pageLimit: 3))).get()
            #expect(rowCount(enough) == 5)
        }
    }

    @Test func aStallLongerThanTheRequestTimeoutIsAClearTimeoutError() async throws {
        var configuration = try TestEstate.configuration()
        configuration.latency = .seconds(5)
        try await EmulatorHarness.withEmulator(configuration) { emulator in
            let retry = RetryPolicy(maxAttempts: 2, totalDeadline: .seconds(10), baseDelay: .milliseconds(10), maxDelay: .milliseconds(10))
            let result = try await outcome("SELECT name FROM \(Self.table) WHERE \(Self.pool)", try session(emulator, retry: retry, timeout: .seconds(1)))
            guard case .failure(let error) = result else { Issue.record("must time out"); return }
            #expect(error.message.contains("timed out"))
            #expect(error.message.contains("within 1 s (--apirequesttimeout)"))
        }
    }
}

/// The fault matrix of the reliability issue: each case deterministic (a fixed fault seed),
/// each asserting rows and errors.
@Suite struct FaultMatrixTests {
    static let expected = [
        "hp-dev/dev-0.contoso.com/1", "hp-dev/dev-0.contoso.com/2",
        "hp-ops/ops-0.contoso.com/1", "hp-ops/ops-0.contoso.com/2", "hp-ops/ops-0.contoso.com/3",
        "hp-ops/ops-1.contoso.com/1", "hp-ops/ops-1.contoso.com/4",
        "pool with spaces/vm-7.contoso.com/9",
    ]
    static let fastRetries = RetryPolicy(maxAttempts: 8, totalDeadline: .seconds(60), baseDelay: .milliseconds(5), maxDelay: .milliseconds(20))

    func everySession(_ faults: [Fault], seed: UInt64 = 7, retry: RetryPolicy = fastRetries) async throws -> (Result<[String], CloudQLError>, [LoggedRequest]) {
        var configuration = try TestEstate.configuration(faults: faults)
        configuration.faultSeed = seed
        return try await EmulatorHarness.withEmulator(configuration) { emulator in
            let session = try Session(configuration: SessionConfiguration(
                endpoints: ["azure": try ARMEndpoint(emulator.baseURL)],
                auth: AuthConfiguration(methods: ["azure": .token(emulator.token)]),
                requestTimeout: .seconds(2), retryPolicy: retry
            ))
            defer { Task { try? await session.shutdown() } }
            let result: Result<[String], CloudQLError>
            do {
                let results = try await session.execute(ReliabilityTests.everySession)
                guard case .rows(let set) = results.last?.output else { throw CloudQLError(.internal, "no rows") }
                result = .success(set.rows.map { $0[0].displayText }.sorted())
            } catch let error as CloudQLError {
                result = .failure(error)
            }
            return (result, await emulator.store.requestLog())
        }
    }

    @Test func throttlingOnAThirdOfRequestsStillGivesEveryRowOnce() async throws {
        let (result, log) = try await everySession([Fault(status: 429, probability: 0.3)], retry: .default)
        #expect(try result.get() == Self.expected)
        #expect(log.contains { $0.status == 429 }, "the seed must actually throttle some requests")
    }

    @Test(arguments: [
        Fault(status: 503, times: 3),
        Fault(.dropConnection, probability: 0.3),
        Fault(.truncatedBody, probability: 0.3),
        Fault(.invalidJSON, probability: 0.3),
    ])
    func transientFaultsGiveTheSameRows(fault: Fault) async throws {
        let (result, log) = try await everySession([fault])
        #expect(try result.get() == Self.expected, "\(fault)")
        #expect(log.contains { !$0.faults.isEmpty }, "the fault must actually hit: \(fault)")
    }

    @Test(arguments: [Fault(status: 503), Fault(.dropConnection), Fault(.truncatedBody)])
    func whenRetriesRunOutTheStatementFailsNeverFewerRows(fault: Fault) async throws {
        var scoped = fault
        scoped.pathContains = "hostPools/hp-dev/userSessions"
        let (result, _) = try await everySession([scoped], retry: RetryPolicy(maxAttempts: 2, totalDeadline: .seconds(5), baseDelay: .milliseconds(5), maxDelay: .milliseconds(5)))
        guard case .failure(let error) = result else {
            Issue.record("\(fault) on every hp-dev request must fail the statement")
            return
        }
        #expect(error.http?.url.contains("hostPools/hp-dev/userSessions") == true || error.message.contains("hp-dev"), "\(error)")
    }

    @Test func aStallLongerThanTheTimeoutEndsInBoundedTime() async throws {
        let clock = ContinuousClock()
        let started = clock.now
        let (result, _) = try await everySession([Fault(.stall(.seconds(30)), pathContains: "hostPools/hp-ops/userSessions")],
                                                 retry: RetryPolicy(maxAttempts: 2, totalDeadline: .seconds(5), baseDelay: .milliseconds(5), maxDelay: .milliseconds(5)))
        guard case .failure(let error) = result else { Issue.record("a stall must fail"); return }
        #expect(error.message.contains("timed out"))
        #expect(clock.now - started < .seconds(30), "the stall is not waited out")
    }

    @Test func aRepeatingNextLinkIsAnError() async throws {
        let (result, log) = try await everySession([Fault(.nextLinkLoop, pathContains: "hostPools/hp-ops/userSessions")])
        guard case .failure(let error) = result else { Issue.record("a looping nextLink must fail"); return }
        #expect(error.message.contains("nextLink it had already sent"))
        #expect(log.filter { $0.path.contains("hp-ops/userSessions") }.count < 10, "bounded: no endless loop")
    }
}
