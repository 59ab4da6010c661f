import Logging
/// What the virtual tables of one connection share: the catalog, where each provider's
/// requests go, and the error of the statement being run (SQLite only passes a string back).
///
/// Used only on the engine's thread.
final class EngineContext {
    let registry: ProviderRegistry
    private let endpoints: [String: ARMEndpoint]
    private let fetchers: [String: ResourceFetcher]
    let mutationPolicy: MutationPolicy
    let warnings = WarningLog()
    private(set) var recordedError: CloudQLError?
    private(set) var unplannableTable: ResourceTable?
    /// Whether the statement being run is a DELETE: its scans remember their rows so that
    /// `xUpdate` can find them, and a `get` whose fields nobody reads is not fetched at all.
    private(set) var isDeleting = false
    /// DELETE requests collected while SQLite runs the statement, sent once it has finished.
    var pendingMutations: [PendingMutation] = []
    /// `--verbose`: how statements are carried out.
    var diagnostics: Logger?
    /// Set while a read-only statement over several resources runs its discovery passes.
    var discovery: DiscoveryCache?

    init(registry: ProviderRegistry, endpoints: [String: ARMEndpoint], fetchers: [String: ResourceFetcher], mutationPolicy: MutationPolicy) {
        self.registry = registry
        self.endpoints = endpoints
        self.fetchers = fetchers
        self.mutationPolicy = mutationPolicy
    }

    func endpoint(for provider: String) throws -> ARMEndpoint {
        guard let endpoint = endpoints[provider] else {
            throw CloudQLError(.usage, "No endpoint is configured for provider \(provider).")
        }
        return endpoint
    }

    func fetcher(for provider: String) throws -> ResourceFetcher {
        guard let fetcher = fetchers[provider] else {
            throw CloudQLError(.usage, "cloudql cannot send requests for provider \(provider): only Azure Resource Manager providers are supported.")
        }
        return fetcher
    }

    func record(_ error: CloudQLError) {
        if recordedError == nil { recordedError = error }
    }

    func recordUnplannable(_ table: ResourceTable) {
        unplannableTable = table
    }

    /// Fetches what the last discovery pass recorded, concurrently, into the cache. A failure is
    /// kept as the call's answer (raised only if a later pass needs the call), or, with partial
    /// results allowed, turned into an empty answer and a warning.
    @available(*, noasync)
    func prefetch(_ recorded: [DiscoveryCache.Recorded], into cache: DiscoveryCache) throws {
        diagnostics?.debug("discovery pass \(cache.passes): fetching \(recorded.count) call\(recorded.count == 1 ? "" : "s") concurrently")
        let byProvider = Dictionary(grouping: recorded, by: \.provider)
        for (provider, entries) in byProvider {
            let fetcher = try fetcher(for: provider)
            let warnings = self.warnings
            let calls = entries.map(\.call)
            let decoders = entries.map(\.decoder)
            let results = try Blocking.run { await fetcher.fetchAll(calls, decoders: decoders, warnings: warnings) }
            for (entry, result) in zip(entries, results) {
                if case .failure(let error) = result, fetcher.options.allowPartial {
                    warnings.add("skipped: \(error.message)" + (error.http?.requestID.map { " (x-ms-request-id: \($0))" } ?? ""))
                    cache.store(.success([]), for: entry.call.url)
                } else {
                    cache.store(result, for: entry.call.url)
                }
            }
        }
    }

    func mutationRunner(for provider: String) throws -> MutationRunner {
        let fetcher = try fetcher(for: provider)
        return MutationRunner(client: fetcher.client, concurrencyLimit: fetcher.concurrencyLimit)
    }

    /// Forgets the previous statement's errors and rows.
    func resetStatement(isDeleting: Bool) {
        recordedError = nil
        unplannableTable = nil
        self.isDeleting = isDeleting
        pendingMutations = []
        discovery = nil
    }
}
