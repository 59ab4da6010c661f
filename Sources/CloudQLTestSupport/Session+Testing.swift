import CloudQL

extension Session {
    /// Runs `sql`, shuts the session down whatever happens, and returns the last statement's rows.
    public func rowsAndShutdown(_ sql: String) async throws -> ResultSet {
        do {
            let results = try await execute(sql)
            try await shutdown()
            guard case .rows(let set) = results.last?.output else {
                throw CloudQLError(.internal, "\(sql) produced no rows")
            }
            return set
        } catch {
            try? await shutdown()
            throw error
        }
    }

    /// Runs `sql`, which must fail, shuts the session down, and returns the error.
    public func failureAndShutdown(_ sql: String) async throws -> CloudQLError {
        do {
            try await execute(sql)
        } catch let error as CloudQLError {
            try await shutdown()
            return error
        }
        try await shutdown()
        throw CloudQLError(.internal, "expected \(sql) to fail")
    }
}
