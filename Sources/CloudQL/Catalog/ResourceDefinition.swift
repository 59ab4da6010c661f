/// A resource that SQL can address, such as `azure.desktop_virtualization.user_sessions`.
public struct ResourceDefinition: Sendable {
    public var provider: String
    public var service: String
    public var name: String
    public var title: String?
    public var description: String?
    /// Every method, in the order the document lists them.
    public var methods: [ResourceMethod]
    /// SELECT methods in StackQL's order of preference: the first whose required parameters
    /// are all bound is used.
    public var selectMethods: [ResourceMethod]

    /// `provider.service.resource`.
    public var qualifiedName: String { "\(provider).\(service).\(name)" }

    public func methods(for verb: SQLVerb) -> [ResourceMethod] {
        verb == .select ? selectMethods : methods.filter { $0.sqlVerb == verb }
    }

    public func method(named name: String) -> ResourceMethod? {
        methods.first { $0.name == name }
    }

    /// The fields of a result row (from the first SELECT method's row schema), sorted by name.
    public var fields: [Field] {
        guard let schema = selectMethods.first?.rowSchema else { return [] }
        return schema.properties
            .map { Field(name: $0.name, type: $0.schema.displayType, description: $0.schema.description ?? "") }
            .sorted { $0.name.lowercased() < $1.name.lowercased() }
    }

    /// Every request parameter of every method, each once, in first-seen order: these become
    /// the table's hidden parameter columns.
    public var parameterNames: [String] {
        var seen = Set<String>()
        var names: [String] = []
        for method in methods {
            for parameter in method.parameters where parameter.location != .header {
                if seen.insert(parameter.name).inserted { names.append(parameter.name) }
            }
        }
        return names
    }

    /// A field of a result row.
    public struct Field: Sendable, Hashable {
        public var name: String
        public var type: String
        public var description: String
    }
}
