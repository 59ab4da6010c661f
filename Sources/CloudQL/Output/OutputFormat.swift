/// How results are printed, as StackQL's `--output` names them.
public enum OutputFormat: String, Sendable, CaseIterable {
    case table, json, ndjson, csv, text
}

/// Options that shape printed results.
public struct OutputOptions: Sendable {
    public var format: OutputFormat
    /// Leave out the header line (CSV and text).
    public var hideHeaders: Bool
    /// CSV field delimiter.
    public var delimiter: String

    public init(format: OutputFormat = .table, hideHeaders: Bool = false, delimiter: String = ",") {
        self.format = format
        self.hideHeaders = hideHeaders
        self.delimiter = delimiter
    }
}
