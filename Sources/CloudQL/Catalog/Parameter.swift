/// A request parameter of a method: a path segment or a query parameter.
public struct Parameter: Sendable, Hashable {
    public enum Location: String, Sendable {
        case path, query, header
    }

    public var name: String
    public var location: Location
    public var isRequired: Bool
    public var schema: Schema
    public var description: String?
}
