import Foundation

/// Plain-language descriptions of decoding failures, for scenario files and request bodies.
extension DecodingError {
    /// Where the problem is, rendered as `a.b[2].c`; empty for the document itself.
    var jsonPath: String {
        let codingPath: [any CodingKey] =
            switch self {
            case .typeMismatch(_, let context), .valueNotFound(_, let context), .keyNotFound(_, let context),
                .dataCorrupted(let context):
                context.codingPath
            @unknown default: []
            }
        var text = ""
        for key in codingPath {
            if let index = key.intValue {
                text += "[\(index)]"
            } else {
                text += text.isEmpty ? key.stringValue : ".\(key.stringValue)"
            }
        }
        return text
    }

    /// What is wrong, as a sentence fragment.
    var problem: String {
        switch self {
        case .typeMismatch(let type, let context):
            "expected \(Self.describe(type))\(Self.foundClause(context.debugDescription))"
        case .valueNotFound(let type, _):
            "expected \(Self.describe(type)) but found null"
        case .keyNotFound(let key, _):
            "the required key \"\(key.stringValue)\" is missing"
        case .dataCorrupted(let context):
            context.underlyingError.map { "\(context.debugDescription) (\(String(describing: $0)))" } ?? context.debugDescription
        @unknown default:
            "\(self)"
        }
    }

    private static func describe(_ type: Any.Type) -> String {
        switch type {
        case is String.Type: return "a string"
        case is Int.Type: return "an integer"
        case is Bool.Type: return "true or false"
        default:
            return String(describing: type).hasPrefix("Array") ? "an array" : "an object"
        }
    }

    /// Keeps the "but found …" part of Foundation's message, which says what was there instead.
    private static func foundClause(_ debugDescription: String) -> String {
        guard let range = debugDescription.range(of: " but found ") else { return "" }
        var found = String(debugDescription[range.lowerBound...])
        if found.hasSuffix(" instead.") { found.removeLast(" instead.".count) }
        if found.hasSuffix(".") { found.removeLast() }
        return found
    }
}
