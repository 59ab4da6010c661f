import Foundation
/// Makes StackQL's names readable to SQLite: the unquoted three-part resource name
/// `azure.desktop_virtualization.user_sessions` becomes the quoted identifier of its virtual
/// table, and `$filter`-style parameter columns become quoted identifiers (SQLite would read
/// them as bind parameters). Nothing else is touched.
struct NameRewriter {
    /// Provider names (lowercased) whose three-part names are resources.
    let providers: Set<String>
    /// Parameter column names that start with `$`.
    let dollarColumns: Set<String>

    struct Result: Equatable {
        var sql: String
        /// The three-part names the statement refers to, quoted or not, as written.
        var resourceNames: [String]
    }

    func rewrite(_ sql: String) throws -> Result {
        try rewrite(tokens: try SQLLexer.tokens(sql))
    }

    /// The same, for a statement the caller has already split into tokens.
    func rewrite(tokens: [SQLToken]) throws -> Result {
        var output = ""
        var names: [String] = []
        var index = 0
        while index < tokens.count {
            let token = tokens[index]
            if token.kind == .identifier, providers.contains(token.text.lowercased()),
               index + 4 < tokens.count,
               tokens[index + 1].text == ".", tokens[index + 2].kind == .identifier,
               tokens[index + 3].text == ".", tokens[index + 4].kind == .identifier {
                if index + 5 < tokens.count, tokens[index + 5].text == "." {
                    throw CloudQLError(.syntax, "'\(tokens[index...min(index + 6, tokens.count - 1)].map(\.text).joined())' names a method, which only EXEC can call; SELECT and DELETE take the resource name provider.service.resource.")
                }
                let name = "\(token.text).\(tokens[index + 2].text).\(tokens[index + 4].text)"
                names.append(name)
                output += "\"\(name)\""
                index += 5
                continue
            }
            if token.kind == .quotedIdentifier, let name = token.identifierName,
               name.split(separator: ".").count == 3,
               providers.contains(String(name.split(separator: ".")[0]).lowercased()) {
                names.append(name)
            }
            if token.kind == .variable, dollarColumns.contains(token.text) {
                output += "\"\(token.text)\""
            } else {
                output += token.text
            }
            index += 1
        }
        return Result(sql: output, resourceNames: names)
    }
}

extension NameRewriter {
    /// How many bytes the rewrite added before `offset` of the rewritten text: the two quotes
    /// around each rewritten name. Computed by walking both texts in step.
    static func insertedBytes(before offset: Int, in rewritten: String, original: String) -> Int {
        let rewrittenBytes = Array(rewritten.utf8), originalBytes = Array(original.utf8)
        var r = 0, o = 0, inserted = 0
        while r < min(offset, rewrittenBytes.count) {
            if o < originalBytes.count, rewrittenBytes[r] == originalBytes[o] {
                r += 1
                o += 1
            } else {
                r += 1
                inserted += 1
            }
        }
        return inserted
    }
}
