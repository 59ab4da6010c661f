import CloudQL
import Foundation

/// A session whose requests can go nowhere: for statements that need only the catalog and
/// SQLite (SHOW, DESCRIBE, functions, planning errors).
public enum OfflineSession {
    /// Runs one statement and returns its rows.
    public static func rows(_ sql: String) async throws -> ResultSet {
        try await make().rowsAndShutdown(sql)
    }

    /// Runs one statement that must fail and returns its error.
    public static func error(_ sql: String) async throws -> CloudQLError {
        try await make().failureAndShutdown(sql)
    }

    private static func make() throws -> Session {
        // Port 9 (discard) on loopback: nothing answers, nothing leaves the machine.
        try Session(configuration: SessionConfiguration(
            endpoints: ["azure": try ARMEndpoint("http://127.0.0.1:9")],
            auth: AuthConfiguration(methods: ["azure": .token("offline")])
        ))
    }
}
