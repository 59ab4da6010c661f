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
    }
}
