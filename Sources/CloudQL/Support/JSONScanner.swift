/// Reads JSON in place, without building a tree: finds the members of objects and the elements
/// of arrays as byte ranges, and turns a range into an SQL value. Rows reach SQLite this way
/// with one pass over each page and no re-encoding of nested objects.
struct JSONScanner {
    let bytes: UnsafeRawBufferPointer
    private(set) var index: Int

    init(_ bytes: UnsafeRawBufferPointer, at index: Int = 0) {
        self.bytes = bytes
        self.index = index
    }

    struct Malformed: Error {
        var offset: Int
        var reason: String
    }

    // MARK: Walking

    mutating func skipWhitespace() {
        while index < bytes.count {
            switch bytes[index] {
            case 0x20, 0x09, 0x0A, 0x0D: index += 1
            default: return
            }
        }
    }

    /// The range of the value starting at the current position; moves past it.
    mutating func value() throws -> Range<Int> {
        skipWhitespace()
        let start = index
        guard index < bytes.count else { throw Malformed(offset: index, reason: "unexpected end") }
        switch bytes[index] {
        case UInt8(ascii: "\""): try skipString()
        case UInt8(ascii: "{"), UInt8(ascii: "["): try skipContainer()
        default:
            while index < bytes.count {
                switch bytes[index] {
                case UInt8(ascii: ","), UInt8(ascii: "}"), UInt8(ascii: "]"), 0x20, 0x09, 0x0A, 0x0D:
                    guard index > start else { throw Malformed(offset: index, reason: "missing value") }
                    return start..<index
                default: index += 1
                }
            }
        }
        return start..<index
    }

    private mutating func skipString() throws {
        index += 1
        while index < bytes.count {
            switch bytes[index] {
            case UInt8(ascii: "\\"): index += 2
            case UInt8(ascii: "\""):
                index += 1
                return
            default: index += 1
            }
        }
        throw Malformed(offset: index, reason: "unterminated string")
    }

    private mutating func skipContainer() throws {
        var depth = 0
        while index < bytes.count {
            switch bytes[index] {
            case UInt8(ascii: "\""):
                try skipString()
                continue
            case UInt8(ascii: "{"), UInt8(ascii: "["): depth += 1
            case UInt8(ascii: "}"), UInt8(ascii: "]"):
                depth -= 1
                if depth == 0 {
                    index += 1
                    return
                }
            default: break
            }
            index += 1
        }
        throw Malformed(offset: index, reason: "unterminated object or array")
    }

    /// Calls `body` with each member's raw key range (quotes included) and value range.
    static func forEachMember(of object: Range<Int>, in bytes: UnsafeRawBufferPointer, _ body: (Range<Int>, Range<Int>) throws -> Void) throws {
        var scanner = JSONScanner(bytes, at: object.lowerBound)
        guard scanner.index < bytes.count, bytes[scanner.index] == UInt8(ascii: "{") else {
            throw Malformed(offset: object.lowerBound, reason: "expected an object")
        }
        scanner.index += 1
        while true {
            scanner.skipWhitespace()
            guard scanner.index < object.upperBound else { throw Malformed(offset: scanner.index, reason: "unterminated object") }
            if bytes[scanner.index] == UInt8(ascii: "}") { return }
            if bytes[scanner.index] == UInt8(ascii: ",") {
                scanner.index += 1
                continue
            }
            guard bytes[scanner.index] == UInt8(ascii: "\"") else { throw Malformed(offset: scanner.index, reason: "expected a member name") }
            let keyStart = scanner.index
            try scanner.skipString()
            let key = keyStart..<scanner.index
            scanner.skipWhitespace()
            guard scanner.index < bytes.count, bytes[scanner.index] == UInt8(ascii: ":") else {
                throw Malformed(offset: scanner.index, reason: "expected ':'")
            }
            scanner.index += 1
            try body(key, try scanner.value())
        }
    }

    /// Calls `body` with each element's range.
    static func forEachElement(of array: Range<Int>, in bytes: UnsafeRawBufferPointer, _ body: (Range<Int>) throws -> Void) throws {
        var scanner = JSONScanner(bytes, at: array.lowerBound)
        guard scanner.index < bytes.count, bytes[scanner.index] == UInt8(ascii: "[") else {
            throw Malformed(offset: array.lowerBound, reason: "expected an array")
        }
        scanner.index += 1
        while true {
            scanner.skipWhitespace()
            guard scanner.index < array.upperBound else { throw Malformed(offset: scanner.index, reason: "unterminated array") }
            switch bytes[scanner.index] {
            case UInt8(ascii: "]"): return
            case UInt8(ascii: ","): scanner.index += 1
            default: try body(try scanner.value())
            }
        }
    }

    /// Whether a member's raw key (quotes included) is `name`.
    static func keyEquals(_ key: Range<Int>, _ name: String, in bytes: UnsafeRawBufferPointer) -> Bool {
        let utf8 = name.utf8
        guard key.count == utf8.count + 2 else { return false }
        var offset = key.lowerBound + 1
        for byte in utf8 {
            if bytes[offset] != byte { return false }
            offset += 1
        }
        return true
    }

    /// The value of the member named `name` of an object, if present.
    static func member(_ name: String, of object: Range<Int>, in bytes: UnsafeRawBufferPointer) throws -> Range<Int>? {
        var found: Range<Int>?
        let wanted = Array(name.utf8)
        try forEachMember(of: object, in: bytes) { key, value in
            if found == nil, key.count == wanted.count + 2,
               zip(bytes[(key.lowerBound + 1)..<(key.upperBound - 1)], wanted).allSatisfy({ $0 == $1 }) {
                found = value
            }
        }
        return found
    }

    // MARK: Values

    /// A string's decoded text; the range includes the quotes.
    static func string(_ range: Range<Int>, in bytes: UnsafeRawBufferPointer) throws -> String {
        let inner = (range.lowerBound + 1)..<(range.upperBound - 1)
        guard bytes[inner].contains(UInt8(ascii: "\\")) else {
            return String(decoding: UnsafeRawBufferPointer(rebasing: bytes[inner]), as: UTF8.self)
        }
        var output: [UInt8] = []
        output.reserveCapacity(inner.count)
        var i = inner.lowerBound
        func hex4(_ at: Int) throws -> UInt32 {
            guard at + 4 <= inner.upperBound, let value = UInt32(String(decoding: UnsafeRawBufferPointer(rebasing: bytes[at..<(at + 4)]), as: UTF8.self), radix: 16) else {
                throw Malformed(offset: at, reason: "bad \\u escape")
            }
            return value
        }
        while i < inner.upperBound {
            let byte = bytes[i]
            guard byte == UInt8(ascii: "\\"), i + 1 < inner.upperBound else {
                output.append(byte)
                i += 1
                continue
            }
            let escaped = bytes[i + 1]
            i += 2
            switch escaped {
            case UInt8(ascii: "n"): output.append(0x0A)
            case UInt8(ascii: "t"): output.append(0x09)
            case UInt8(ascii: "r"): output.append(0x0D)
            case UInt8(ascii: "b"): output.append(0x08)
            case UInt8(ascii: "f"): output.append(0x0C)
            case UInt8(ascii: "u"):
                var scalar = try hex4(i)
                i += 4
                if (0xD800..<0xDC00).contains(scalar), i + 6 <= inner.upperBound,
                   bytes[i] == UInt8(ascii: "\\"), bytes[i + 1] == UInt8(ascii: "u") {
                    let low = try hex4(i + 2)
                    if (0xDC00..<0xE000).contains(low) {
                        scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
                        i += 6
                    }
                }
                output.append(contentsOf: Array(String(UnicodeScalar(scalar).map(Character.init) ?? "\u{FFFD}").utf8))
            default: output.append(escaped)
            }
        }
        return String(decoding: output, as: UTF8.self)
    }

    /// The SQL value of any JSON value: strings as text, numbers as integer or real, booleans as
    /// 1/0, null as NULL, objects and arrays as their compact JSON text.
    static func sqlValue(_ range: Range<Int>, in bytes: UnsafeRawBufferPointer) throws -> SQLValue {
        guard let first = range.first.map({ bytes[$0] }) else { return .null }
        switch first {
        case UInt8(ascii: "\""): return .text(try string(range, in: bytes))
        case UInt8(ascii: "{"), UInt8(ascii: "["): return .text(compactText(range, in: bytes))
        case UInt8(ascii: "t"): return .integer(1)
        case UInt8(ascii: "f"): return .integer(0)
        case UInt8(ascii: "n"): return .null
        default:
            let text = String(decoding: UnsafeRawBufferPointer(rebasing: bytes[range]), as: UTF8.self)
            if let integer = Int64(text) { return .integer(integer) }
            if let real = Double(text) { return .real(real) }
            throw Malformed(offset: range.lowerBound, reason: "bad number '\(text)'")
        }
    }

    /// The JSON text of a range with insignificant whitespace removed.
    static func compactText(_ range: Range<Int>, in bytes: UnsafeRawBufferPointer) -> String {
        let slice = UnsafeRawBufferPointer(rebasing: bytes[range])
        guard slice.contains(where: { $0 == 0x20 || $0 == 0x0A || $0 == 0x0D || $0 == 0x09 }) else {
            return String(decoding: slice, as: UTF8.self)
        }
        var output: [UInt8] = []
        output.reserveCapacity(slice.count)
        var inString = false
        var escaped = false
        for byte in slice {
            if inString {
                output.append(byte)
                if escaped { escaped = false } else if byte == UInt8(ascii: "\\") { escaped = true } else if byte == UInt8(ascii: "\"") { inString = false }
                continue
            }
            switch byte {
            case 0x20, 0x0A, 0x0D, 0x09: continue
            case UInt8(ascii: "\""):
                inString = true
                output.append(byte)
            default: output.append(byte)
            }
        }
        return String(decoding: output, as: UTF8.self)
    }
}
