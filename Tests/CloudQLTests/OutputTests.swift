import CloudQL
import Testing

/// Streamed output must read exactly like output rendered at once.
@Suite struct OutputTests {
    static let columns = [ResultSet.Column(name: "id"), ResultSet.Column(name: "properties", holdsJSON: true), ResultSet.Column(name: "n")]
    static let rows: [[SQLValue]] = (0..<7).map { index in
        [.text("s,\"\(index)\"\n"), .text(#"{"state":"Active","i":\#(index)}"#), index % 2 == 0 ? .integer(Int64(index)) : .null]
    }

    func streamed(_ format: OutputFormat, rows: [[SQLValue]], batch: Int) -> String {
        var output = ""
        let writer = ResultStreamWriter(options: OutputOptions(format: format)) { output += $0 }
        var offset = 0
        while offset < rows.count {
            writer.rows(RowBatch(columns: Self.columns, rows: Array(rows[offset..<min(offset + batch, rows.count)])))
            offset += batch
        }
        writer.finish(StatementResult(statement: "q", output: .rows(ResultSet(columns: Self.columns, rows: [], rowsWereStreamed: true))))
        return output
    }

    @Test(arguments: OutputFormat.allCases)
    func streamedOutputEqualsOutputRenderedAtOnce(format: OutputFormat) {
        for rows in [Self.rows, []] {
            let whole = ResultRenderer(options: OutputOptions(format: format))
                .render(StatementResult(statement: "q", output: .rows(ResultSet(columns: Self.columns, rows: rows))))
            #expect(streamed(format, rows: rows, batch: 3) == whole, "\(format), \(rows.count) rows")
        }
    }
}
