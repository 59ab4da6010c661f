import Foundation
import CSQLite

/// The SQLite module behind every resource table: C callbacks that find their Swift
/// `ResourceTable` (module client data) and `ResourceCursor` (in the cursor struct) and
/// delegate to them.
enum ResourceTableModule {
    /// The module definition SQLite keeps a pointer to for the life of each connection.
    // Safe to share: written once here, never mutated afterwards, and SQLite only reads it.
    nonisolated(unsafe) static let definition: UnsafeMutablePointer<sqlite3_module> = {
        let module = UnsafeMutablePointer<sqlite3_module>.allocate(capacity: 1)
        // Zero-initialised, then fields assigned: the memberwise initialiser names fields
        // that differ between SQLite versions.
        module.initialize(to: sqlite3_module())
        module.pointee.iVersion = 0
        module.pointee.xCreate = nil  // eponymous-only: usable by name, no CREATE VIRTUAL TABLE
        module.pointee.xConnect = connect
        module.pointee.xBestIndex = bestIndex
        module.pointee.xDisconnect = disconnect
        module.pointee.xOpen = open
        module.pointee.xClose = close
        module.pointee.xFilter = filter
        module.pointee.xNext = next
        module.pointee.xEof = eof
        module.pointee.xColumn = column
        module.pointee.xRowid = rowid
        module.pointee.xUpdate = update
        return module
    }()

    /// Registers `table` under its resource's qualified name on `db`.
    static func register(_ table: ResourceTable, on db: OpaquePointer) -> Int32 {
        let clientData = Unmanaged.passRetained(table).toOpaque()
        return sqlite3_create_module_v2(db, table.resource.qualifiedName, definition, clientData) { data in
            if let data { Unmanaged<ResourceTable>.fromOpaque(data).release() }
        }
    }

    private static func table(_ vtab: UnsafeMutablePointer<sqlite3_vtab>?) -> ResourceTable {
        let object = UnsafeMutableRawPointer(vtab!).assumingMemoryBound(to: cloudql_vtab.self).pointee.object!
        return Unmanaged<ResourceTable>.fromOpaque(object).takeUnretainedValue()
    }

    private static func cursor(_ cursor: UnsafeMutablePointer<sqlite3_vtab_cursor>?) -> ResourceCursor {
        let object = UnsafeMutableRawPointer(cursor!).assumingMemoryBound(to: cloudql_vtab_cursor.self).pointee.object!
        return Unmanaged<ResourceCursor>.fromOpaque(object).takeUnretainedValue()
    }

    /// Hands SQLite an error message in memory it owns, and keeps the full error for the engine.
    private static func fail(_ vtab: UnsafeMutablePointer<sqlite3_vtab>?, _ error: any Error, table: ResourceTable) -> Int32 {
        let cloudError = error as? CloudQLError ?? CloudQLError(.internal, String(describing: error))
        table.context.record(cloudError)
        if let vtab {
            sqlite3_free(vtab.pointee.zErrMsg)
            vtab.pointee.zErrMsg = cloudql_strdup(cloudError.message)
        }
        return SQLITE_ERROR
    }

    private static let connect: @convention(c) (
        OpaquePointer?, UnsafeMutableRawPointer?, Int32, UnsafePointer<UnsafePointer<CChar>?>?,
        UnsafeMutablePointer<UnsafeMutablePointer<sqlite3_vtab>?>?, UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?
    ) -> Int32 = { db, clientData, _, _, vtabOut, _ in
        let table = Unmanaged<ResourceTable>.fromOpaque(clientData!).takeUnretainedValue()
        let rc = sqlite3_declare_vtab(db, table.declaration)
        guard rc == SQLITE_OK else { return rc }
        guard let memory = sqlite3_malloc64(sqlite3_uint64(MemoryLayout<cloudql_vtab>.size)) else { return SQLITE_NOMEM }
        memset(memory, 0, MemoryLayout<cloudql_vtab>.size)
        let vtab = memory.assumingMemoryBound(to: cloudql_vtab.self)
        // Not retained: the module's client data owns the table and outlives every vtab.
        vtab.pointee.object = clientData
        vtabOut?.pointee = memory.assumingMemoryBound(to: sqlite3_vtab.self)
        return SQLITE_OK
    }

    private static let disconnect: @convention(c) (UnsafeMutablePointer<sqlite3_vtab>?) -> Int32 = { vtab in
        sqlite3_free(vtab)
        return SQLITE_OK
    }

    private static let bestIndex: @convention(c) (UnsafeMutablePointer<sqlite3_vtab>?, UnsafeMutablePointer<sqlite3_index_info>?) -> Int32 = { vtab, info in
        let table = table(vtab)
        switch table.bestIndex(info!) {
        case .planned: return SQLITE_OK
        case .needsOtherOrder:
            table.context.recordUnplannable(table)
            return SQLITE_CONSTRAINT
        case .failed(let error): return fail(vtab, error, table: table)
        }
    }

    private static let open: @convention(c) (UnsafeMutablePointer<sqlite3_vtab>?, UnsafeMutablePointer<UnsafeMutablePointer<sqlite3_vtab_cursor>?>?) -> Int32 = { vtab, cursorOut in
        guard let memory = sqlite3_malloc64(sqlite3_uint64(MemoryLayout<cloudql_vtab_cursor>.size)) else { return SQLITE_NOMEM }
        memset(memory, 0, MemoryLayout<cloudql_vtab_cursor>.size)
        let cursor = memory.assumingMemoryBound(to: cloudql_vtab_cursor.self)
        cursor.pointee.object = Unmanaged.passRetained(ResourceCursor(table: table(vtab))).toOpaque()
        cursorOut?.pointee = memory.assumingMemoryBound(to: sqlite3_vtab_cursor.self)
        return SQLITE_OK
    }

    private static let close: @convention(c) (UnsafeMutablePointer<sqlite3_vtab_cursor>?) -> Int32 = { cursor in
        let memory = UnsafeMutableRawPointer(cursor!).assumingMemoryBound(to: cloudql_vtab_cursor.self)
        if let object = memory.pointee.object { Unmanaged<ResourceCursor>.fromOpaque(object).release() }
        sqlite3_free(cursor)
        return SQLITE_OK
    }

    private static let filter: @convention(c) (
        UnsafeMutablePointer<sqlite3_vtab_cursor>?, Int32, UnsafePointer<CChar>?, Int32, UnsafeMutablePointer<OpaquePointer?>?
    ) -> Int32 = { cursorPointer, idxNum, idxStr, argc, argv in
        let cursor = cursor(cursorPointer)
        let arguments = (0..<Int(argc)).map { argv![$0] }
        do {
            try cursor.start(methodIndex: Int(idxNum), idxStr: idxStr.map { String(cString: $0) } ?? "", arguments: arguments)
            return SQLITE_OK
        } catch {
            return fail(cursorPointer?.pointee.pVtab, error, table: cursor.table)
        }
    }

    private static let next: @convention(c) (UnsafeMutablePointer<sqlite3_vtab_cursor>?) -> Int32 = { cursorPointer in
        let cursor = cursor(cursorPointer)
        do {
            try cursor.advance()
            return SQLITE_OK
        } catch {
            return fail(cursorPointer?.pointee.pVtab, error, table: cursor.table)
        }
    }

    private static let eof: @convention(c) (UnsafeMutablePointer<sqlite3_vtab_cursor>?) -> Int32 = { cursorPointer in
        cursor(cursorPointer).isAtEnd ? 1 : 0
    }

    private static let column: @convention(c) (UnsafeMutablePointer<sqlite3_vtab_cursor>?, OpaquePointer?, Int32) -> Int32 = { cursorPointer, context, index in
        cursor(cursorPointer).value(at: Int(index)).setResult(context)
        return SQLITE_OK
    }

    /// DELETE arrives as one call per row with only its rowid; INSERT and UPDATE with more.
    private static let update: @convention(c) (
        UnsafeMutablePointer<sqlite3_vtab>?, Int32, UnsafeMutablePointer<OpaquePointer?>?, UnsafeMutablePointer<sqlite3_int64>?
    ) -> Int32 = { vtab, argc, argv, _ in
        let table = table(vtab)
        do {
            guard argc == 1 else {
                let verb = sqlite3_value_type(argv![0]) == SQLITE_NULL ? "INSERT" : "UPDATE"
                throw CloudQLError(.usage, "\(table.resource.qualifiedName) cannot be changed with \(verb) in this version of cloudql; SHOW METHODS IN \(table.resource.qualifiedName) lists what it supports. Nothing was sent.")
            }
            try table.planDelete(rowID: sqlite3_value_int64(argv![0]))
            return SQLITE_OK
        } catch {
            return fail(vtab, error, table: table)
        }
    }

    private static let rowid: @convention(c) (UnsafeMutablePointer<sqlite3_vtab_cursor>?, UnsafeMutablePointer<sqlite3_int64>?) -> Int32 = { cursorPointer, rowid in
        let cursor = cursor(cursorPointer)
        rowid?.pointee = cursor.firstRowID + sqlite3_int64(cursor.position)
        return SQLITE_OK
    }
}

/// One scan over a resource table: the page of rows SQLite is reading, and the channel the
/// next pages arrive on.
final class ResourceCursor {
    let table: ResourceTable
    private var channel: PageChannel?
    private var page: [[SQLValue]] = []
    private(set) var position = 0
    private(set) var firstRowID: Int64 = 1
    private(set) var isAtEnd = true

    init(table: ResourceTable) {
        self.table = table
    }

    deinit {
        channel?.cancel()
    }

    @available(*, noasync)
    func start(methodIndex: Int, idxStr: String, arguments: [OpaquePointer?]) throws {
        channel?.cancel()
        channel = try table.open(methodIndex: methodIndex, idxStr: idxStr, arguments: arguments)
        page = []
        position = 0
        isAtEnd = false
        try fillPage()
    }

    @available(*, noasync)
    func advance() throws {
        position += 1
        try fillPage()
    }

    /// Waits for the next page when the current one is used up.
    @available(*, noasync)
    private func fillPage() throws {
        while position >= page.count {
            guard let next = try channel?.receive() else {
                isAtEnd = true
                page = []
                return
            }
            page = next
            position = 0
            firstRowID = table.assignRowIDs(page)
        }
    }

    func value(at column: Int) -> SQLValue {
        let row = page[position]
        return column < row.count ? row[column] : .null
    }
}
