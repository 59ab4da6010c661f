import Foundation

/// StackQL's statements about the catalog: SHOW and DESCRIBE.
enum MetadataStatement: Equatable {
    case showProviders
    case showServices(provider: String, like: String?)
    case showResources(provider: String, service: String, like: String?)
    case showMethods(resource: String, extended: Bool)
    case describe(resource: String, extended: Bool)
    case describeMethod(resource: String, method: String)

    /// Parses the statement if it is a SHOW or DESCRIBE; `nil` for any other statement.
    static func parse(_ sql: String) throws -> MetadataStatement? {
        try parse(sql, tokens: try SQLLexer.tokens(sql))
    }

    /// The same, for a statement the caller has already split into tokens.
    static func parse(_ sql: String, tokens: [SQLToken]) throws -> MetadataStatement? {
        var cursor = TokenCursor(tokens.filter { !$0.isTrivia })
        guard let first = cursor.peek else { return nil }
        if first.isKeyword("SHOW") {
            cursor.advance()
            if cursor.accept("PROVIDERS") {
                try cursor.expectEnd(sql)
                return .showProviders
            }
            let extended = cursor.accept("EXTENDED")
            if cursor.accept("SERVICES") {
                try cursor.expect("IN", sql)
                let provider = try cursor.dottedName(parts: 1, sql)[0]
                return .showServices(provider: provider, like: try cursor.likeClause(sql))
            }
            if cursor.accept("RESOURCES") {
                try cursor.expect("IN", sql)
                let name = try cursor.dottedName(parts: 2, sql)
                return .showResources(provider: name[0], service: name[1], like: try cursor.likeClause(sql))
            }
            if cursor.accept("METHODS") {
                try cursor.expect("IN", sql)
                let resource = try cursor.dottedName(parts: 3, sql).joined(separator: ".")
                try cursor.expectEnd(sql)
                return .showMethods(resource: resource, extended: extended)
            }
            throw CloudQLError(.syntax, "Unknown SHOW statement '\(sql)': use SHOW PROVIDERS, SHOW SERVICES IN p, SHOW RESOURCES IN p.s or SHOW [EXTENDED] METHODS IN p.s.r.")
        }
        if first.isKeyword("DESCRIBE") || first.isKeyword("DESC") {
            cursor.advance()
            if cursor.accept("METHOD") {
                let name = try cursor.dottedName(parts: 4, sql)
                try cursor.expectEnd(sql)
                return .describeMethod(resource: name[0...2].joined(separator: "."), method: name[3])
            }
            let extended = cursor.accept("EXTENDED")
            let resource = try cursor.dottedName(parts: 3, sql).joined(separator: ".")
            try cursor.expectEnd(sql)
            return .describe(resource: resource, extended: extended)
        }
        return nil
    }
}

/// A SQL LIKE pattern (`%`, `_`), matched case-insensitively as SQLite does for ASCII.
struct LikePattern {
    let pattern: [Character]

    init(_ pattern: String) { self.pattern = Array(pattern.lowercased()) }

    func matches(_ text: String) -> Bool {
        let text = Array(text.lowercased())
        var memo = [[Bool?]](repeating: [Bool?](repeating: nil, count: text.count + 1), count: pattern.count + 1)
        func match(_ p: Int, _ t: Int) -> Bool {
            if let known = memo[p][t] { return known }
            let result: Bool
            if p == pattern.count {
                result = t == text.count
            } else if pattern[p] == "%" {
                result = match(p + 1, t) || (t < text.count && match(p, t + 1))
            } else {
                result = t < text.count && (pattern[p] == "_" || pattern[p] == text[t]) && match(p + 1, t + 1)
            }
            memo[p][t] = result
            return result
        }
        return match(0, 0)
    }
}

/// Walks the significant tokens of one of cloudql's own statements.
struct TokenCursor {
    private let tokens: [SQLToken]
    private var index = 0

    init(_ tokens: [SQLToken]) { self.tokens = tokens }

    var peek: SQLToken? { index < tokens.count ? tokens[index] : nil }
    var isAtEnd: Bool { index >= tokens.count }

    mutating func advance() { index += 1 }

    mutating func next() -> SQLToken? {
        defer { index += 1 }
        return peek
    }

    mutating func accept(_ keyword: String) -> Bool {
        guard peek?.isKeyword(keyword) == true else { return false }
        index += 1
        return true
    }

    mutating func acceptPunctuation(_ text: String) -> Bool {
        guard let token = peek, token.kind == .punctuation, token.text == text else { return false }
        index += 1
        return true
    }

    mutating func expect(_ keyword: String, _ sql: String) throws {
        guard accept(keyword) else {
            throw CloudQLError(.syntax, "Expected \(keyword) \(where_) in: \(sql)")
        }
    }

    mutating func expectEnd(_ sql: String) throws {
        guard isAtEnd else {
            throw CloudQLError(.syntax, "Unexpected '\(peek!.text)' \(where_) in: \(sql)")
        }
    }

    /// The parts of `a.b.c`, exactly `parts` of them; quoted parts allowed, as is one quoted
    /// dotted name. Returned as parts: joining and splitting again is wrong when a name starts
    /// with a combining mark, which fuses with the dot into one Character.
    mutating func dottedName(parts: Int, _ sql: String) throws -> [String] {
        var names: [String] = []
        repeat {
            guard let token = peek, let name = token.identifierName else {
                throw CloudQLError(.syntax, "Expected a name of the form \(Self.shape(parts)) \(where_) in: \(sql)")
            }
            names.append(contentsOf: token.kind == .quotedIdentifier ? name.split(separator: ".").map(String.init) : [name])
            advance()
        } while acceptPunctuation(".")
        guard names.count == parts else {
            throw CloudQLError(.syntax, "Expected a name of the form \(Self.shape(parts)), got '\(names.joined(separator: "."))'.")
        }
        return names
    }

    mutating func likeClause(_ sql: String) throws -> String? {
        guard accept("LIKE") else {
            try expectEnd(sql)
            return nil
        }
        guard let pattern = next()?.stringValue else {
            throw CloudQLError(.syntax, "LIKE needs a quoted pattern such as '%desk%' in: \(sql)")
        }
        try expectEnd(sql)
        return pattern
    }

    private var where_: String {
        peek.map { "at '\($0.text)'" } ?? "at the end"
    }

    private static func shape(_ parts: Int) -> String {
        ["provider", "provider.service", "provider.service.resource", "provider.service.resource.method"][parts - 1]
    }
}
