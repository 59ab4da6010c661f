/// A method's path template, used to read parameter values back out of a resource `id`.
/// Literal segments compare case-insensitively: the live service lowercases them
/// (`resourcegroups`, `hostpools`) while the documents use camelCase.
struct ResourceIDTemplate: Sendable {
    private enum Segment: Sendable {
        /// Lowercased ASCII bytes.
        case literal([UInt8])
        case parameter(String)
    }

    private let segments: [Segment]

    init(_ pathTemplate: String) {
        segments = pathTemplate.split(separator: "/").map { part in
            part.hasPrefix("{") && part.hasSuffix("}")
                ? .parameter(String(part.dropFirst().dropLast()))
                : .literal(Array(part.lowercased().utf8))
        }
    }

    /// The parameter values in `id`, from the first template it fits. Runs once per row, so it
    /// works on the UTF-8 bytes and allocates only the values it returns.
    static func match(_ id: String, against templates: [ResourceIDTemplate]) -> [String: String]? {
        var id = id
        return id.withUTF8 { bytes -> [String: String]? in
            var parts: [Range<Int>] = []
            var start = 0
            for index in 0...bytes.count where index == bytes.count || bytes[index] == UInt8(ascii: "/") {
                if index > start { parts.append(start..<index) }
                start = index + 1
            }
            for template in templates where template.segments.count == parts.count {
                if let values = template.values(of: parts, in: bytes) { return values }
            }
            return nil
        }
    }

    private func values(of parts: [Range<Int>], in bytes: UnsafeBufferPointer<UInt8>) -> [String: String]? {
        for (segment, part) in zip(segments, parts) {
            guard case .literal(let literal) = segment else { continue }
            guard literal.count == part.count else { return nil }
            for (offset, expected) in literal.enumerated() {
                var byte = bytes[part.lowerBound + offset]
                if byte >= UInt8(ascii: "A"), byte <= UInt8(ascii: "Z") { byte += 32 }
                if byte != expected { return nil }
            }
        }
        var values: [String: String] = [:]
        for (segment, part) in zip(segments, parts) {
            if case .parameter(let name) = segment {
                values[name] = String(decoding: UnsafeBufferPointer(rebasing: bytes[part]), as: UTF8.self)
            }
        }
        return values
    }
}
