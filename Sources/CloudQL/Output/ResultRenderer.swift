import Foundation

/// Turns statement results into text in one of the output formats.
public struct ResultRenderer: Sendable {
    public let options: OutputOptions

    public init(options: OutputOptions) {
        self.options = options
    }

    /// The text for one statement's result, ending in a newline.
    public func render(_ result: StatementResult) -> String {
        switch result.output {
        case .message(let message):
            switch options.format {
            case .json: return "{\"message\": \(Self.jsonString(message))}\n"
            case .ndjson: return "{\"message\":\(Self.jsonString(message))}\n"
            default: return message + "\n"
            }
        case .mutation(let summary):
            return mutation(summary)
        case .rows(let set):
            switch options.format {
            case .table: return table(set)
            case .json: return json(set)
            case .ndjson: return set.rows.map { object($0, columns: set.columns, pretty: false) + "\n" }.joined()
            case .csv: return csv(set)
            case .text: return text(set)
            }
        }
    }

    // MARK: Streaming pieces (not for tables)

    /// What comes before the first row: the header line, or JSON's opening bracket.
    func header(_ columns: [ResultSet.Column]) -> String {
        switch options.format {
        case .json: return "["
        case .csv, .text:
            guard !options.hideHeaders else { return "" }
            let names = columns.map(\.name)
            return (options.format == .csv ? names.map(csvField).joined(separator: options.delimiter) : names.joined(separator: "\t")) + "\n"
        default: return ""
        }
    }

    /// Rows in the middle of the output; `continuing` when rows came before them.
    func rows(_ rows: [[SQLValue]], columns: [ResultSet.Column], continuing: Bool) -> String {
        switch options.format {
        case .json:
            guard !rows.isEmpty else { return "" }
            return (continuing ? ",\n  " : "\n  ") + rows.map { object($0, columns: columns, pretty: true) }.joined(separator: ",\n  ")
        case .ndjson: return rows.map { object($0, columns: columns, pretty: false) + "\n" }.joined()
        case .csv: return rows.map(csvLine).joined()
        case .text, .table: return rows.map(textLine).joined()
        }
    }

    /// What comes after the last row.
    func footer(rowCount: Int) -> String {
        options.format == .json ? (rowCount == 0 ? "]\n" : "\n]\n") : ""
    }

    // MARK: Formats

    private func mutation(_ summary: MutationSummary) -> String {
        switch options.format {
        case .json, .ndjson:
            var members = ["\"message\": \(Self.jsonString(summary.statusLine))"]
            if let requests = summary.dryRunRequests {
                members.append("\"dryRun\": [\(requests.map(Self.jsonString).joined(separator: ", "))]")
            } else if summary.status == nil {
                members.append("\"deleted\": [\(summary.done.map(Self.jsonString).joined(separator: ", "))]")
                members.append("\"alreadyGone\": [\(summary.alreadyGone.map(Self.jsonString).joined(separator: ", "))]")
            }
            if let status = summary.status { members.append("\"status\": \(status)") }
            if let body = summary.responseBody {
                members.append("\"response\": " + Self.jsonValue(.text(body), embedJSON: true))
            }
            return "{" + members.joined(separator: ", ") + "}\n"
        default:
            var lines = [summary.statusLine]
            lines += (summary.dryRunRequests ?? []).map { "  " + $0 }
            lines += summary.alreadyGone.map { "  already gone: " + $0 }
            if let body = summary.responseBody, !body.isEmpty { lines.append(body) }
            return lines.joined(separator: "\n") + "\n"
        }
    }

    private func table(_ set: ResultSet) -> String {
        let header = set.columns.map(\.name)
        let cells = set.rows.map { $0.map { Self.singleLine($0.displayText) } }
        var widths = header.map(\.count)
        for row in cells {
            for (index, cell) in row.enumerated() { widths[index] = max(widths[index], cell.count) }
        }
        let rule = "|" + widths.map { String(repeating: "-", count: $0 + 2) }.joined(separator: "|") + "|\n"
        func line(_ values: [String]) -> String {
            "|" + zip(values, widths).map { " " + $0 + String(repeating: " ", count: $1 - $0.count) + " " }.joined(separator: "|") + "|\n"
        }
        var output = rule + line(header) + rule
        for row in cells { output += line(row) }
        return output + rule
    }

    private func json(_ set: ResultSet) -> String {
        guard !set.rows.isEmpty else { return "[]\n" }
        return "[\n" + set.rows.map { "  " + object($0, columns: set.columns, pretty: true) }.joined(separator: ",\n") + "\n]\n"
    }

    private func object(_ row: [SQLValue], columns: [ResultSet.Column], pretty: Bool) -> String {
        let separator = pretty ? ", " : ","
        let colon = pretty ? ": " : ":"
        let members = zip(columns, row).map { column, value in
            Self.jsonString(column.name) + colon + Self.jsonValue(value, embedJSON: column.holdsJSON)
        }
        return "{" + members.joined(separator: separator) + "}"
    }

    private func csv(_ set: ResultSet) -> String {
        header(set.columns) + set.rows.map(csvLine).joined()
    }

    private func text(_ set: ResultSet) -> String {
        header(set.columns) + set.rows.map(textLine).joined()
    }

    private func csvField(_ text: String) -> String {
        guard text.contains(options.delimiter) || text.contains("\"") || text.contains("\n") || text.contains("\r") else { return text }
        return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    private func csvLine(_ row: [SQLValue]) -> String {
        row.map { $0 == .null ? "" : csvField($0.displayText) }.joined(separator: options.delimiter) + "\n"
    }

    private func textLine(_ row: [SQLValue]) -> String {
        row.map { Self.singleLine($0.displayText) }.joined(separator: "\t") + "\n"
    }

    // MARK: Helpers

    private static func singleLine(_ text: String) -> String {
        guard text.contains(where: { $0 == "\n" || $0 == "\r" || $0 == "\t" }) else { return text }
        return text.replacingOccurrences(of: "\r\n", with: " ").replacingOccurrences(of: "\n", with: " ").replacingOccurrences(of: "\t", with: " ")
    }

    static func jsonValue(_ value: SQLValue, embedJSON: Bool) -> String {
        switch value {
        case .null: return "null"
        case .integer(let integer): return String(integer)
        case .real(let real): return real.isFinite ? String(real) : "null"
        case .text(let text):
            // Object and array columns hold the JSON Azure sent, compacted: embed it as it is.
            if embedJSON, let first = text.utf8.first, first == UInt8(ascii: "{") || first == UInt8(ascii: "[") {
                return text
            }
            return jsonString(text)
        case .blob(let bytes): return jsonString(Data(bytes).base64EncodedString())
        }
    }

    static func jsonString(_ text: String) -> String {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(text.utf8.count + 2)
        bytes.append(UInt8(ascii: "\""))
        let hex = Array("0123456789abcdef".utf8)
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "\""): bytes += [UInt8(ascii: "\\"), UInt8(ascii: "\"")]
            case UInt8(ascii: "\\"): bytes += [UInt8(ascii: "\\"), UInt8(ascii: "\\")]
            case 0x0A: bytes += [UInt8(ascii: "\\"), UInt8(ascii: "n")]
            case 0x0D: bytes += [UInt8(ascii: "\\"), UInt8(ascii: "r")]
            case 0x09: bytes += [UInt8(ascii: "\\"), UInt8(ascii: "t")]
            case ..<0x20: bytes += Array("\\u00".utf8) + [hex[Int(byte >> 4)], hex[Int(byte & 0x0F)]]
            default: bytes.append(byte)
            }
        }
        bytes.append(UInt8(ascii: "\""))
        return String(decoding: bytes, as: UTF8.self)
    }
}
