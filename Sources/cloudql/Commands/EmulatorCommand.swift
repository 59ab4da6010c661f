import ArgumentParser
import AzureEmulator
import Foundation

/// `cloudql emulator`: a local Azure Resource Manager for Azure Virtual Desktop.
struct EmulatorCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "emulator",
        abstract: "Run a local Azure Resource Manager for Microsoft.DesktopVirtualization.",
        subcommands: [Serve.self])
}

extension EmulatorCommand {
    /// `cloudql emulator serve`: serve until SIGINT or SIGTERM.
    struct Serve: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Serve the emulator until interrupted.",
            discussion: """
                Prints 'listening on http://HOST:PORT' and then 'token: TOKEN' as its first two lines, \
                then serves until SIGINT or SIGTERM. See docs/emulator.md.
                """)

        @Option(help: "The address to listen on.")
        var host = "127.0.0.1"

        @Option(help: "The port to listen on; 0 picks a free port.")
        var port = 0

        @Option(help: "The estate: 'demo' or the path of a scenario JSON file.")
        var scenario: String?

        @Option(help: ArgumentHelp("Generate a large estate instead.", valueName: "pools=N,hosts=M,sessions=K"))
        var generate: String?

        @Option(name: .customLong("latency-ms"), help: "Milliseconds to wait before answering each ARM request.")
        var latencyMilliseconds = 0

        @Option(help: "The bearer token to accept (default: a random one, printed at start).")
        var token: String?

        @Option(name: .customLong("page-size"), help: "Items per page when a request sends no pageSize (1-1000).")
        var pageSize = 50

        @Option(
            name: .customLong("fault"),
            help: ArgumentHelp("Inject a failure; repeatable.", valueName: "STATUS[:CODE][@PATH-SUBSTRING][#TIMES]"))
        var faults: [String] = []

        func validate() throws {
            guard (0...65_535).contains(port) else { throw ValidationError("--port must be between 0 and 65535.") }
            guard (0...600_000).contains(latencyMilliseconds) else {
                throw ValidationError("--latency-ms must be between 0 and 600000.")
            }
            guard (1...1_000).contains(pageSize) else { throw ValidationError("--page-size must be between 1 and 1000.") }
            if let token, token.isEmpty || token.contains(where: \.isWhitespace) {
                throw ValidationError("--token must be non-empty and contain no spaces.")
            }
            if scenario != nil, generate != nil {
                throw ValidationError("Use either --scenario or --generate, not both.")
            }
            _ = try parseFaults()
        }

        func run() async throws {
            let configuration = EmulatorConfiguration(
                scenario: try loadScenario(), host: host, port: port, latency: .milliseconds(latencyMilliseconds),
                token: token, defaultPageSize: pageSize, faults: try parseFaults())
            try await AzureEmulator.serve(configuration) { emulator in
                // FileHandle writes straight through, so a parent process sees both lines at once.
                FileHandle.standardOutput.write(Data("listening on \(emulator.baseURL)\ntoken: \(emulator.token)\n".utf8))
            }
        }

        private func loadScenario() throws -> Scenario {
            do {
                if let generate { return try Scenario.generated(spec: generate) }
                guard let scenario, scenario != "demo" else { return .demo }
                return try Scenario.load(contentsOf: URL(fileURLWithPath: scenario))
            } catch let error as ScenarioError {
                throw ValidationError(error.description)
            }
        }

        private func parseFaults() throws -> [Fault] {
            do {
                return try faults.map(Fault.parse)
            } catch let error as FaultSpecError {
                throw ValidationError(error.description)
            }
        }
    }
}
