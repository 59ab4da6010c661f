extension StringProtocol {
    /// ASCII case-insensitive equality, enough for path literals and keywords.
    func caseInsensitiveEquals(_ other: some StringProtocol) -> Bool {
        guard utf8.count == other.utf8.count else { return false }
        for (a, b) in zip(utf8, other.utf8) where a != b {
            let lowerA = (65...90).contains(a) ? a + 32 : a
            let lowerB = (65...90).contains(b) ? b + 32 : b
            if lowerA != lowerB { return false }
        }
        return true
    }
}
