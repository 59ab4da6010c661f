/// The part of an OpenAPI schema cloudql needs: enough to name and type a resource's fields,
/// describe them, and check a request body before it is sent.
public struct Schema: Sendable, Hashable {
    /// The JSON type (`string`, `integer`, `number`, `boolean`, `object`, `array`), or `nil` when
    /// the document leaves it open.
    public var type: String?
    public var format: String?
    public var description: String?
    /// Named properties in document order.
    public var properties: [SchemaProperty]
    /// Names of the properties a value must carry.
    public var required: [String]
    /// Allowed values, when the document lists them.
    public var enumValues: [String]
    public var readOnly: Bool
    /// `false` when the document forbids properties it does not name.
    public var additionalPropertiesAllowed: Bool
    // An array, because a struct cannot hold itself directly; at most one element.
    var itemSchemas: [Schema]

    public init(
        type: String? = nil, format: String? = nil, description: String? = nil,
        properties: [SchemaProperty] = [], required: [String] = [], enumValues: [String] = [],
        readOnly: Bool = false, additionalPropertiesAllowed: Bool = true, items: Schema? = nil
    ) {
        self.type = type
        self.format = format
        self.description = description
        self.properties = properties
        self.required = required
        self.enumValues = enumValues
        self.readOnly = readOnly
        self.additionalPropertiesAllowed = additionalPropertiesAllowed
        self.itemSchemas = items.map { [$0] } ?? []
    }

    /// The schema of an array's elements.
    public var items: Schema? { itemSchemas.first }

    /// The type a person reads in DESCRIBE: the declared type, or `object` when only properties say so.
    public var displayType: String {
        if let type { return type }
        if !properties.isEmpty { return "object" }
        if items != nil { return "array" }
        return "string"
    }

    /// The named property's schema.
    public func property(_ name: String) -> Schema? {
        properties.first { $0.name == name }?.schema
    }
}

/// One named property of an object schema.
public struct SchemaProperty: Sendable, Hashable {
    public var name: String
    public var schema: Schema
}
