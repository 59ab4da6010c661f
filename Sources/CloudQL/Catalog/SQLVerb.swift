/// The SQL statement through which a method is reached.
public enum SQLVerb: String, Sendable, CaseIterable {
    case select = "SELECT"
    case insert = "INSERT"
    case update = "UPDATE"
    case replace = "REPLACE"
    case delete = "DELETE"
    case exec = "EXEC"
}
