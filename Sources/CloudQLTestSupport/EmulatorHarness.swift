import AzureEmulator
import CloudQL
import Foundation

/// Starts emulators on port 0 for tests and points sessions and the CLI at them.
public enum EmulatorHarness {
    /// Runs `body` with a fresh emulator and stops it afterwards, whatever happens.
    public static func withEmulator<T: Sendable>(
        _ configuration: EmulatorConfiguration = EmulatorConfiguration(),
        _ body: (RunningEmulator) async throws -> T
    ) async throws -> T {
        let emulator = try await AzureEmulator.start(configuration)
        do {
            let result = try await body(emulator)
            await emulator.stop()
            return result
        } catch {
            await emulator.stop()
            throw error
        }
    }

    /// A session whose Azure requests go to `emulator`, signed with its token.
    public static func session(for emulator: RunningEmulator, concurrencyLimit: Int = SessionConfiguration.defaultConcurrencyLimit) throws -> Session {
        try Session(configuration: SessionConfiguration(
            endpoints: ["azure": try ARMEndpoint(emulator.baseURL)],
            auth: AuthConfiguration(methods: ["azure": .token(emulator.token)]),
            concurrencyLimit: concurrencyLimit
        ))
    }

    /// Runs `sql` against `emulator` and returns the last statement's rows.
    public static func rows(_ sql: String, on emulator: RunningEmulator) async throws -> ResultSet {
        try await session(for: emulator).rowsAndShutdown(sql)
    }

    /// Runs `sql`, which must fail, and returns the error.
    public static func error(_ sql: String, on emulator: RunningEmulator) async throws -> CloudQLError {
        try await session(for: emulator).failureAndShutdown(sql)
    }

    /// A CLI runner whose environment carries the emulator's token as `AZ_ACCESS_TOKEN`, with the
    /// arguments that point `cloudql exec` at the emulator.
    public static func cliArguments(for emulator: RunningEmulator) -> (runner: CLIRunner, arguments: [String]) {
        (
            CLIRunner(environment: ["AZ_ACCESS_TOKEN": emulator.token]),
            ["--endpoint", "azure=\(emulator.baseURL)", "--auth", #"{"azure": {"type": "bearer", "credentialsenvvar": "AZ_ACCESS_TOKEN"}}"#]
        )
    }
}

extension ResultSet {
    /// The rows as objects keyed by column name, for readable assertions.
    public var objects: [[String: SQLValue]] {
        rows.map { Dictionary(zip(columns.map(\.name), $0), uniquingKeysWith: { first, _ in first }) }
    }
}
