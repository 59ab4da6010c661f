import CSQLite
import Foundation

/// One in-memory SQLite connection with cloudql's virtual tables and functions: runs one
/// statement at a time. Used only on the session's engine queue.
final class SQLiteEngine {
    private let db: OpaquePointer
    let context: EngineContext
    private var registeredTables: [String: ResourceTable] = [:]
    private let rewriter: NameRewriter

    init(context: EngineContext) throws {
        var handle: OpaquePointer?
        let flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_MEMORY | SQLITE_OPEN_NOMUTEX
        guard sqlite3_open_v2(":memory:", &handle, flags, nil) == SQLITE_OK, let handle else {
            throw CloudQLError(.internal, "Cannot open an in-memory SQLite database.")
        }
        db = handle
        self.context = context
        rewriter = NameRewriter(
            providers: Set(context.registry.allProviders.map { $0.name.lowercased() }),
            dollarColumns: ["$filter", "$top", "$skip", "$expand", "$select", "$orderby", "$skiptoken"]
        )
        try ExtensionFunctions.register(on: db)
    }

    deinit {
        sqlite3_close_v2(db)
    }

    /// Runs one SQL statement (not SHOW, DESCRIBE or EXEC) and returns its rows or status.
    @available(*, noasync)
    /// - Parameter rowSink: when given, rows go to it in batches as SQLite produces them (after
    ///   the discovery passes, where there are some) instead of into the returned result set.
    func run(_ statement: String, tokens: [SQLToken], rowSink: ((RowBatch) -> Void)? = nil) throws -> StatementResult.Output {
        let deleteTarget = try deleteTarget(in: tokens.filter { !$0.isTrivia })
        context.resetStatement(isDeleting: deleteTarget != nil)
        for table in registeredTables.values { table.resetStatement() }
        let rewritten = try rewriter.rewrite(tokens: tokens)
        for name in rewritten.resourceNames {
            try registerResource(named: name)
        }
        var prepared: OpaquePointer?
        let rc = sqlite3_prepare_v3(db, rewritten.sql, -1, 0, &prepared, nil)
        guard rc == SQLITE_OK, let prepared else {
            throw prepareError(rewritten.sql, original: statement)
        }
        defer { sqlite3_finalize(prepared) }

        let columnCount = Int(sqlite3_column_count(prepared))
        let columns = (0..<columnCount).map { index in
            ResultSet.Column(
                name: String(cString: sqlite3_column_name(prepared, Int32(index))),
                holdsJSON: sqlite3_column_decltype(prepared, Int32(index)).map { String(cString: $0) == TableColumn.jsonType } ?? false
            )
        }
        // A read-only statement over several resources runs discovery passes, so calls that
        // depend on other calls' rows go out concurrently, level by level.
        let discovering = deleteTarget == nil && rewritten.resourceNames.count > 1 && sqlite3_stmt_readonly(prepared) != 0
        if discovering { context.discovery = DiscoveryCache() }
        var rows: [[SQLValue]] = []
        while true {
            rows = []
            // Without discovery this pass is the only one, so its rows can flow out now.
            let streaming = context.discovery == nil ? rowSink : nil
            while true {
                let step = sqlite3_step(prepared)
                if step == SQLITE_DONE { break }
                guard step == SQLITE_ROW else { throw stepError() }
                rows.append((0..<columnCount).map { SQLValue(sqlite3_column_value(prepared, Int32($0))) })
                if let streaming, rows.count >= Self.batchSize {
                    streaming(RowBatch(columns: columns, rows: rows))
                    rows = []
                }
            }
            guard let discovery = context.discovery else { break }
            let recorded = discovery.takeRecorded()
            if recorded.isEmpty { break }
            guard discovery.passes <= Self.maximumDiscoveryPasses else {
                throw CloudQLError(.usage, "The statement kept asking for new calls after \(Self.maximumDiscoveryPasses) rounds of dependent requests; simplify how its parameters are computed.")
            }
            try context.prefetch(recorded, into: discovery)
            sqlite3_reset(prepared)
        }
        if let deleteTarget {
            return .mutation(try MutationExecutor(policy: context.mutationPolicy).execute(
                context.pendingMutations, verb: "DELETE", noun: deleteTarget.name.replacingOccurrences(of: "_", with: " "),
                runner: try context.mutationRunner(for: deleteTarget.provider)
            ))
        }
        if columnCount == 0 {
            let verb = statement.split(whereSeparator: \.isWhitespace).first.map { $0.uppercased() } ?? ""
            let changes = sqlite3_changes64(db)
            return .message(["INSERT", "UPDATE", "DELETE", "REPLACE"].contains(verb) ? "\(verb) \(changes)" : "OK")
        }
        if let rowSink {
            var offset = 0
            while offset < rows.count {
                rowSink(RowBatch(columns: columns, rows: Array(rows[offset..<min(offset + Self.batchSize, rows.count)])))
                offset += Self.batchSize
            }
            return .rows(ResultSet(columns: columns, rows: [], rowsWereStreamed: true))
        }
        return .rows(ResultSet(columns: columns, rows: rows))
    }

    /// The resource a DELETE removes rows of, checked before anything is sent; `nil` when the
    /// statement is not a DELETE of a resource.
    private func deleteTarget(in tokens: [SQLToken]) throws -> ResourceDefinition? {
        guard let delete = tokens.firstIndex(where: { $0.isKeyword("DELETE") }),
              delete + 2 < tokens.count, tokens[delete + 1].isKeyword("FROM") else { return nil }
        var parts: [String] = []
        var index = delete + 2
        while index < tokens.count, let name = tokens[index].identifierName {
            parts += tokens[index].kind == .quotedIdentifier ? name.split(separator: ".").map(String.init) : [name]
            guard index + 1 < tokens.count, tokens[index + 1].text == "." else { break }
            index += 2
        }
        guard parts.count == 3, context.registry.provider(named: parts[0]) != nil else { return nil }
        let resource = try context.registry.resource(parts.joined(separator: "."))
        guard !resource.methods(for: .delete).isEmpty else { throw ResourceTable.noDeleteMethodError(resource) }
        return resource
    }

    /// Runs an EXEC: checks it against the catalog, then sends its one request (or, in a dry
    /// run, shows it).
    @available(*, noasync)
    func exec(_ statement: ExecStatement) throws -> StatementResult.Output {
        let (resource, method, mutation) = try statement.plan(registry: context.registry, endpoint: context.endpoint(for:))
        var summary = try MutationExecutor(policy: context.mutationPolicy).execute(
            [mutation], verb: "EXEC \(method.name)", noun: resource.name.replacingOccurrences(of: "_", with: " "),
            runner: try context.mutationRunner(for: resource.provider)
        )
        if !statement.showResults { summary.responseBody = nil }
        summary.done = []
        return .mutation(summary)
    }

    static let maximumDiscoveryPasses = 32
    /// Rows per batch when rows stream out.
    static let batchSize = 500

    private func registerResource(named name: String) throws {
        let resource = try context.registry.resource(name)
        let key = resource.qualifiedName.lowercased()
        guard registeredTables[key] == nil else { return }
        let table = ResourceTable(resource: resource, context: context)
        registeredTables[key] = table
        let rc = ResourceTableModule.register(table, on: db)
        guard rc == SQLITE_OK else {
            throw CloudQLError(.internal, "Cannot register the table \(resource.qualifiedName): \(String(cString: sqlite3_errmsg(db))).")
        }
    }

    private func prepareError(_ sql: String, original: String) -> CloudQLError {
        if let error = context.recordedError { return error }
        let message = String(cString: sqlite3_errmsg(db))
        if message.hasPrefix("no query solution"), let table = context.unplannableTable {
            return table.missingParametersError(given: [])
        }
        let offset = Int(sqlite3_error_offset(db))
        var located = message
        if offset >= 0 {
            // The rewriter only adds quotes around names, so map the offset back by counting them.
            let mapped = max(0, offset - NameRewriter.insertedBytes(before: offset, in: sql, original: original))
            located += " at \(SQLLexer.position(of: mapped, in: Array(original.utf8)))"
        }
        return CloudQLError(.syntax, "SQL error: \(located).\n  in: \(original)")
    }

    private func stepError() -> CloudQLError {
        if let error = context.recordedError { return error }
        return CloudQLError(.syntax, "SQL error: \(String(cString: sqlite3_errmsg(db))).")
    }
}
