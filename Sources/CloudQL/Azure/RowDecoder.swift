/// Turns the JSON objects of a response into rows of a resource table's field columns,
/// converting only the fields the statement uses (the others stay NULL).
struct RowDecoder: Sendable {
    /// UTF-8 names of the fields to convert, with their column index.
    private let wanted: [(name: [UInt8], index: Int)]
    let fieldCount: Int

    /// - Parameter needed: which fields to convert, by index; `nil` for all.
    init(fieldNames: [String], needed: Set<Int>? = nil) {
        fieldCount = fieldNames.count
        wanted = fieldNames.enumerated()
            .filter { needed?.contains($0.offset) ?? true }
            .map { (Array($0.element.utf8), $0.offset) }
    }

    /// The field values of one object, NULL where the object lacks a field or it is not needed.
    func row(_ object: Range<Int>, in bytes: UnsafeRawBufferPointer) throws -> [SQLValue] {
        var values = [SQLValue](repeating: .null, count: fieldCount)
        guard !wanted.isEmpty else { return values }
        try JSONScanner.forEachMember(of: object, in: bytes) { key, value in
            let nameLength = key.count - 2
            // Compare bytes in place: no String per member.
            for field in wanted where field.name.count == nameLength {
                var same = true
                var offset = key.lowerBound + 1
                for byte in field.name {
                    if bytes[offset] != byte { same = false; break }
                    offset += 1
                }
                if same {
                    values[field.index] = try JSONScanner.sqlValue(value, in: bytes)
                    break
                }
            }
        }
        return values
    }
}
