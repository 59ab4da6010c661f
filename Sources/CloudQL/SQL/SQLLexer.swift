import Foundation

/// A token of SQL text, as far as cloudql needs to know: enough to split statements, find
/// resource names and parse its own statements, never to understand SQL (SQLite does that).
struct SQLToken: Equatable {
    enum Kind: Equatable {
        case whitespace, comment, string, quotedIdentifier, identifier, number, variable, punctuation
    }

    var kind: Kind
    /// Byte offsets into the statement's UTF-8 text.
    var range: Range<Int>
    var text: String

    var isTrivia: Bool { kind == .whitespace || kind == .comment }

    /// The identifier's name: unquoted for quoted identifiers, as written otherwise.
    var identifierName: String? {
        switch kind {
        case .identifier: return text
        case .quotedIdentifier:
            let inner = text.dropFirst().dropLast()
            if text.first == "[" { return String(inner) }
            let quote = String(text.first!)
            return inner.replacingOccurrences(of: quote + quote, with: quote)
        default: return nil
        }
    }

    /// The value of a string literal, with doubled quotes undone.
    var stringValue: String? {
        guard kind == .string else { return nil }
        return String(text.dropFirst().dropLast()).replacingOccurrences(of: "''", with: "'")
    }

    func isKeyword(_ keyword: String) -> Bool {
        kind == .identifier && text.caseInsensitiveCompare(keyword) == .orderedSame
    }
}

/// Splits SQL text into tokens the way SQLite does for strings, quoted identifiers and comments.
enum SQLLexer {
    /// - Throws: `CloudQLError` for a string or quoted identifier that never ends.
    static func tokens(_ text: String) throws -> [SQLToken] {
        let bytes = Array(text.utf8)
        var tokens: [SQLToken] = []
        var index = 0
        func emit(_ kind: SQLToken.Kind, from start: Int) {
            tokens.append(SQLToken(kind: kind, range: start..<index, text: String(decoding: bytes[start..<index], as: UTF8.self)))
        }
        func closeQuoted(_ quote: UInt8, doubling: Bool, start: Int, what: String) throws {
            index += 1
            while index < bytes.count {
                if bytes[index] == quote {
                    if doubling, index + 1 < bytes.count, bytes[index + 1] == quote {
                        index += 2
                        continue
                    }
                    index += 1
                    return
                }
                index += 1
            }
            throw CloudQLError(.syntax, "Unterminated \(what) starting at \(position(of: start, in: bytes)): close it with \(Character(UnicodeScalar(quote))).")
        }
        while index < bytes.count {
            let start = index
            let byte = bytes[index]
            switch byte {
            case UInt8(ascii: " "), UInt8(ascii: "\t"), UInt8(ascii: "\n"), UInt8(ascii: "\r"), 0x0C:
                while index < bytes.count, [0x20, 0x09, 0x0A, 0x0D, 0x0C].contains(bytes[index]) { index += 1 }
                emit(.whitespace, from: start)
            case UInt8(ascii: "-") where index + 1 < bytes.count && bytes[index + 1] == UInt8(ascii: "-"):
                while index < bytes.count, bytes[index] != 0x0A { index += 1 }
                emit(.comment, from: start)
            case UInt8(ascii: "/") where index + 1 < bytes.count && bytes[index + 1] == UInt8(ascii: "*"):
                index += 2
                while index < bytes.count, !(bytes[index] == UInt8(ascii: "*") && index + 1 < bytes.count && bytes[index + 1] == UInt8(ascii: "/")) {
                    index += 1
                }
                index = min(index + 2, bytes.count)
                emit(.comment, from: start)
            case UInt8(ascii: "'"):
                try closeQuoted(byte, doubling: true, start: start, what: "string")
                emit(.string, from: start)
            case UInt8(ascii: "\""), UInt8(ascii: "`"):
                try closeQuoted(byte, doubling: true, start: start, what: "quoted identifier")
                emit(.quotedIdentifier, from: start)
            case UInt8(ascii: "["):
                try closeQuoted(UInt8(ascii: "]"), doubling: false, start: start, what: "bracketed identifier")
                emit(.quotedIdentifier, from: start)
            case UInt8(ascii: "$"), UInt8(ascii: "@"), UInt8(ascii: ":"), UInt8(ascii: "?"):
                index += 1
                // `@@json` is one variable in EXEC.
                while index < bytes.count, bytes[index] == byte, byte == UInt8(ascii: "@") { index += 1 }
                while index < bytes.count, isIdentifierByte(bytes[index]) { index += 1 }
                emit(index - start > 1 ? .variable : .punctuation, from: start)
            case UInt8(ascii: "0")...UInt8(ascii: "9"):
                while index < bytes.count, isIdentifierByte(bytes[index]) || bytes[index] == UInt8(ascii: ".") { index += 1 }
                emit(.number, from: start)
            default:
                if isIdentifierStart(byte) {
                    while index < bytes.count, isIdentifierByte(bytes[index]) { index += 1 }
                    emit(.identifier, from: start)
                } else {
                    index += 1
                    emit(.punctuation, from: start)
                }
            }
        }
        return tokens
    }

    static func isIdentifierStart(_ byte: UInt8) -> Bool {
        (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A) || byte == 0x5F || byte >= 0x80
    }

    static func isIdentifierByte(_ byte: UInt8) -> Bool {
        isIdentifierStart(byte) || (byte >= 0x30 && byte <= 0x39) || byte == UInt8(ascii: "$")
    }

    /// "line L, column C" of a byte offset, for error messages.
    static func position(of offset: Int, in bytes: [UInt8]) -> String {
        var line = 1, column = 1
        for byte in bytes[..<min(offset, bytes.count)] {
            if byte == 0x0A { line += 1; column = 1 } else if byte & 0xC0 != 0x80 { column += 1 }
        }
        return "line \(line), column \(column)"
    }
}
