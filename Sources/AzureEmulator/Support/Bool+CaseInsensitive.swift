extension Bool {
    /// `true`/`false` in any case, as ASP.NET-based services accept them.
    init?(caseInsensitive text: String) {
        switch text.lowercased() {
        case "true": self = true
        case "false": self = false
        default: return nil
        }
    }
}
