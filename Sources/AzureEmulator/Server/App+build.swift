import Hummingbird
import Logging
import NIOCore

/// The emulator's router: ARM on every path outside `/_emulator`, the inspection routes inside.
/// - Parameters:
///   - store: the live state.
///   - configuration: token, page size, latency and host.
func buildRouter(store: EmulatorStore, configuration: EmulatorConfiguration) -> Router<EmulatorRequestContext> {
    let router = Router(context: EmulatorRequestContext.self)
    let controller = ARMController(
        store: store, authenticator: BearerAuthenticator(token: configuration.token),
        defaultPageSize: configuration.defaultPageSize)
    router.addMiddleware {
        ARMHeadersMiddleware()
        ARMMiddleware(controller: controller, store: store, latency: configuration.latency, host: configuration.host)
    }
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
