extension SessionFilter {
    /// Parses a `$filter` value.
    /// - Throws: an `InvalidFilter` ARM error saying what is wrong and what is supported.
    static func parse(_ text: String) throws(ARMError) -> SessionFilter {
        var tokens: [Token]
        do {
            tokens = try tokenize(text)
        } catch {
            throw .invalidFilter(text, problem: error.problem)
        }
        var clauses: [Clause] = []
        while true {
            guard case .word(let name)? = tokens.first else {
                throw .invalidFilter(text, problem: "expected a field name \(tokens.isEmpty ? "at the end" : "here")")
            }
            let field: Field
            switch name.lowercased() {
            case "userprincipalname": field = .userPrincipalName
            case "sessionstate", "state": field = .sessionState
            default: throw .invalidFilter(text, problem: "the field '\(name)' cannot be filtered on")
            }
            guard tokens.count >= 3, case .word(let op) = tokens[1], op.lowercased() == "eq" else {
                throw .invalidFilter(text, problem: "only the operator 'eq' is supported, after '\(name)'")
            }
            guard case .quoted(let value) = tokens[2] else {
                throw .invalidFilter(text, problem: "the value after '\(name) eq' must be a string in single quotes")
            }
            clauses.append(Clause(field: field, value: value.lowercased()))
            tokens.removeFirst(3)
            if tokens.isEmpty { break }
            guard case .word(let joiner) = tokens[0], joiner.lowercased() == "and" else {
                throw .invalidFilter(text, problem: "clauses can only be joined with 'and'")
            }
            tokens.removeFirst()
        }
        return SessionFilter(clauses: clauses)
    }

    private enum Token {
        case word(String)
        case quoted(String)
    }

    private struct TokenError: Error {
        let problem: String
    }

    private static func tokenize(_ text: String) throws(TokenError) -> [Token] {
        var tokens: [Token] = []
        var characters = text[...]
        while let first = characters.first {
            if first == " " || first == "\t" {
                characters.removeFirst()
            } else if first == "'" {
                characters.removeFirst()
                var value = ""
                var closed = false
                while let character = characters.popFirst() {
                    if character == "'" {
                        // Two quotes inside a string stand for one quote (OData escaping).
                        if characters.first == "'" {
                            characters.removeFirst()
                            value.append("'")
                        } else {
                            closed = true
                            break
                        }
                    } else {
                        value.append(character)
                    }
                }
                guard closed else { throw TokenError(problem: "a quoted value is not closed") }
                tokens.append(.quoted(value))
            } else if first == "(" || first == ")" {
                throw TokenError(problem: "parentheses are not supported")
            } else {
                let word = characters.prefix { $0 != " " && $0 != "\t" && $0 != "'" && $0 != "(" && $0 != ")" }
                characters.removeFirst(word.count)
                tokens.append(.word(String(word)))
            }
        }
        return tokens
    }
}
