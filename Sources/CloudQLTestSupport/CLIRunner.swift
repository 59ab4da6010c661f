import Foundation

/// Runs the built `cloudql` binary as a user would and captures what it prints.
public struct CLIRunner: Sendable {
    public struct Outcome: Sendable {
        public var status: Int32
        public var standardOutput: String
        public var standardError: String
    }

    public var environment: [String: String]

    public init(environment: [String: String] = [:]) {
        self.environment = environment
    }

    /// Runs `cloudql` with `arguments`, feeding `input` on standard input (empty input when nil).
    public func run(_ arguments: [String], input: String? = nil) async throws -> Outcome {
        var environment = ProcessInfo.processInfo.environment
        environment.removeValue(forKey: "CLOUDQL_AZURE_ENDPOINT")
        for (key, value) in self.environment { environment[key] = value }
        let finalEnvironment = environment
        // Waiting for a process and reading its pipes block; doing that on Swift's cooperative
        // pool (two threads here) would starve everything else, including an in-process
        // emulator the process talks to. So it happens on threads of its own.
        return try await withCheckedThrowingContinuation { continuation in
            Thread.detachNewThread {
                do {
                    continuation.resume(returning: try Self.runBlocking(PackagePaths.cloudqlBinary, arguments, input: input, environment: finalEnvironment))
                } catch {
                    continuation.resume(throwing: error)
                }
            }
        }
    }

    /// Runs any program the same way, e.g. `openssl` to make a test certificate.
    public static func run(_ executable: URL, _ arguments: [String]) async throws -> Outcome {
        let environment = ProcessInfo.processInfo.environment
        return try await withCheckedThrowingContinuation { continuation in
            Thread.detachNewThread {
                do {
                    continuation.resume(returning: try runBlocking(executable, arguments, input: nil, environment: environment))
                } catch {
                    continuation.resume(throwing: error)
                }
            }
        }
    }

    private static func runBlocking(_ executable: URL, _ arguments: [String], input: String?, environment: [String: String]) throws -> Outcome {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        process.environment = environment
        let stdout = Pipe(), stderr = Pipe(), stdin = Pipe()
        process.standardOutput = stdout
        process.standardError = stderr
        process.standardInput = stdin
        try process.run()
        if let input { stdin.fileHandleForWriting.write(Data(input.utf8)) }
        try stdin.fileHandleForWriting.close()
        let errorCollector = PipeCollector(stderr)
        let outData = stdout.fileHandleForReading.readDataToEndOfFile()
        let errData = errorCollector.wait()
        process.waitUntilExit()
        return Outcome(
            status: process.terminationStatus,
            standardOutput: String(decoding: outData, as: UTF8.self),
            standardError: String(decoding: errData, as: UTF8.self)
        )
    }
}

/// Reads a pipe to its end on a thread of its own, so two pipes drain at once.
// @unchecked Sendable is safe: `data` is written once by the reader thread before the
// semaphore is signalled, and read only after waiting on it.
private final class PipeCollector: @unchecked Sendable {
    private var data = Data()
    private let done = DispatchSemaphore(value: 0)

    init(_ pipe: Pipe) {
        Thread.detachNewThread { [self] in
            data = pipe.fileHandleForReading.readDataToEndOfFile()
            done.signal()
        }
    }

    func wait() -> Data {
        done.wait()
        return data
    }
}
