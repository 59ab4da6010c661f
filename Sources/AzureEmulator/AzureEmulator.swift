import Hummingbird
import ServiceLifecycle
import UnixSignals

/// Runs local Azure Resource Manager endpoints for Microsoft.DesktopVirtualization, with the
/// Microsoft Entra ID token endpoint and managed identity endpoints that sign clients in
/// (``IdentityConfiguration``) and fault rules that make it misbehave (``Fault``).
///
/// ```swift
/// let emulator = try await AzureEmulator.start(EmulatorConfiguration(scenario: .demo))
/// defer { Task { await emulator.stop() } }
/// // GET \(emulator.baseURL)/subscriptions?api-version=2022-12-01
/// //     Authorization: Bearer \(emulator.token)
/// ```
public enum AzureEmulator {
    /// Starts an emulator and returns once it is listening. Many can run in one process.
    /// - Parameter configuration: what to serve and where.
    /// - Returns: the running emulator; call ``RunningEmulator/stop()`` when done.
    /// - Throws: ``EmulatorError`` or ``ScenarioError`` for a bad configuration, or the bind error.
    public static func start(_ configuration: EmulatorConfiguration) async throws -> RunningEmulator {
        try configuration.validate()
        let store = EmulatorStore(scenario: configuration.scenario, faults: configuration.faults, faultSeed: configuration.faultSeed)
        let signal = ListeningSignal()
        let app = buildApplication(configuration: configuration, store: store) { await signal.listening(on: $0) }
        let group = ServiceGroup(configuration: ServiceGroupConfiguration(services: [app], logger: app.logger))
        let server = Task {
            try await run(group, reportingTo: signal)
        }
        let port: Int
        do {
            port = try await signal.wait()
        } catch {
            server.cancel()
            throw error
        }
        let warmUp = Task(priority: .background) { await store.warmUp() }
        return RunningEmulator(configuration, port: port, store: store) {
            warmUp.cancel()
            await group.triggerGracefulShutdown()
            _ = await server.result
        }
    }

    /// Runs an emulator until SIGINT or SIGTERM, then shuts it down gracefully.
    /// - Parameters:
    ///   - configuration: what to serve and where.
    ///   - onListening: called once the server is listening, e.g. to print its address.
    /// - Throws: ``EmulatorError`` or ``ScenarioError`` for a bad configuration, or the bind error.
    public static func serve(
        _ configuration: EmulatorConfiguration, onListening: @Sendable (RunningEmulator) -> Void
    ) async throws {
        try configuration.validate()
        let store = EmulatorStore(scenario: configuration.scenario, faults: configuration.faults, faultSeed: configuration.faultSeed)
        let signal = ListeningSignal()
        let app = buildApplication(configuration: configuration, store: store) { await signal.listening(on: $0) }
        InheritedSignals.restoreShutdownSignals()
        let group = ServiceGroup(
            configuration: ServiceGroupConfiguration(
                services: [app], gracefulShutdownSignals: [.sigterm, .sigint], logger: app.logger))
        try await withThrowingTaskGroup(of: Void.self) { tasks in
            tasks.addTask {
                try await run(group, reportingTo: signal)
            }
            let port = try await signal.wait()
            let warmUp = Task(priority: .background) { await store.warmUp() }
            defer { warmUp.cancel() }
            onListening(
                RunningEmulator(configuration, port: port, store: store) {
                    await group.triggerGracefulShutdown()
                })
            try await tasks.waitForAll()
        }
    }

    /// Runs the service group; if it ends before the server listened, the waiter learns why.
    private static func run(_ group: ServiceGroup, reportingTo signal: ListeningSignal) async throws {
        do {
            try await group.run()
        } catch {
            await signal.fail(error)
            throw error
        }
        await signal.fail(EmulatorError("The server stopped before it was listening."))
    }
}
