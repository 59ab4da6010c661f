import Foundation

/// One cell of a result: SQLite's storage classes.
public enum SQLValue: Sendable, Hashable {
    case null
    case integer(Int64)
    case real(Double)
    case text(String)
    case blob([UInt8])

    /// The value as a person reads it in table, CSV and text output.
    public var displayText: String {
        switch self {
        case .null: return "null"
        case .integer(let value): return String(value)
        case .real(let value): return value.rounded() == value && abs(value) < 1e15 ? String(format: "%.1f", value) : String(value)
        case .text(let value): return value
        case .blob(let bytes): return bytes.map { String(format: "%02x", $0) }.joined()
        }
    }

    public var textValue: String? {
        if case .text(let value) = self { return value }
        return nil
    }
}
