import Foundation

/// Splits a script into statements at each `;` that is not inside a string, quoted identifier
/// or comment. Statements that hold only comments or whitespace are dropped.
enum StatementSplitter {
    static func split(_ script: String) throws -> [String] {
        let tokens = try SQLLexer.tokens(script)
        var statements: [String] = []
        var current: [SQLToken] = []
        func flush() {
            if current.contains(where: { !$0.isTrivia }) {
                statements.append(current.map(\.text).joined().trimmingCharacters(in: .whitespacesAndNewlines))
            }
            current.removeAll()
        }
        for token in tokens {
            if token.kind == .punctuation && token.text == ";" {
                flush()
            } else {
                current.append(token)
            }
        }
        flush()
        return statements
    }
}
