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

    public init(columns: [Column], rows: [[SQLValue]]) {
        self.columns = columns
        self.rows = rows
    }

    public init(columnNames: [String], rows: [[String]]) {
        self.columns = columnNames.map { Column(name: $0) }
        self.rows = rows.map { $0.map(SQLValue.text) }
    }
}

/// What one statement of a script produced.
public struct StatementResult: Sendable {
    public enum Output: Sendable {
        /// Rows to print in the chosen format.
        case rows(ResultSet)
        /// A status line, such as `DELETE 3`.
        case message(String)
    }

    /// The statement as the user wrote it.
    public var statement: String
    public var output: Output
}
