import CSQLite
import Foundation
import NIOHTTP1

/// The virtual table of one resource on one connection: declares its columns, picks the
/// method for each scan from the bound parameters (StackQL's rule), and fetches the rows.
///
/// Used only on the engine's thread, through SQLite's callbacks.
final class ResourceTable {
    let resource: ResourceDefinition
    let columns: [TableColumn]
    let fieldCount: Int
    let context: EngineContext
    private let decoder: RowDecoder
    private let shape: RowShape
    /// Parameters that name a path segment somewhere: they can be read back from an `id`.
    private var pathParameterNames: Set<String> { shape.pathParameterNames }
    /// During a DELETE, the rows scanned so far by rowid, for `xUpdate`.
    private var rowsForDelete: [Int64: [SQLValue]] = [:]
    private var nextRowID: Int64 = 1

    init(resource: ResourceDefinition, context: EngineContext) {
        self.resource = resource
        self.context = context
        let fields = resource.fields
        let parameters = resource.parameterNames
        var columns: [TableColumn] = []
        let schemaTypes = Dictionary(
            resource.methods.flatMap(\.parameters).map { ($0.name, $0.schema.type) },
            uniquingKeysWith: { first, _ in first }
        )
        for (index, field) in fields.enumerated() {
            columns.append(TableColumn(
                name: field.name, fieldIndex: index,
                parameter: parameters.contains(field.name) ? field.name : nil,
                sqlType: TableColumn.sqlType(forSchemaType: field.type)
            ))
        }
        for parameter in parameters where !fields.contains(where: { $0.name == parameter }) {
            columns.append(TableColumn(
                name: parameter, fieldIndex: nil, parameter: parameter,
                sqlType: TableColumn.sqlType(forSchemaType: schemaTypes[parameter] ?? "string")
            ))
        }
        self.columns = columns
        self.fieldCount = fields.count
        self.decoder = RowDecoder(fieldNames: fields.map(\.name))
        self.shape = RowShape(resource: resource, columns: columns, fieldCount: fields.count)
    }

    /// The `CREATE TABLE` statement SQLite's `sqlite3_declare_vtab` needs.
    var declaration: String {
        let list = columns.map { column in
            "\"\(column.name.replacingOccurrences(of: "\"", with: "\"\""))\" \(column.sqlType)\(column.isHidden ? " HIDDEN" : "")"
        }
        return "CREATE TABLE x(\(list.joined(separator: ", ")))"
    }

    // MARK: Planning

    enum PlanOutcome {
        case planned
        /// Not usable in this join order; SQLite should try another.
        case needsOtherOrder
        case failed(CloudQLError)
    }

    func bestIndex(_ info: UnsafeMutablePointer<sqlite3_index_info>) -> PlanOutcome {
        var usable: [String: Int] = [:]
        var present: Set<String> = []
        for i in 0..<Int(info.pointee.nConstraint) {
            let constraint = info.pointee.aConstraint[i]
            guard constraint.op == UInt8(SQLITE_INDEX_CONSTRAINT_EQ), constraint.iColumn >= 0,
                  let parameter = columns[Int(constraint.iColumn)].parameter else { continue }
            present.insert(parameter)
            if constraint.usable != 0, usable[parameter] == nil { usable[parameter] = i }
        }
        let selects = resource.selectMethods
        guard !selects.isEmpty else {
            return .failed(CloudQLError(.missingParameters, "\(resource.qualifiedName) cannot be read with SELECT: it has no SELECT method (SHOW METHODS IN \(resource.qualifiedName) lists what it has)."))
        }
        let bound = Set(usable.keys)
        guard let methodIndex = selects.firstIndex(where: { Set($0.requiredParameterNames).isSubset(of: bound) }) else {
            if selects.contains(where: { Set($0.requiredParameterNames).isSubset(of: present) }) {
                return .needsOtherOrder
            }
            return .failed(missingParametersError(given: present))
        }
        let method = selects[methodIndex]
        // Parameters of the method are sent; parameters no id can carry (like `force`) are
        // echoed into every row so that later statements (DELETE) can use them. Path parameters
        // of other methods stay ordinary filters against the values read from each row's id.
        let consumed = usable
            .filter { name, _ in method.parameter(named: name) != nil || !pathParameterNames.contains(name) }
            .sorted { $0.value < $1.value }
        var parts: [String] = []
        for (offset, (name, constraintIndex)) in consumed.enumerated() {
            info.pointee.aConstraintUsage[constraintIndex].argvIndex = Int32(offset + 1)
            info.pointee.aConstraintUsage[constraintIndex].omit = 1
            let columnIndex = columns.firstIndex { $0.parameter == name }!
            let isList = sqlite3_vtab_in(info, Int32(constraintIndex), -1) != 0
            if isList { sqlite3_vtab_in(info, Int32(constraintIndex), 1) }
            parts.append("\(columnIndex)\(isList ? "i" : "")")
        }
        // A DELETE that names the row completely and reads none of its fields needs no GET:
        // the row is made from the parameters, and the DELETE alone goes out.
        let fieldMask: UInt64 = fieldCount >= 64 ? ~0 : (UInt64(1) << UInt64(fieldCount)) - 1
        let synthesize = context.isDeleting && method.objectKey == nil && info.pointee.colUsed & fieldMask == 0
        // Only the columns the statement uses are converted; a DELETE needs every parameter.
        let used = context.isDeleting ? UInt64.max : info.pointee.colUsed
        info.pointee.idxNum = Int32(methodIndex)
        info.pointee.idxStr = cloudql_strdup(parts.joined(separator: ",") + ";" + (synthesize ? "s" : "") + ";" + String(used, radix: 16))
        info.pointee.needToFreeIdxStr = 1
        info.pointee.estimatedCost = pow(10, Double(methodIndex + 1))
        info.pointee.estimatedRows = method.objectKey == nil ? 1 : 100
        return .planned
    }

    /// StackQL's message, then what each SELECT method needs and which of that is missing.
    func missingParametersError(given: Set<String>) -> CloudQLError {
        var lines = ["cannot find matching operation, possible causes include missing required parameters or an unsupported method for the resource, to find required parameters for supported methods run SHOW METHODS IN \(resource.qualifiedName)"]
        for method in resource.selectMethods {
            let missing = method.requiredParameterNames.filter { !given.contains($0) }
            lines.append("  \(method.name) requires \(method.requiredParameterNames.joined(separator: ", ")); missing: \(missing.joined(separator: ", "))")
        }
        return CloudQLError(.missingParameters, lines.joined(separator: "\n"))
    }

    // MARK: Scanning

    /// Starts fetching the rows of one scan; they arrive on the returned channel. `idxStr` is
    /// `bound;flags;used`: the bound columns in argv order, each marked `i` when SQLite hands
    /// over a whole IN list; `s` when the rows are to be made from the parameters alone; and the
    /// mask of columns the statement uses, in hex.
    @available(*, noasync)
    func open(methodIndex: Int, idxStr: String, arguments: [OpaquePointer?]) throws -> PageChannel {
        let method = resource.selectMethods[methodIndex]
        let plan = idxStr.split(separator: ";", omittingEmptySubsequences: false)
        let synthesize = plan.count > 1 && plan[1] == "s"
        let used = plan.count > 2 ? UInt64(plan[2], radix: 16) ?? .max : .max
        let usedColumns = Set(columns.indices.filter { used & (UInt64(1) << UInt64(min($0, 63))) != 0 })
        var neededFields = usedColumns.filter { $0 < fieldCount }
        if let idField = shape.idField, usedColumns.contains(where: { $0 >= fieldCount || columns[$0].parameter != nil }) {
            neededFields.insert(idField)
        }
        // Discovery caches a call's rows for every scan of the statement, so it converts every field.
        let decoder = context.discovery != nil || neededFields.count == fieldCount
            ? self.decoder
            : RowDecoder(fieldNames: columns.prefix(fieldCount).map(\.name), needed: neededFields)
        var boundColumns: [(column: Int, values: [SQLValue])] = []
        for (offset, part) in (plan.first ?? "").split(separator: ",").enumerated() {
            let isList = part.hasSuffix("i")
            let column = Int(isList ? part.dropLast() : part)!
            var values: [SQLValue] = []
            if isList {
                var value: OpaquePointer?
                var rc = sqlite3_vtab_in_first(arguments[offset], &value)
                while rc == SQLITE_OK, let current = value {
                    let converted = SQLValue(current)
                    if !values.contains(converted) { values.append(converted) }
                    rc = sqlite3_vtab_in_next(arguments[offset], &value)
                }
            } else {
                values = [SQLValue(arguments[offset])]
            }
            boundColumns.append((column, values.filter { $0 != .null }))
        }

        let combinations = boundColumns.reduce([[Int: SQLValue]]([[:]])) { partial, bound in
            partial.flatMap { combination in
                bound.values.map { value in combination.merging([bound.column: value]) { $1 } }
            }
        }
        if synthesize || combinations.isEmpty {
            let empty = [SQLValue](repeating: .null, count: fieldCount)
            return PageChannel(rows: synthesize ? combinations.map { shape.complete(empty, bound: $0) } : [])
        }
        let operation = "\(method.name) of \(resource.qualifiedName)"
        let endpoint = try context.endpoint(for: resource.provider)
        let calls = try combinations.map { combination in
            let values = Dictionary(uniqueKeysWithValues: combination.map { (columns[$0.key].parameter!, $0.value) })
            return MethodCall(
                url: try endpoint.url(for: method, values: values),
                objectKeyPath: method.objectKey.map(ResourceMethod.keyPath),
                operation: operation,
                bound: combination
            )
        }
        if let discovery = context.discovery {
            var rows: [[SQLValue]] = []
            for call in calls {
                switch discovery.answer(for: call, provider: resource.provider, decoder: decoder) {
                case .success(let fields): rows += fields.map { shape.complete($0, bound: call.bound, used: usedColumns) }
                case .failure(let error): throw error
                case nil: continue
                }
            }
            return PageChannel(rows: rows)
        }
        return try context.fetcher(for: resource.provider).stream(calls, decoder: decoder, shape: shape, used: usedColumns, warnings: context.warnings)
    }

    // MARK: Deleting

    /// Rowids for `count` new rows; during a DELETE the rows are remembered under them.
    func assignRowIDs(_ rows: [[SQLValue]]) -> Int64 {
        let first = nextRowID
        nextRowID += Int64(rows.count)
        if context.isDeleting {
            for (offset, row) in rows.enumerated() { rowsForDelete[first + Int64(offset)] = row }
        }
        return first
    }

    /// Forgets the rows of the previous statement.
    func resetStatement() {
        rowsForDelete = [:]
    }

    /// Plans the DELETE of the row SQLite chose; the request is sent once the statement is done.
    func planDelete(rowID: Int64) throws {
        guard let method = resource.methods(for: .delete).first else {
            throw Self.noDeleteMethodError(resource)
        }
        guard let row = rowsForDelete[rowID] else {
            throw CloudQLError(.internal, "DELETE asked for a row of \(resource.qualifiedName) that was never scanned.")
        }
        var values: [String: SQLValue] = [:]
        for (index, column) in columns.enumerated() {
            if let parameter = column.parameter, index < row.count { values[parameter] = row[index] }
        }
        let url = try context.endpoint(for: resource.provider).url(for: method, values: values)
        let id = columns.firstIndex { $0.name == "id" && $0.fieldIndex != nil }.flatMap { row[$0].textValue }
        context.pendingMutations.append(PendingMutation(
            httpMethod: .DELETE, url: url, body: nil,
            target: id ?? String(url.drop { $0 != "/" }.dropFirst(2).drop { $0 != "/" }.prefix { $0 != "?" }),
            operation: "\(method.name) of \(resource.qualifiedName)",
            notFoundMeansDone: true, isIdempotent: true
        ))
    }

    static func noDeleteMethodError(_ resource: ResourceDefinition) -> CloudQLError {
        CloudQLError(.missingParameters, "\(resource.qualifiedName) cannot be deleted: it has no DELETE method (SHOW METHODS IN \(resource.qualifiedName) lists what it has). Nothing was sent.")
    }
}
