import Foundation
import NIOHTTP1

/// StackQL's EXEC: `EXEC [/*+ SHOWRESULTS */] provider.service.resource.method @a='x', @b=2 @@json='{…}'`.
struct ExecStatement: Equatable {
    var resource: String
    var method: String
    var parameters: [String: SQLValue]
    var body: String?
    var showResults: Bool

    /// Parses the statement if it is an EXEC; `nil` for any other statement.
    static func parse(_ sql: String) throws -> ExecStatement? {
        let all = try SQLLexer.tokens(sql)
        var cursor = TokenCursor(all.filter { !$0.isTrivia })
        guard cursor.accept("EXEC") || cursor.accept("EXECUTE") else { return nil }
        let showResults = all.contains { $0.kind == .comment && $0.text.hasPrefix("/*+") && $0.text.uppercased().contains("SHOWRESULTS") }
        let name = try cursor.dottedName(parts: 4, sql).split(separator: ".").map(String.init)
        var statement = ExecStatement(resource: name[0...2].joined(separator: "."), method: name[3], parameters: [:], body: nil, showResults: showResults)
        while let token = cursor.next() {
            guard token.kind == .variable, token.text.hasPrefix("@") else {
                throw CloudQLError(.syntax, "EXEC expects @name=value pairs after the method, then optionally @@json='{…}'; found '\(token.text)'.")
            }
            guard cursor.acceptPunctuation("=") else {
                throw CloudQLError(.syntax, "\(token.text) needs a value: write \(token.text)='value'.")
            }
            if token.text.lowercased() == "@@json" {
                guard statement.body == nil else { throw CloudQLError(.syntax, "EXEC takes one @@json body, not two.") }
                guard let body = cursor.next()?.stringValue else {
                    throw CloudQLError(.syntax, "@@json takes the request body as a quoted JSON string: @@json='{\"messageTitle\": \"…\"}'.")
                }
                statement.body = body
            } else {
                let name = String(token.text.dropFirst())
                guard statement.parameters[name] == nil else { throw CloudQLError(.syntax, "@\(name) is given twice.") }
                statement.parameters[name] = try value(&cursor, for: token.text)
            }
            _ = cursor.acceptPunctuation(",")
        }
        return statement
    }

    private static func value(_ cursor: inout TokenCursor, for name: String) throws -> SQLValue {
        let negative = cursor.acceptPunctuation("-")
        guard let token = cursor.next() else { throw CloudQLError(.syntax, "\(name) has no value.") }
        switch token.kind {
        case .string: return .text(token.stringValue ?? "")
        case .number:
            if let integer = Int64(token.text) { return .integer(negative ? -integer : integer) }
            if let real = Double(token.text) { return .real(negative ? -real : real) }
        case .identifier where token.isKeyword("true"): return .integer(1)
        case .identifier where token.isKeyword("false"): return .integer(0)
        case .identifier where token.isKeyword("null"): return .null
        default: break
        }
        throw CloudQLError(.syntax, "\(name)=\(token.text) is not a value: quote strings, as in \(name)='\(token.text)'.")
    }

    /// Checks the statement against the catalog and builds its request, so that nothing is sent
    /// for a call that cannot be right.
    func plan(registry: ProviderRegistry, endpoint: (String) throws -> ARMEndpoint) throws -> (ResourceDefinition, ResourceMethod, PendingMutation) {
        let definition = try registry.resource(resource)
        guard let method = definition.method(named: self.method) else {
            throw CloudQLError(.unknownName, "\(definition.qualifiedName) has no method '\(self.method)'. \(ProviderRegistry.suggestion(self.method, among: definition.methods.map(\.name), prefix: definition.qualifiedName + "."))")
        }
        switch method.sqlVerb {
        case .exec: break
        case .select:
            throw CloudQLError(.usage, "\(definition.qualifiedName).\(method.name) is a SELECT method: use SELECT … FROM \(definition.qualifiedName) WHERE \(method.requiredParameterNames.map { "\($0) = '…'" }.joined(separator: " AND ")).")
        case .delete:
            throw CloudQLError(.usage, "\(definition.qualifiedName).\(method.name) is a DELETE method: use DELETE FROM \(definition.qualifiedName) WHERE \(method.requiredParameterNames.map { "\($0) = '…'" }.joined(separator: " AND ")).")
        case .insert, .update, .replace:
            throw CloudQLError(.usage, "\(definition.qualifiedName).\(method.name) is reached with \(method.sqlVerb.rawValue), not EXEC.")
        }
        let known = Set(method.parameters.map(\.name))
        if let unknown = parameters.keys.sorted().first(where: { !known.contains($0) }) {
            throw CloudQLError(.missingParameters, "\(method.name) has no parameter @\(unknown); it takes \(method.parameters.map { "@" + $0.name }.joined(separator: ", ")).")
        }
        let missing = method.requiredParameterNames.filter { (parameters[$0] ?? .null) == .null }
        guard missing.isEmpty else {
            throw CloudQLError(.missingParameters, "\(method.name) of \(definition.qualifiedName) needs \(missing.map { "@" + $0 }.joined(separator: ", ")), which \(missing.count == 1 ? "is" : "are") missing.")
        }
        if let body {
            guard let schema = method.requestBody?.schema else {
                throw CloudQLError(.usage, "\(method.name) takes no request body: leave out @@json.")
            }
            guard let value = JSONValue(parsing: body) else {
                throw CloudQLError(.usage, "@@json is not valid JSON: \(body.prefix(80))")
            }
            try RequestBodyValidator.validate(value, against: schema, at: "@@json")
        } else if method.requestBody?.isRequired == true {
            throw CloudQLError(.usage, "\(method.name) needs a request body: add @@json='{…}' (DESCRIBE METHOD \(definition.qualifiedName).\(method.name) lists its fields).")
        }
        let url = try endpoint(definition.provider).url(for: method, values: parameters)
        let httpMethod = HTTPMethod(rawValue: method.httpMethod)
        let mutation = PendingMutation(
            httpMethod: httpMethod, url: url, body: body,
            target: String(url.drop { $0 != "/" }.dropFirst(2).drop { $0 != "/" }.prefix { $0 != "?" }),
            operation: "\(method.name) of \(definition.qualifiedName)",
            notFoundMeansDone: false,
            isIdempotent: [.GET, .PUT, .DELETE, .HEAD].contains(httpMethod)
        )
        return (definition, method, mutation)
    }
}

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
