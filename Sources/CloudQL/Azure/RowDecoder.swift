/// Turns the JSON objects of a response into rows of a resource table's field columns.
struct RowDecoder: Sendable {
    private let fieldIndex: [String: Int]
    let fieldCount: Int

    init(fieldNames: [String]) {
        fieldCount = fieldNames.count
        fieldIndex = Dictionary(fieldNames.enumerated().map { ($1, $0) }, uniquingKeysWith: { first, _ in first })
    }

    /// The field values of one object, NULL where the object lacks a field.
    func row(_ object: Range<Int>, in bytes: UnsafeRawBufferPointer) throws -> [SQLValue] {
        var values = [SQLValue](repeating: .null, count: fieldCount)
        try JSONScanner.forEachMember(of: object, in: bytes) { key, value in
            let name = String(decoding: UnsafeRawBufferPointer(rebasing: bytes[(key.lowerBound + 1)..<(key.upperBound - 1)]), as: UTF8.self)
            if let index = fieldIndex[name] {
                values[index] = try JSONScanner.sqlValue(value, in: bytes)
            }
        }
        return values
    }
}
