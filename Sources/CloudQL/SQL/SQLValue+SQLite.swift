import CSQLite

/// `SQLITE_TRANSIENT`, which the C macro hides from Swift: SQLite copies the bytes.
let sqliteTransient = unsafeBitCast(OpaquePointer(bitPattern: -1), to: sqlite3_destructor_type.self)

extension SQLValue {
    /// The value of an SQLite value handed to a callback.
    init(_ value: OpaquePointer?) {
        switch sqlite3_value_type(value) {
        case SQLITE_INTEGER: self = .integer(sqlite3_value_int64(value))
        case SQLITE_FLOAT: self = .real(sqlite3_value_double(value))
        case SQLITE_TEXT: self = .text(sqlite3_value_text(value).map { String(cString: $0) } ?? "")
        case SQLITE_BLOB:
            let count = Int(sqlite3_value_bytes(value))
            if let bytes = sqlite3_value_blob(value), count > 0 {
                self = .blob(Array(UnsafeRawBufferPointer(start: bytes, count: count)))
            } else {
                self = .blob([])
            }
        default: self = .null
        }
    }

    /// Makes this value the result of a function or column callback.
    func setResult(_ context: OpaquePointer?) {
        switch self {
        case .null: sqlite3_result_null(context)
        case .integer(let value): sqlite3_result_int64(context, value)
        case .real(let value): sqlite3_result_double(context, value)
        case .text(let value):
            var value = value
            value.withUTF8 { bytes in
                bytes.withMemoryRebound(to: CChar.self) { chars in
                    if let base = chars.baseAddress {
                        sqlite3_result_text64(context, base, sqlite3_uint64(chars.count), sqliteTransient, UInt8(SQLITE_UTF8))
                    } else {
                        sqlite3_result_text(context, "", 0, sqliteTransient)
                    }
                }
            }
        case .blob(let bytes):
            bytes.withUnsafeBytes { raw in
                sqlite3_result_blob64(context, raw.baseAddress, sqlite3_uint64(raw.count), sqliteTransient)
            }
        }
    }
}
