/// The `$filter` of UserSessions_ListByHostPool: `<field> eq '<value>'` clauses joined by
/// `and`, over `userPrincipalName` and `sessionState` (alias `state`). Keywords, field names
/// and values are all compared case-insensitively, as the API's own example
/// (`… and state eq 'active'`) requires.
struct SessionFilter: Sendable, Equatable {
    enum Field: Sendable, Equatable {
        case userPrincipalName
        case sessionState
    }

    struct Clause: Sendable, Equatable {
        let field: Field
        /// Lowercased, so matching needs no allocation per session.
        let value: String
    }

    let clauses: [Clause]

    func matches(userPrincipalName: String, sessionState: String) -> Bool {
        clauses.allSatisfy { clause in
            switch clause.field {
            case .userPrincipalName: Self.equalIgnoringCase(userPrincipalName, clause.value)
            case .sessionState: Self.equalIgnoringCase(sessionState, clause.value)
            }
        }
    }

    /// `lowercasedNeedle` must already be lowercased. ASCII is compared byte by byte; anything
    /// else falls back to full Unicode lowercasing.
    static func equalIgnoringCase(_ text: String, _ lowercasedNeedle: String) -> Bool {
        var haystack = text.utf8.makeIterator()
        var needle = lowercasedNeedle.utf8.makeIterator()
        while true {
            switch (haystack.next(), needle.next()) {
            case (nil, nil): return true
            case (let a?, let b?):
                if a >= 0x80 || b >= 0x80 { return text.lowercased() == lowercasedNeedle }
                let lowered = (a >= UInt8(ascii: "A") && a <= UInt8(ascii: "Z")) ? a + 32 : a
                if lowered != b { return false }
            default: return false
            }
        }
    }
}
