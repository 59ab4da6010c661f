/// An emulator that is accepting connections.
public struct RunningEmulator: Sendable {
    /// `http://127.0.0.1:PORT`, without a trailing slash.
    public let baseURL: String
    /// The bound port.
    public let port: Int
    /// The bearer token requests must carry.
    public let token: String
    /// The live state, for inspection.
    public let store: EmulatorStore
    private let shutdown: @Sendable () async -> Void

    init(host: String, port: Int, token: String, store: EmulatorStore, shutdown: @escaping @Sendable () async -> Void) {
        self.baseURL = Self.baseURL(host: host, port: port)
        self.port = port
        self.token = token
        self.store = store
        self.shutdown = shutdown
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
