/// Appends compact JSON to a byte array without building an intermediate tree.
///
/// Resources are rendered once and their bytes reused for every page, so the writer favours
/// speed over convenience: the caller is responsible for pairing `begin…`/`end…` calls.
struct JSONWriter {
    private(set) var bytes: [UInt8] = []
    /// Whether the next value opens its container (or follows a key) and so needs no comma.
    private var atStart = true

    init(capacity: Int = 512) {
        bytes.reserveCapacity(capacity)
    }

    mutating func beginObject() {
        separate()
        bytes.append(UInt8(ascii: "{"))
        atStart = true
    }

    mutating func endObject() {
        bytes.append(UInt8(ascii: "}"))
        atStart = false
    }

    mutating func beginArray() {
        separate()
        bytes.append(UInt8(ascii: "["))
        atStart = true
    }

    mutating func endArray() {
        bytes.append(UInt8(ascii: "]"))
        atStart = false
    }

    mutating func key(_ key: String) {
        separate()
        appendQuoted(key)
        bytes.append(UInt8(ascii: ":"))
        atStart = true
    }

    mutating func string(_ value: String?) {
        separate()
        if let value { appendQuoted(value) } else { appendNull() }
        atStart = false
    }

    mutating func int(_ value: Int?) {
        separate()
        if let value { bytes.append(contentsOf: String(value).utf8) } else { appendNull() }
        atStart = false
    }

    mutating func bool(_ value: Bool?) {
        separate()
        if let value { bytes.append(contentsOf: (value ? "true" : "false").utf8) } else { appendNull() }
        atStart = false
    }

    /// Splices bytes that are already a complete JSON value (e.g. a cached resource).
    mutating func raw(_ json: [UInt8]) {
        separate()
        bytes.append(contentsOf: json)
        atStart = false
    }

    mutating func field(_ name: String, _ value: String?) {
        key(name)
        string(value)
    }

    mutating func field(_ name: String, int value: Int?) {
        key(name)
        int(value)
    }

    mutating func field(_ name: String, bool value: Bool?) {
        key(name)
        bool(value)
    }

    mutating func field(_ name: String, strings values: [String]) {
        key(name)
        beginArray()
        for value in values { string(value) }
        endArray()
    }

    /// Writes an object with keys in sorted order, so output is the same on every run.
    mutating func field(_ name: String, map: [String: String]) {
        key(name)
        beginObject()
        for (key, value) in map.sorted(by: { $0.key < $1.key }) { field(key, value) }
        endObject()
    }

    private mutating func separate() {
        if !atStart { bytes.append(UInt8(ascii: ",")) }
    }

    private mutating func appendNull() {
        bytes.append(contentsOf: "null".utf8)
    }

    private mutating func appendQuoted(_ value: String) {
        bytes.append(UInt8(ascii: "\""))
        var value = value
        // Most strings need no escaping; scanning and copying the raw UTF-8 buffer is several
        // times faster than walking the UTF8View, and rendering is the emulator's hot path.
        let copied = value.withUTF8 { buffer -> Bool in
            for byte in buffer where byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") {
                return false
            }
            bytes.append(contentsOf: buffer)
            return true
        }
        if !copied { appendEscaped(value) }
        bytes.append(UInt8(ascii: "\""))
    }

    private mutating func appendEscaped(_ value: String) {
        for byte in value.utf8 {
            switch byte {
            case UInt8(ascii: "\""): bytes.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "\"")])
            case UInt8(ascii: "\\"): bytes.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "\\")])
            case UInt8(ascii: "\n"): bytes.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "n")])
            case UInt8(ascii: "\r"): bytes.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "r")])
            case UInt8(ascii: "\t"): bytes.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "t")])
            case 0..<0x20:
                bytes.append(contentsOf: "\\u00".utf8)
                bytes.append(Self.hexDigits[Int(byte >> 4)])
                bytes.append(Self.hexDigits[Int(byte & 0xF)])
            default:
                bytes.append(byte)
            }
        }
    }

    private static let hexDigits: [UInt8] = Array("0123456789abcdef".utf8)
}
