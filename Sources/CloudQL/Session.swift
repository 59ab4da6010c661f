import AsyncHTTPClient
import Dispatch
import Foundation
import Logging
import NIOCore

/// The public entry point: runs cloudql scripts — SQL, SHOW, DESCRIBE — against Azure.
///
/// A session owns one in-memory SQLite database (so tables created by one statement are there
/// for the next) and one HTTP client. Call `shutdown()` when done.
///
/// ```swift
/// let session = try Session(configuration: SessionConfiguration(auth: auth))
/// let results = try await session.execute("SHOW METHODS IN azure.desktop_virtualization.user_sessions")
/// try await session.shutdown()
/// ```
public final class Session: Sendable {
    public let registry: ProviderRegistry
    private let httpClient: HTTPClient
    /// SQLite and the virtual tables block while they wait for HTTP, so they run here, never on
    /// Swift's cooperative pool.
    private let queue = DispatchQueue(label: "cloudql.sqlite")
    private let engine: EngineBox

    /// - Throws: `CloudQLError` for an unreadable registry or endpoint.
    public init(configuration: SessionConfiguration) throws {
        registry = try configuration.registryDirectory.map { try ProviderRegistry(root: $0) } ?? ProviderRegistry.embedded()
        var httpConfiguration = HTTPClient.Configuration()
        httpConfiguration.redirectConfiguration = .disallow  // a redirect must never carry the token elsewhere
        httpConfiguration.timeout = .init(connect: .seconds(10))
        httpConfiguration.connectionPool = .init(
            idleTimeout: .seconds(60),
            concurrentHTTP1ConnectionsPerHostSoftLimit: max(8, configuration.concurrencyLimit)
        )
        // A refused connection is an answer: say so now rather than retrying until the deadline.
        httpConfiguration.connectionPool.retryConnectionEstablishment = false
        httpClient = HTTPClient(eventLoopGroupProvider: .singleton, configuration: httpConfiguration)

        var log: HTTPLog?
        if configuration.httpLogging || configuration.verbose {
            var logger = Logger(label: "cloudql.http") { StreamLogHandler.standardError(label: $0) }
            logger.logLevel = .info
            log = HTTPLog(logger: logger)
        }
        var diagnostics: Logger?
        if configuration.verbose {
            var logger = Logger(label: "cloudql") { StreamLogHandler.standardError(label: $0) }
            logger.logLevel = .debug
            diagnostics = logger
        }
        var endpoints: [String: ARMEndpoint] = [:]
        var fetchers: [String: ResourceFetcher] = [:]
        let timeout = TimeAmount.nanoseconds(Int64(configuration.requestTimeout.components.seconds) * 1_000_000_000
            + configuration.requestTimeout.components.attoseconds / 1_000_000_000)
        for provider in registry.allProviders.map(\.name) {
            let endpoint = try configuration.endpoint(for: provider)
            endpoints[provider] = endpoint
            let client = ARMClient(
                endpoint: endpoint, httpClient: httpClient,
                authorization: AuthorizationSource(
                    method: configuration.auth.method(for: provider), environment: configuration.environment,
                    tokenClient: EntraTokenClient(httpClient: httpClient, environment: configuration.environment),
                    diagnostics: diagnostics
                ),
                options: .init(requestTimeout: timeout, retry: configuration.retryPolicy), log: log
            )
            fetchers[provider] = ResourceFetcher(client: client, concurrencyLimit: configuration.concurrencyLimit, options: configuration.listing)
        }
        let context = EngineContext(registry: registry, endpoints: endpoints, fetchers: fetchers, mutationPolicy: configuration.mutationPolicy)
        context.diagnostics = diagnostics
        engine = EngineBox(try SQLiteEngine(context: context))
    }

    /// Runs every statement of `script` in order and stops at the first that fails.
    /// - Parameters:
    ///   - script: statements separated by `;`.
    ///   - onResult: called with each statement's result as soon as it is ready, so output can
    ///     be printed before a later statement fails.
    ///   - onRows: when given, the rows of each statement go to it in batches as they are
    ///     produced — so a listing of any size never sits in memory whole — and the result set
    ///     passed to `onResult` holds no rows (`rowsWereStreamed`).
    /// - Returns: the results of all statements.
    /// - Throws: `CloudQLError` of the first failing statement (earlier results were delivered).
    @discardableResult
    public func execute(
        _ script: String,
        onRows: (@Sendable (RowBatch) -> Void)? = nil,
        onResult: @escaping @Sendable (StatementResult) -> Void = { _ in }
    ) async throws -> [StatementResult] {
        let statements = try StatementSplitter.split(script)
        guard !statements.isEmpty else {
            throw CloudQLError(.usage, "No statement given: pass SQL such as \"SHOW PROVIDERS\".")
        }
        return try await withCheckedThrowingContinuation { continuation in
            queue.async { [engine, registry] in
                var results: [StatementResult] = []
                for (index, statement) in statements.enumerated() {
                    do {
                        let output = try Self.run(statement, engine: engine.engine, registry: registry, onRows: onRows)
                        let result = StatementResult(statement: statement, output: output, warnings: engine.engine.context.warnings.take())
                        results.append(result)
                        onResult(result)
                    } catch {
                        _ = engine.engine.context.warnings.take()
                        var failure = error as? CloudQLError ?? CloudQLError(.internal, String(describing: error))
                        if statements.count > 1 {
                            let notRun = statements.count - index - 1
                            failure.notes.append("(statement \(index + 1) of \(statements.count) failed\(notRun > 0 ? "; the \(notRun) after it did not run" : ""))")
                        }
                        continuation.resume(throwing: failure)
                        return
                    }
                }
                continuation.resume(returning: results)
            }
        }
    }

    /// Closes the HTTP client. The session cannot be used afterwards.
    public func shutdown() async throws {
        try await httpClient.shutdown()
    }

    @available(*, noasync)
    private static func run(_ statement: String, engine: SQLiteEngine, registry: ProviderRegistry, onRows: (@Sendable (RowBatch) -> Void)?) throws -> StatementResult.Output {
        // Lexed once here; the parsers and the engine share the tokens.
        let tokens = try SQLLexer.tokens(statement)
        if let metadata = try MetadataStatement.parse(statement, tokens: tokens) {
            return .rows(try metadata.run(registry: registry))
        }
        if let exec = try ExecStatement.parse(statement, tokens: tokens) {
            return try engine.exec(exec)
        }
        let firstWord = statement.split(whereSeparator: { $0.isWhitespace || $0 == "(" }).first?.uppercased() ?? ""
        switch firstWord {
        case "REGISTRY", "USE", "AUTH":
            throw CloudQLError(.usage, "\(firstWord) statements are not supported; use --registry and --auth on the command line.")
        default:
            return try engine.run(statement, tokens: tokens, rowSink: onRows)
        }
    }
}

/// Carries the SQLite engine to the session's queue.
// @unchecked Sendable is safe: the engine is only ever touched from the session's serial queue.
private final class EngineBox: @unchecked Sendable {
    let engine: SQLiteEngine
    init(_ engine: SQLiteEngine) { self.engine = engine }
}
