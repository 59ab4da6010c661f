/// What the virtual tables of one connection share: the catalog, where each provider's
/// requests go, and the error of the statement being run (SQLite only passes a string back).
///
/// Used only on the engine's thread.
final class EngineContext {
    let registry: ProviderRegistry
    private let endpoints: [String: ARMEndpoint]
    private let fetchers: [String: ResourceFetcher]
    private(set) var recordedError: CloudQLError?
    private(set) var unplannableTable: ResourceTable?

    init(registry: ProviderRegistry, endpoints: [String: ARMEndpoint], fetchers: [String: ResourceFetcher]) {
        self.registry = registry
        self.endpoints = endpoints
        self.fetchers = fetchers
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

    /// Forgets the previous statement's errors.
    func resetStatement() {
        recordedError = nil
        unplannableTable = nil
    }
}
