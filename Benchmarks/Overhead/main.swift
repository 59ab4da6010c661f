// cloudql-overhead-bench: what cloudql adds to one Azure GET, measured in-process.
//
// Starts the emulator (demo estate, no added latency) in this process, then times warm
// `SELECT * FROM azure.desktop_virtualization.user_sessions WHERE <all five ids>` queries (the
// `get` method: one GET per query) through a `Session`, against the very same GET sent directly
// with AsyncHTTPClient (same URL, same bearer token, body collected). The two kinds run in
// alternating blocks so that drift of the machine affects both alike; the overhead reported is
// the median over block pairs of the difference of their means. `SELECT 1` through the same
// session is timed too: SQL work with no request at all.
//
// Prints human-readable lines to standard error and one JSON object as the last line of
// standard output. Run by Benchmarks/bench.py; see Benchmarks/README.md.
//
//     .build/release/cloudql-overhead-bench [--queries N] [--block N] [--warmup N]

import AsyncHTTPClient
import AzureEmulator
import CloudQL
import Foundation
import NIOCore
import NIOHTTP1

/// Command-line settings.
struct Settings {
    var queries = 2_000
    var block = 100
    var warmup = 200

    init(arguments: [String]) throws {
        var rest = arguments.dropFirst()
        while let flag = rest.popFirst() {
            guard let text = rest.popFirst(), let value = Int(text), value > 0 else {
                throw BenchError("\(flag) needs a positive integer")
            }
            switch flag {
            case "--queries": queries = value
            case "--block": block = value
            case "--warmup": warmup = value
            default: throw BenchError("unknown option \(flag); use --queries N, --block N, --warmup N")
            }
        }
    }
}

struct BenchError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}

/// Per-operation times in milliseconds, summarised.
struct Summary {
    let samples: [Double]

    var mean: Double { samples.reduce(0, +) / Double(samples.count) }
    func percentile(_ fraction: Double) -> Double {
        let sorted = samples.sorted()
        return sorted[min(sorted.count - 1, Int((Double(sorted.count - 1) * fraction).rounded()))]
    }
    var median: Double { percentile(0.5) }

    var json: [String: Double] {
        ["mean": mean.rounded(to: 4), "p50": median.rounded(to: 4), "p90": percentile(0.9).rounded(to: 4),
         "p99": percentile(0.99).rounded(to: 4)]
    }
}

extension Double {
    func rounded(to places: Int) -> Double {
        let scale = pow(10, Double(places))
        return (self * scale).rounded() / scale
    }
}

extension Duration {
    var milliseconds: Double {
        Double(components.seconds) * 1_000 + Double(components.attoseconds) / 1e15
    }
}

/// The statement timed: a `get` of one user session of the demo estate.
enum Query {
    static let get = """
        SELECT * FROM azure.desktop_virtualization.user_sessions
        WHERE subscriptionId = '00000000-0000-0000-0000-000000000000' AND resourceGroupName = 'rg-avd-prod-weu'
          AND hostPoolName = 'hp-finance' AND sessionHostName = 'avd-fin-0.contoso.com' AND userSessionId = '1'
        """
}

/// One warm query through the session; checks that it produced the one row.
func timeQuery(_ session: Session, _ sql: String, expectingRows: Int) async throws -> Double {
    let clock = ContinuousClock()
    let started = clock.now
    let results = try await session.execute(sql)
    let elapsed = clock.now - started
    guard case .rows(let set) = results.last?.output, set.rows.count == expectingRows else {
        throw BenchError("\(sql) did not return \(expectingRows) row(s)")
    }
    return elapsed.milliseconds
}

/// One GET straight through AsyncHTTPClient, body collected, as cloudql's ARM client does.
func timeDirectGet(_ client: HTTPClient, url: String, token: String) async throws -> Double {
    let clock = ContinuousClock()
    let started = clock.now
    var request = HTTPClientRequest(url: url)
    request.method = .GET
    request.headers.add(name: "Authorization", value: "Bearer " + token)
    request.headers.add(name: "Accept", value: "application/json")
    let response = try await client.execute(request, timeout: .seconds(30))
    let body = try await response.body.collect(upTo: 16 * 1024 * 1024)
    let elapsed = clock.now - started
    guard response.status == .ok, body.readableBytes > 0 else {
        throw BenchError("direct GET \(url) answered \(response.status)")
    }
    return elapsed.milliseconds
}

/// CPU time of the whole process (every thread, the in-process emulator's too), in milliseconds.
func processCPUMilliseconds() -> Double {
    var time = timespec()
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &time)
    return Double(time.tv_sec) * 1_000 + Double(time.tv_nsec) / 1e6
}

func log(_ line: String) {
    FileHandle.standardError.write(Data((line + "\n").utf8))
}

func run(_ settings: Settings, emulator: RunningEmulator, session: Session, client: HTTPClient) async throws -> [String: Any] {
    // The exact URL cloudql sends for the get, read back from the emulator's request log.
    await emulator.store.resetRequestLog()
    _ = try await timeQuery(session, Query.get, expectingRows: 1)
    let logged = await emulator.store.requestLog()
    guard logged.count == 1, let request = logged.first else {
        throw BenchError("expected one request for the get, the emulator saw \(logged.count)")
    }
    let url = emulator.baseURL + request.path + (request.query.isEmpty ? "" : "?" + request.query)
    log("get URL: \(url)")

    for _ in 0..<settings.warmup {
        _ = try await timeQuery(session, Query.get, expectingRows: 1)
        _ = try await timeDirectGet(client, url: url, token: emulator.token)
        _ = try await timeQuery(session, "SELECT 1", expectingRows: 1)
    }

    var viaCloudQL: [Double] = []
    var direct: [Double] = []
    var sqlOnly: [Double] = []
    // CPU per kind: the difference says how much of the overhead is work rather than waiting
    // (thread hand-offs).
    var cloudCPU = 0.0
    var directCPU = 0.0
    // Per block pair: cloudql's mean minus the direct mean. Their median is the figure reported:
    // a burst of other work on the machine spoils a pair or two, not the result.
    var blockDifferences: [Double] = []
    var blockIndex = 0
    while viaCloudQL.count < settings.queries {
        let size = min(settings.block, settings.queries - viaCloudQL.count)
        // Alternate which kind goes first, so neither always follows the other.
        let cloudFirst = blockIndex % 2 == 0
        for pass in 0..<2 {
            let cpuBefore = processCPUMilliseconds()
            if (pass == 0) == cloudFirst {
                for _ in 0..<size { viaCloudQL.append(try await timeQuery(session, Query.get, expectingRows: 1)) }
                cloudCPU += processCPUMilliseconds() - cpuBefore
            } else {
                for _ in 0..<size { direct.append(try await timeDirectGet(client, url: url, token: emulator.token)) }
                directCPU += processCPUMilliseconds() - cpuBefore
            }
        }
        for _ in 0..<size { sqlOnly.append(try await timeQuery(session, "SELECT 1", expectingRows: 1)) }
        blockDifferences.append(Summary(samples: Array(viaCloudQL.suffix(size))).mean - Summary(samples: Array(direct.suffix(size))).mean)
        blockIndex += 1
    }

    let cloud = Summary(samples: viaCloudQL)
    let plain = Summary(samples: direct)
    let sql = Summary(samples: sqlOnly)
    log(String(format: "cloudql get: mean %.4f ms, p50 %.4f ms", cloud.mean, cloud.median))
    log(String(format: "direct GET:  mean %.4f ms, p50 %.4f ms", plain.mean, plain.median))
    log(String(format: "overhead:    %.4f ms (median over %d block pairs), %.4f ms (difference of means)",
                Summary(samples: blockDifferences).median, blockDifferences.count, cloud.mean - plain.mean))
    log(String(format: "SELECT 1:    mean %.4f ms, p50 %.4f ms", sql.mean, sql.median))
    let cloudCPUPerQuery = cloudCPU / Double(viaCloudQL.count)
    let directCPUPerGet = directCPU / Double(direct.count)
    log(String(format: "process CPU: %.4f ms per cloudql get, %.4f ms per direct GET", cloudCPUPerQuery, directCPUPerGet))
    return [
        "queries": viaCloudQL.count,
        "block": settings.block,
        "cloudql_ms_per_query": cloud.mean.rounded(to: 4),
        "direct_ms_per_get": plain.mean.rounded(to: 4),
        "overhead_ms": Summary(samples: blockDifferences).median.rounded(to: 4),
        "overhead_ms_of_means": (cloud.mean - plain.mean).rounded(to: 4),
        "overhead_ms_of_p50": (cloud.median - plain.median).rounded(to: 4),
        "overhead_ms_blocks": blockDifferences.map { $0.rounded(to: 4) },
        "cloudql": cloud.json,
        "direct": plain.json,
        "select_1": sql.json,
        "process_cpu_ms_per_query": cloudCPUPerQuery.rounded(to: 4),
        "process_cpu_ms_per_direct_get": directCPUPerGet.rounded(to: 4),
    ]
}

func runBenchmark() async -> Int32 {
    let settings: Settings
    do {
        settings = try Settings(arguments: CommandLine.arguments)
    } catch {
        log("cloudql-overhead-bench: \(error)")
        return 2
    }
    let emulator: RunningEmulator
    do {
        emulator = try await AzureEmulator.start(EmulatorConfiguration(scenario: .demo))
    } catch {
        log("cloudql-overhead-bench: cannot start the emulator: \(error)")
        return 1
    }
    let client = HTTPClient(eventLoopGroupProvider: .singleton)
    var status: Int32 = 0
    do {
        let session = try Session(configuration: SessionConfiguration(
            endpoints: ["azure": try ARMEndpoint(emulator.baseURL)],
            auth: AuthConfiguration(methods: ["azure": .token(emulator.token)])
        ))
        do {
            let result = try await run(settings, emulator: emulator, session: session, client: client)
            let data = try JSONSerialization.data(withJSONObject: result, options: [.sortedKeys])
            print(String(decoding: data, as: UTF8.self))
        } catch {
            log("cloudql-overhead-bench: \(error)")
            status = 1
        }
        try await session.shutdown()
    } catch {
        log("cloudql-overhead-bench: \(error)")
        status = 1
    }
    do {
        try await client.shutdown()
    } catch {
        log("cloudql-overhead-bench: cannot shut down the HTTP client: \(error)")
        status = 1
    }
    await emulator.stop()
    return status
}

exit(await runBenchmark())
