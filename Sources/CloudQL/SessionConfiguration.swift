import Foundation

/// Everything a `Session` needs to know: where each provider's requests go, how to sign them,
/// which provider documents to read, and how hard to push.
public struct SessionConfiguration: Sendable {
    /// Base URL per provider; `azure` defaults to `https://management.azure.com`.
    public var endpoints: [String: ARMEndpoint]
    public var auth: AuthConfiguration
    /// A registry folder (holding `src/`) to read instead of the embedded documents.
    public var registryDirectory: URL?
    /// Requests in flight at once per statement.
    public var concurrencyLimit: Int
    /// Log each request's method, URL, status and time to standard error.
    public var httpLogging: Bool
    /// Also log how cloudql signed in and how statements were carried out (never a token).
    public var verbose: Bool = false
    /// How long one request may take.
    public var requestTimeout: Duration
    /// Where tokens named by `--auth` are looked up.
    public var environment: [String: String]
    /// Dry run, confirmation threshold and confirmation for DELETE and EXEC.
    public var mutationPolicy: MutationPolicy
    /// When requests are repeated.
    public var retryPolicy: RetryPolicy
    /// Page limit and partial results.
    public var listing: ListingOptions

    /// The default request concurrency: StackQL's is 1, which is why a sweep over hundreds of
    /// host pools takes minutes there. A sweep is bound by latency, not by either side's CPU,
    /// and ARM's read limits are per-hour buckets, so 64 at once costs nothing; a 429 is
    /// retried after its `Retry-After`.
    public static let defaultConcurrencyLimit = 64

    public init(
        endpoints: [String: ARMEndpoint] = [:],
        auth: AuthConfiguration = AuthConfiguration(),
        registryDirectory: URL? = nil,
        concurrencyLimit: Int = SessionConfiguration.defaultConcurrencyLimit,
        httpLogging: Bool = false,
        requestTimeout: Duration = .seconds(60),
        environment: [String: String] = ProcessInfo.processInfo.environment,
        mutationPolicy: MutationPolicy = MutationPolicy(),
        retryPolicy: RetryPolicy = .default,
        listing: ListingOptions = ListingOptions()
    ) {
        self.mutationPolicy = mutationPolicy
        self.retryPolicy = retryPolicy
        self.listing = listing
        self.endpoints = endpoints
        self.auth = auth
        self.registryDirectory = registryDirectory
        self.concurrencyLimit = concurrencyLimit
        self.httpLogging = httpLogging
        self.requestTimeout = requestTimeout
        self.environment = environment
    }

    /// The endpoint for `provider`: the configured one, else `CLOUDQL_<PROVIDER>_ENDPOINT`, else
    /// Azure's public cloud.
    func endpoint(for provider: String) throws -> ARMEndpoint {
        if let endpoint = endpoints[provider] { return endpoint }
        if let text = environment["CLOUDQL_\(provider.uppercased())_ENDPOINT"], !text.isEmpty {
            return try ARMEndpoint(text)
        }
        return .azurePublicCloud
    }
}
