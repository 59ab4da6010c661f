/// An emulator that is accepting connections.
public struct RunningEmulator: Sendable {
    /// `http://127.0.0.1:PORT`, without a trailing slash.
    public let baseURL: String
    /// The bound port.
    public let port: Int
    /// The fixed bearer token requests may carry (issued tokens are accepted too).
    public let token: String
    /// The secret the App Service managed identity endpoint wants in `X-IDENTITY-HEADER`
    /// (`IDENTITY_HEADER`); nil when no managed identity is configured.
    public let identityHeader: String?
    /// The live state, for inspection.
    public let store: EmulatorStore
    private let shutdown: @Sendable () async -> Void

    init(
        _ configuration: EmulatorConfiguration, port: Int, store: EmulatorStore, shutdown: @escaping @Sendable () async -> Void
    ) {
        self.baseURL = Self.baseURL(host: configuration.host, port: port)
        self.port = port
        self.token = configuration.token
        self.identityHeader = configuration.identities.managedIdentity?.identityHeader
        self.store = store
        self.shutdown = shutdown
    }

    /// The Microsoft Entra ID token endpoint of `tenant`: `<baseURL>/<tenant>/oauth2/v2.0/token`.
    /// (`AZURE_AUTHORITY_HOST` is ``baseURL`` itself.)
    public func tokenEndpoint(tenant: String) -> String {
        baseURL + IdentityPath.token(tenant: tenant)
    }

    /// The App Service managed identity endpoint, `IDENTITY_ENDPOINT`: `<baseURL>/msi/token`.
    public var managedIdentityEndpoint: String {
        baseURL + IdentityPath.appService
    }

    /// Stops accepting connections, lets requests in flight finish, and returns when the
    /// server has stopped. Calling it again does nothing.
    public func stop() async {
        await shutdown()
    }

    static func baseURL(host: String, port: Int) -> String {
        let hostPart = host.contains(":") ? "[\(host)]" : host
        return "http://\(hostPart):\(port)"
    }
}
