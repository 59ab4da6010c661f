/// Writes results as they arrive: rows batch by batch in the formats that allow it (JSON,
/// NDJSON, CSV, text), so output of any size passes through in bounded memory. A table needs
/// every row to size its columns, so for tables the rows are kept until the statement ends.
public final class ResultStreamWriter {
    private let renderer: ResultRenderer
    private let write: (String) -> Void
    private var buffered: [[SQLValue]] = []
    private var columns: [ResultSet.Column]?
    private var rowsWritten = 0

    /// - Parameter write: receives each piece of output in order.
    public init(options: OutputOptions, write: @escaping (String) -> Void) {
        renderer = ResultRenderer(options: options)
        self.write = write
    }

    private var streams: Bool { renderer.options.format != .table }

    /// Some rows of the statement being run.
    public func rows(_ batch: RowBatch) {
        guard streams else {
            columns = batch.columns
            buffered += batch.rows
            return
        }
        if columns == nil {
            columns = batch.columns
            write(renderer.header(batch.columns))
        }
        write(renderer.rows(batch.rows, columns: batch.columns, continuing: rowsWritten > 0))
        rowsWritten += batch.rows.count
    }

    /// The statement has ended; writes what is left of its output.
    public func finish(_ result: StatementResult) {
        defer {
            buffered = []
            columns = nil
            rowsWritten = 0
        }
        guard case .rows(var set) = result.output, set.rowsWereStreamed else {
            write(renderer.render(result))
            return
        }
        guard streams else {
            set.rows = buffered
            write(renderer.render(StatementResult(statement: result.statement, output: .rows(set), warnings: result.warnings)))
            return
        }
        if columns == nil { write(renderer.header(set.columns)) }
        write(renderer.footer(rowCount: rowsWritten))
    }
}
