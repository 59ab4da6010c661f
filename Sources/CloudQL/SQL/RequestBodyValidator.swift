/// Checks a request body against the method's schema before it is sent.
enum RequestBodyValidator {
    static func validate(_ value: JSONValue, against schema: Schema, at path: String) throws {
        func fail(_ problem: String) -> CloudQLError {
            CloudQLError(.usage, "\(path) \(problem).")
        }
        switch schema.displayType {
        case "object":
            guard case .object(let members) = value else { throw fail("must be a JSON object, not \(value.kindName)") }
            for (name, member) in members.sorted(by: { $0.key < $1.key }) {
                if let property = schema.property(name) {
                    try validate(member, against: property, at: "\(path).\(name)")
                } else if !schema.additionalPropertiesAllowed || !schema.properties.isEmpty {
                    throw CloudQLError(.usage, "\(path) has an unknown field '\(name)'; the fields are \(schema.properties.map(\.name).joined(separator: ", ")).")
                }
            }
            if let missing = schema.required.first(where: { members[$0] == nil }) {
                throw fail("lacks the required field '\(missing)'")
            }
        case "array":
            guard case .array(let elements) = value else { throw fail("must be a JSON array, not \(value.kindName)") }
            if let items = schema.items {
                for (index, element) in elements.enumerated() { try validate(element, against: items, at: "\(path)[\(index)]") }
            }
        case "string":
            guard case .string(let text) = value else { throw fail("must be a string, not \(value.kindName)") }
            if !schema.enumValues.isEmpty, !schema.enumValues.contains(text) {
                throw fail("must be one of \(schema.enumValues.joined(separator: ", "))")
            }
        case "integer":
            guard case .number(let number) = value, number.rounded() == number else { throw fail("must be an integer, not \(value.kindName)") }
        case "number":
            guard case .number = value else { throw fail("must be a number, not \(value.kindName)") }
        case "boolean":
            guard case .bool = value else { throw fail("must be true or false, not \(value.kindName)") }
        default:
            break
        }
    }
}

extension JSONValue {
    /// `a string`, `a number`, … for messages.
    var kindName: String {
        switch self {
        case .null: return "null"
        case .bool: return "a boolean"
        case .number: return "a number"
        case .string: return "a string"
        case .array: return "an array"
        case .object: return "an object"
        }
    }
}
