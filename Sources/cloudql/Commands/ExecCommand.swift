import ArgumentParser
import AzureEmulator
import CloudQL
import Foundation

extension OutputFormat: ExpressibleByArgument {}

/// `cloudql exec`: runs statements and prints their results.
struct ExecCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "exec",
        abstract: "Run SQL, SHOW and DESCRIBE statements against Azure.",
        discussion: """
            Statements come from the argument, from -i FILE, or from standard input, separated by ';'.
            Examples:
              cloudql exec --demo "SHOW METHODS IN azure.desktop_virtualization.user_sessions"
              cloudql exec --auth '{"azure": {"type": "bearer", "credentialsenvvar": "AZ_ACCESS_TOKEN"}}' -i report.iql
            """
    )

    @Argument(help: "The statements to run.")
    var query: String?

    @Option(name: [.customShort("i"), .customLong("infile")], help: "Read statements from this file.")
    var inputFile: String?

    @Option(name: [.customShort("o"), .long], help: "Output format: table, json, ndjson, csv or text.")
    var output: OutputFormat = .table

    @Flag(name: [.customShort("H"), .customLong("hideheaders")], help: "Leave out the header line in csv and text output.")
    var hideHeaders = false

    @Option(name: [.customShort("d"), .long], help: "Field delimiter for csv output.")
    var delimiter = ","

    @Option(name: [.customShort("f"), .customLong("outfile")], help: "Write results to this file instead of standard output.")
    var outputFile: String?

    @Option(help: #"Authentication per provider as JSON, e.g. {"azure": {"type": "bearer", "credentialsenvvar": "AZ_ACCESS_TOKEN"}}."#)
    var auth: String?

    @Option(name: .customLong("endpoint"), help: "Send a provider's requests to another base URL: azure=URL (repeatable). Also CLOUDQL_AZURE_ENDPOINT.")
    var endpoints: [String] = []

    @Option(help: "Read provider documents from this registry folder (holding src/<provider>/<version>/provider.yaml).")
    var registry: String?

    @Flag(help: "Run against a built-in Azure emulator holding the demo estate; no Azure account needed.")
    var demo = false

    @Flag(name: .customLong("http.log.enabled"), help: "Log each request (method, URL, status, time) to standard error.")
    var httpLogEnabled = false

    @Flag(name: [.customShort("v"), .long], help: "Log how cloudql signs in and carries out each statement, and each request, to standard error (never a token).")
    var verbose = false

    @Option(name: .customLong("execution.concurrency.limit"), help: "Requests in flight at once per statement.")
    var concurrencyLimit: Int = SessionConfiguration.defaultConcurrencyLimit

    @Flag(name: .customLong("dry-run"), help: "Print the requests DELETE and EXEC would send, and send none; reads still run.")
    var dryRun = false

    @Flag(help: "Proceed with DELETE and EXEC that exceed --mutation-limit without asking.")
    var yes = false

    @Option(name: .customLong("mutation-limit"), help: "Statements that would change more rows than this ask first (or, when not at a terminal, need --yes).")
    var mutationLimit: Int = MutationPolicy.defaultThreshold

    @Option(name: .customLong("apirequesttimeout"), help: "Seconds one request may take.")
    var requestTimeout: Int = 60

    @Option(name: .customLong("http.response.pageLimit"), help: "Pages per listing at most; reaching it fails the statement unless --allow-partial.")
    var pageLimit: Int?

    @Flag(name: .customLong("allow-partial"), help: "Return the rows of the calls that succeeded, with a warning for each that failed, instead of failing.")
    var allowPartial = false

    @Option(name: .customLong("http.retry.attempts"), help: "Attempts per request, the first included, for GET, HEAD and DELETE (never POST).")
    var retryAttempts: Int = RetryPolicy.default.maxAttempts

    @Option(name: .customLong("http.retry.deadline"), help: "Seconds after a request's first attempt past which it is not retried.")
    var retryDeadline: Int = Int(RetryPolicy.default.totalDeadline.components.seconds)

    func validate() throws {
        if query != nil && inputFile != nil {
            throw ValidationError("Give the statements either as an argument or with -i, not both.")
        }
        if concurrencyLimit < 1 {
            throw ValidationError("--execution.concurrency.limit must be at least 1.")
        }
        if requestTimeout < 1 { throw ValidationError("--apirequesttimeout must be at least 1 second.") }
        if let pageLimit, pageLimit < 1 { throw ValidationError("--http.response.pageLimit must be at least 1.") }
        if retryAttempts < 1 { throw ValidationError("--http.retry.attempts must be at least 1.") }
        if retryDeadline < 0 { throw ValidationError("--http.retry.deadline cannot be negative.") }
        if mutationLimit < 0 {
            throw ValidationError("--mutation-limit cannot be negative.")
        }
        if delimiter.count != 1 {
            throw ValidationError("-d takes exactly one character, e.g. -d ';'.")
        }
    }

    func run() async throws {
        do {
            let script = try readScript()
            var configuration = try sessionConfiguration()
            var emulator: RunningEmulator?
            if demo {
                let running = try await AzureEmulator.start(EmulatorConfiguration(scenario: .demo))
                emulator = running
                configuration.endpoints["azure"] = try ARMEndpoint(running.baseURL)
                configuration.auth.methods["azure"] = .token(running.token)
            }
            let printer = try ResultPrinter(options: OutputOptions(format: output, hideHeaders: hideHeaders, delimiter: delimiter), path: outputFile)
            let session = try Session(configuration: configuration)
            var failure: (any Error)?
            do {
                try await session.execute(script, onRows: { printer.rows($0) }, onResult: { printer.finish($0) })
            } catch {
                failure = error
            }
            try await session.shutdown()
            await emulator?.stop()
            if let failure { throw failure }
        } catch let error as CloudQLError {
            FileHandle.standardError.write(Data((error.description + "\n").utf8))
            throw ExitCode.failure
        }
    }

    @Sendable private static func askAtTerminal(_ question: String) -> Bool {
        FileHandle.standardError.write(Data(question.utf8))
        guard let answer = readLine() else { return false }
        return ["y", "yes"].contains(answer.trimmingCharacters(in: .whitespaces).lowercased())
    }

    private func readScript() throws -> String {
        if let query { return query }
        if let inputFile {
            do {
                return try String(contentsOfFile: inputFile, encoding: .utf8)
            } catch {
                throw CloudQLError(.usage, "Cannot read the statements file \(inputFile): \(error.localizedDescription)")
            }
        }
        guard isatty(STDIN_FILENO) == 0 else {
            throw CloudQLError(.usage, "No statements given: pass SQL as an argument, with -i FILE, or on standard input.")
        }
        return String(decoding: FileHandle.standardInput.readDataToEndOfFile(), as: UTF8.self)
    }

    private func sessionConfiguration() throws -> SessionConfiguration {
        // Only a person at a terminal can be asked; statements read from standard input leave
        // nobody to answer.
        let canAsk = isatty(STDIN_FILENO) != 0 && (query != nil || inputFile != nil)
        let policy = MutationPolicy(dryRun: dryRun, confirmationThreshold: mutationLimit, assumeYes: yes, confirm: canAsk ? Self.askAtTerminal : nil)
        var retry = RetryPolicy.default
        retry.maxAttempts = retryAttempts
        retry.totalDeadline = .seconds(retryDeadline)
        var configuration = SessionConfiguration(
            concurrencyLimit: concurrencyLimit, httpLogging: httpLogEnabled, requestTimeout: .seconds(requestTimeout),
            mutationPolicy: policy, retryPolicy: retry, listing: ListingOptions(pageLimit: pageLimit, allowPartial: allowPartial)
        )
        configuration.verbose = verbose
        if let auth { configuration.auth = try AuthConfiguration.parse(auth) }
        for pair in endpoints {
            guard let equals = pair.firstIndex(of: "="), equals != pair.startIndex else {
                throw CloudQLError(.usage, "--endpoint '\(pair)' must be PROVIDER=URL, e.g. --endpoint azure=http://127.0.0.1:8443.")
            }
            configuration.endpoints[String(pair[..<equals])] = try ARMEndpoint(String(pair[pair.index(after: equals)...]))
        }
        if let registry { configuration.registryDirectory = URL(fileURLWithPath: registry) }
        return configuration
    }
}

/// Writes results to standard output or a file as they arrive, warnings to standard error.
// @unchecked Sendable is safe: the session calls it only from its one serial queue, one
// callback after another, so its writer is never used from two threads at once.
private final class ResultPrinter: @unchecked Sendable {
    private let handle: FileHandle
    private var writer: ResultStreamWriter!

    init(options: OutputOptions, path: String?) throws {
        if let path {
            guard FileManager.default.createFile(atPath: path, contents: nil), let handle = FileHandle(forWritingAtPath: path) else {
                throw CloudQLError(.usage, "Cannot write the output file \(path).")
            }
            self.handle = handle
        } else {
            handle = FileHandle.standardOutput
        }
        writer = ResultStreamWriter(options: options) { [handle] text in handle.write(Data(text.utf8)) }
    }

    func rows(_ batch: RowBatch) {
        writer.rows(batch)
    }

    func finish(_ result: StatementResult) {
        writer.finish(result)
        for warning in result.warnings {
            FileHandle.standardError.write(Data("warning: \(warning)\n".utf8))
        }
    }
}
