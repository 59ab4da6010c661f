/// The rows a statement produced, or the message it printed.
public struct ResultSet: Sendable {
    /// A column: its name, and whether its text holds JSON (an object or array field), so JSON
    /// output can embed it rather than quote it.
    public struct Column: Sendable, Hashable {
        public var name: String
        public var holdsJSON: Bool

        public init(name: String, holdsJSON: Bool = false) {
            self.name = name
            self.holdsJSON = holdsJSON
        }
    }

    public var columns: [Column]
    public var rows: [[SQLValue]]
    /// The rows went out in batches as they were produced, and are not held here.
    public var rowsWereStreamed: Bool

    public init(columns: [Column], rows: [[SQLValue]], rowsWereStreamed: Bool = false) {
        self.columns = columns
        self.rows = rows
        self.rowsWereStreamed = rowsWereStreamed
    }

    public init(columnNames: [String], rows: [[String]]) {
        self.columns = columnNames.map { Column(name: $0) }
        self.rows = rows.map { $0.map(SQLValue.text) }
        self.rowsWereStreamed = false
    }
}

/// Some rows of a statement, delivered as SQLite produces them.
public struct RowBatch: Sendable {
    public var columns: [ResultSet.Column]
    public var rows: [[SQLValue]]

    public init(columns: [ResultSet.Column], rows: [[SQLValue]]) {
        self.columns = columns
        self.rows = rows
    }
}

/// What one statement of a script produced.
public struct StatementResult: Sendable {
    public enum Output: Sendable {
        /// Rows to print in the chosen format.
        case rows(ResultSet)
        /// A status line, such as `OK`.
        case message(String)
        /// What a DELETE or EXEC changed (or, in a dry run, would have sent).
        case mutation(MutationSummary)
    }

    /// The statement as the user wrote it.
    public var statement: String
    public var output: Output
    /// What a person should know about the result, such as calls skipped under `--allow-partial`.
    public var warnings: [String] = []

    public init(statement: String, output: Output, warnings: [String] = []) {
        self.statement = statement
        self.output = output
        self.warnings = warnings
    }
}

/// The outcome of a statement that changes Azure.
public struct MutationSummary: Sendable, Equatable {
    /// `DELETE` or `EXEC <method>`.
    public var verb: String
    /// Targets changed (resource ids, or request URLs where no id is known).
    public var done: [String] = []
    /// Targets that were already gone, which counts as done for a DELETE.
    public var alreadyGone: [String] = []
    /// In a dry run, the requests that would have been sent; nothing was.
    public var dryRunRequests: [String]?
    /// For EXEC: the HTTP status and, with `/*+ SHOWRESULTS */`, the response body.
    public var status: Int?
    public var responseBody: String?

    /// The status line: `DELETE 3`, `EXEC disconnect: HTTP 200`, or the dry run's count.
    public var statusLine: String {
        if let requests = dryRunRequests {
            return "\(verb): dry run, \(requests.count) request\(requests.count == 1 ? "" : "s") not sent"
        }
        if let status { return "\(verb): HTTP \(status)" }
        var line = "\(verb) \(done.count + alreadyGone.count)"
        if !alreadyGone.isEmpty { line += " (\(alreadyGone.count) already gone)" }
        return line
    }
}
