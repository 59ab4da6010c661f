/// How a resource table's rows are laid out, and how the parameter columns of a row are filled:
/// with the value the request was made with, or else the one read from the row's resource id.
struct RowShape: Sendable {
    let columns: [TableColumn]
    let fieldCount: Int
    /// Parameters that name a path segment somewhere: they can be read back from an `id`.
    let pathParameterNames: Set<String>
    let idTemplates: [ResourceIDTemplate]
    let idField: Int?

    init(resource: ResourceDefinition, columns: [TableColumn], fieldCount: Int) {
        self.columns = columns
        self.fieldCount = fieldCount
        pathParameterNames = Set(resource.methods.flatMap(\.pathParameters).map(\.name))
        idTemplates = Set(resource.methods.map(\.pathTemplate)).sorted().map(ResourceIDTemplate.init)
        idField = columns.firstIndex { $0.name == "id" && $0.fieldIndex != nil }
    }

    /// The full row: the fields, then every hidden parameter column. `bound` maps column
    /// indexes to the values the request was made with; parameters are read from the id only
    /// for the columns in `used` (all when `nil`).
    func complete(_ fields: [SQLValue], bound: [Int: SQLValue], used: Set<Int>? = nil) -> [SQLValue] {
        var row = fields
        row.reserveCapacity(columns.count)
        var fromID: [String: String]?
        for index in columns.indices {
            if index < fieldCount, row[index] != .null { continue }
            var value = bound[index] ?? .null
            if value == .null, used?.contains(index) ?? true,
               let parameter = columns[index].parameter, pathParameterNames.contains(parameter),
               let idField, case .text(let id) = fields[idField] {
                if fromID == nil { fromID = ResourceIDTemplate.match(id, against: idTemplates) }
                value = fromID?[parameter].map(SQLValue.text) ?? .null
            }
            if index < fieldCount { row[index] = value } else { row.append(value) }
        }
        return row
    }
}
