import Foundation

/// StackQL's EXEC: `EXEC [/*+ SHOWRESULTS */] provider.service.resource.method @a='x', @b=2 @@json='{…}'`.
struct ExecStatement: Equatable {
    var resource: String
    var method: String
    var parameters: [String: SQLValue]
    var body: String?
    var showResults: Bool

    /// Parses the statement if it is an EXEC; `nil` for any other statement.
    static func parse(_ sql: String) throws -> ExecStatement? {
        try parse(sql, tokens: try SQLLexer.tokens(sql))
    }

    /// The same, for a statement the caller has already split into tokens.
    static func parse(_ sql: String, tokens all: [SQLToken]) throws -> ExecStatement? {
        var cursor = TokenCursor(all.filter { !$0.isTrivia })
        guard cursor.accept("EXEC") || cursor.accept("EXECUTE") else { return nil }
        let showResults = all.contains { $0.kind == .comment && $0.text.hasPrefix("/*+") && $0.text.uppercased().contains("SHOWRESULTS") }
        let name = try cursor.dottedName(parts: 4, sql)
        var statement = ExecStatement(resource: name[0...2].joined(separator: "."), method: name[3], parameters: [:], body: nil, showResults: showResults)
        while let token = cursor.next() {
            guard token.kind == .variable, token.text.hasPrefix("@") else {
                throw CloudQLError(.syntax, "EXEC expects @name=value pairs after the method, then optionally @@json='{…}'; found '\(token.text)'.")
            }
            guard cursor.acceptPunctuation("=") else {
                throw CloudQLError(.syntax, "\(token.text) needs a value: write \(token.text)='value'.")
            }
            if token.text.lowercased() == "@@json" {
                guard statement.body == nil else { throw CloudQLError(.syntax, "EXEC takes one @@json body, not two.") }
                guard let body = cursor.next()?.stringValue else {
                    throw CloudQLError(.syntax, "@@json takes the request body as a quoted JSON string: @@json='{\"messageTitle\": \"…\"}'.")
                }
                statement.body = body
            } else {
                let name = String(token.text.dropFirst())
                guard statement.parameters[name] == nil else { throw CloudQLError(.syntax, "@\(name) is given twice.") }
                statement.parameters[name] = try value(&cursor, for: token.text)
            }
            _ = cursor.acceptPunctuation(",")
        }
        return statement
    }

    private static func value(_ cursor: inout TokenCursor, for name: String) throws -> SQLValue {
        let negative = cursor.acceptPunctuation("-")
        guard let token = cursor.next() else { throw CloudQLError(.syntax, "\(name) has no value.") }
        switch token.kind {
        case .string: return .text(token.stringValue ?? "")
        case .number:
            if let integer = Int64(token.text) { return .integer(negative ? -integer : integer) }
            if let real = Double(token.text) { return .real(negative ? -real : real) }
        case .identifier where token.isKeyword("true"): return .integer(1)
        case .identifier where token.isKeyword("false"): return .integer(0)
        case .identifier where token.isKeyword("null"): return .null
        default: break
        }
        throw CloudQLError(.syntax, "\(name)=\(token.text) is not a value: quote strings, as in \(name)='\(token.text)'.")
    }
}
