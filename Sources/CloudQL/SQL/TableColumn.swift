/// A column of a resource's virtual table: a field of the response, a request parameter
/// (hidden unless it is also a field), or both.
struct TableColumn {
    var name: String
    /// Index into the row's field values, for response fields.
    var fieldIndex: Int?
    /// The request parameter this column binds, if any.
    var parameter: String?
    var sqlType: String

    var isHidden: Bool { fieldIndex == nil }

    /// The declared type that marks object and array columns, so output can print them as JSON.
    /// It contains "TEXT" so SQLite gives the column text affinity.
    static let jsonType = "JSONTEXT"

    static func sqlType(forSchemaType type: String?) -> String {
        switch type {
        case "object", "array": return jsonType
        case "integer", "boolean": return "INTEGER"
        case "number": return "REAL"
        default: return "TEXT"
        }
    }
}
