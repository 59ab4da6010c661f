import Hummingbird
import Logging
import NIOCore

/// The emulator's router: the identity endpoints, the inspection routes under `/_emulator`,
/// and ARM on every other path.
/// - Parameters:
///   - store: the live state.
///   - configuration: token, identities, page size, latency, faults and host.
func buildRouter(store: EmulatorStore, configuration: EmulatorConfiguration) -> Router<EmulatorRequestContext> {
    let router = Router(context: EmulatorRequestContext.self)
    let controller = ARMController(
        store: store, authenticator: BearerAuthenticator(token: configuration.token, store: store),
        defaultPageSize: configuration.defaultPageSize, faultPhases: Set(configuration.faults.map(\.kind.phase)))
    router.addMiddleware {
        ARMHeadersMiddleware()
        ARMMiddleware(controller: controller, store: store, latency: configuration.latency, host: configuration.host)
    }
    let directory = IdentityDirectory(configuration.identities, defaultTenant: configuration.scenario.tenantId)
    TokenEndpointController(
        directory: directory, store: store, tokenLifetime: configuration.tokenLifetime, host: configuration.host
    ).addRoutes(to: router)
    ManagedIdentityController(directory: directory, store: store, tokenLifetime: configuration.tokenLifetime).addRoutes(to: router)
    InspectionController(store: store).addRoutes(to: router.group("_emulator"))
    return router
}

/// The Hummingbird application serving `store`.
/// - Parameter onListening: called with the bound port once the server accepts connections.
func buildApplication(
    configuration: EmulatorConfiguration, store: EmulatorStore, onListening: @escaping @Sendable (Int) async -> Void
) -> some ApplicationProtocol {
    var logger = Logger(label: "AzureEmulator")
    // Hummingbird announces itself at info level on stdout; `serve` owns stdout's first lines.
    logger.logLevel = .warning
    return Application(
        router: buildRouter(store: store, configuration: configuration),
        configuration: ApplicationConfiguration(
            address: .hostname(configuration.host, port: configuration.port), serverName: nil),
        onServerRunning: { channel in await onListening(channel.localAddress?.port ?? configuration.port) },
        logger: logger)
}
