import Foundation
import Synchronization
import Yams

/// A StackQL service document (OpenAPI 3 plus `components.x-stackQL-resources`). The YAML is
/// read once; each resource definition, with every `$ref` resolved, is built the first time it
/// is asked for, so a statement pays only for the resources it names.
final class ServiceDocument: Sendable {
    let provider: String
    let service: String
    /// Resource names in document order.
    let resourceNames: [String]
    private let state: Mutex<State>

    private struct State {
        let reader: Reader
        let resourceNodes: [String: Node]
        var built: [String: ResourceDefinition] = [:]
    }

    init(yaml: String, provider: String, service: String, origin: String) throws {
        self.provider = provider
        self.service = service
        guard let root = try Yams.compose(yaml: yaml) else {
            throw CloudQLError(.catalog, "The provider document \(origin) is empty.")
        }
        guard let resourceNodes = root.member("components")?.member("x-stackQL-resources")?.mapping else {
            throw CloudQLError(.catalog, "The provider document \(origin) has no components.x-stackQL-resources.")
        }
        let named = resourceNodes.compactMap { key, node in key.string.map { ($0, node) } }
        resourceNames = named.map(\.0)
        state = Mutex(State(reader: Reader(root: root, origin: origin), resourceNodes: Dictionary(named, uniquingKeysWith: { first, _ in first })))
    }

    /// The resource named `name` (case-insensitively), built on first use.
    func resource(named name: String) throws -> ResourceDefinition? {
        guard let canonical = resourceNames.first(where: { $0.lowercased() == name.lowercased() }) else { return nil }
        return try state.withLock { state in
            if let built = state.built[canonical] { return built }
            guard let node = state.resourceNodes[canonical] else { return nil }
            let resource = try state.reader.resource(named: canonical, node: node, provider: provider, service: service)
            state.built[canonical] = resource
            return resource
        }
    }

    /// Reads nodes of one document, following `$ref` pointers into it.
    private final class Reader {
        let root: Node
        let origin: String
        /// Schemas already read, by `$ref`: the same definitions are referred to many times.
        private var schemasByReference: [String: Schema] = [:]

        init(root: Node, origin: String) {
            self.root = root
            self.origin = origin
        }

        func resolve(_ node: Node, depth: Int = 0) throws -> Node {
            guard let ref = node.member("$ref")?.string else { return node }
            guard depth < 32 else {
                throw CloudQLError(.catalog, "The provider document \(origin) has a $ref cycle at \(ref).")
            }
            return try resolve(pointer(ref), depth: depth + 1)
        }

        /// Follows a JSON pointer such as `#/paths/~1subscriptions~1{id}/get`.
        func pointer(_ ref: String) throws -> Node {
            guard ref.hasPrefix("#/") else {
                throw CloudQLError(.catalog, "The provider document \(origin) refers outside itself: \(ref).")
            }
            var node = root
            for token in ref.dropFirst(2).split(separator: "/", omittingEmptySubsequences: false) {
                let key = token.replacingOccurrences(of: "~1", with: "/").replacingOccurrences(of: "~0", with: "~")
                guard let next = node.member(key) else {
                    throw CloudQLError(.catalog, "The provider document \(origin) has a $ref that leads nowhere: \(ref).")
                }
                node = next
            }
            return node
        }

        func resource(named name: String, node: Node, provider: String, service: String) throws -> ResourceDefinition {
            let selectRefs = node.member("sqlVerbs")?.member("select")?.sequence?.compactMap { $0.member("$ref")?.string } ?? []
            var verbOfMethod: [String: SQLVerb] = [:]
            for verb in SQLVerb.allCases where verb != .exec {
                for ref in node.member("sqlVerbs")?[verb.rawValue.lowercased()]?.sequence ?? [] {
                    if let method = ref.member("$ref")?.string?.split(separator: "/").last {
                        verbOfMethod[String(method)] = verb
                    }
                }
            }
            let methods = try (node.member("methods")?.mapping ?? [:]).map { key, methodNode in
                let methodName = key.string ?? ""
                return try method(named: methodName, node: methodNode, verb: verbOfMethod[methodName] ?? .exec)
            }
            let selectMethods = selectRefs.compactMap { ref -> ResourceMethod? in
                guard let methodName = ref.split(separator: "/").last else { return nil }
                return methods.first { $0.name == methodName }
            }
            return ResourceDefinition(
                provider: provider, service: service, name: name,
                title: node.member("title")?.string, description: node.member("description")?.string,
                methods: methods, selectMethods: selectMethods
            )
        }

        func method(named name: String, node: Node, verb: SQLVerb) throws -> ResourceMethod {
            guard let ref = node.member("operation")?.member("$ref")?.string else {
                throw CloudQLError(.catalog, "Method \(name) in \(origin) has no operation.$ref.")
            }
            let operation = try pointer(ref)
            // "#/paths/<path key>/<verb>": the path key carries the api-version as a query.
            let parts = ref.dropFirst(2).split(separator: "/", omittingEmptySubsequences: false)
            let pathKey = parts.dropFirst().first.map {
                $0.replacingOccurrences(of: "~1", with: "/").replacingOccurrences(of: "~0", with: "~")
            } ?? ""
            let httpMethod = parts.last.map { $0.uppercased() } ?? "GET"
            let (pathTemplate, apiVersion) = Self.splitPathKey(pathKey)

            let pathItemParameters = root.member("paths")?.member(pathKey)?.member("parameters")?.sequence.map(Array.init) ?? []
            let operationParameters = operation.member("parameters")?.sequence.map(Array.init) ?? []
            var parameters: [Parameter] = []
            for parameterNode in pathItemParameters + operationParameters {
                let resolved = try resolve(parameterNode)
                guard let parameterName = resolved.member("name")?.string,
                      let location = resolved.member("in")?.string.flatMap(Parameter.Location.init(rawValue:))
                else { continue }
                if parameterName == "api-version" { continue }
                let parameter = Parameter(
                    name: parameterName, location: location,
                    isRequired: location == .path || resolved.member("required")?.bool == true,
                    schema: try resolved.member("schema").map { try schema($0) } ?? Schema(type: "string"),
                    description: resolved.member("description")?.string
                )
                parameters.removeAll { $0.name == parameterName }
                parameters.append(parameter)
            }

            var requestBody: ResourceMethod.RequestBody?
            if let bodyNode = try operation.member("requestBody").map({ try resolve($0) }),
               let schemaNode = bodyNode.member("content")?.member("application/json")?.member("schema") {
                requestBody = .init(schema: try schema(schemaNode), isRequired: bodyNode.member("required")?.bool == true)
            }

            let docKey = node.member("response")?.member("openAPIDocKey")?.string ?? "200"
            let responseSchema = try operation.member("responses")?.member(docKey)
                .map { try resolve($0) }?.member("content")?.member("application/json")?.member("schema")
                .map { try schema($0) }

            return ResourceMethod(
                name: name,
                description: operation.member("description")?.string ?? operation.member("summary")?.string ?? "",
                operationID: operation.member("operationId")?.string,
                httpMethod: httpMethod, pathTemplate: pathTemplate, apiVersion: apiVersion,
                parameters: parameters, requestBody: requestBody, responseSchema: responseSchema,
                objectKey: node.member("response")?.member("objectKey")?.string, sqlVerb: verb
            )
        }

        /// `/a/{b}?api-version=2024-04-03` → (`/a/{b}`, `2024-04-03`).
        static func splitPathKey(_ key: String) -> (String, String?) {
            guard let question = key.firstIndex(of: "?") else { return (key, nil) }
            let query = key[key.index(after: question)...]
            let version = query.split(separator: "&")
                .first { $0.hasPrefix("api-version=") }
                .map { String($0.dropFirst("api-version=".count)) }
            return (String(key[..<question]), version)
        }

        func schema(_ node: Node, depth: Int = 0) throws -> Schema {
            guard depth < 24 else { return Schema(type: "object") }
            if let ref = node.member("$ref")?.string, node.mapping?.count == 1 {
                if let known = schemasByReference[ref] { return known }
                let schema = try self.schema(try pointer(ref), depth: depth + 1)
                schemasByReference[ref] = schema
                return schema
            }
            let resolved = try resolve(node)
            var schema = Schema(
                type: resolved.member("type")?.string,
                format: resolved.member("format")?.string,
                description: resolved.member("description")?.string,
                required: resolved.member("required")?.sequence?.compactMap(\.string) ?? [],
                enumValues: resolved.member("enum")?.sequence?.compactMap(\.string) ?? [],
                readOnly: resolved.member("readOnly")?.bool ?? false,
                additionalPropertiesAllowed: resolved.member("additionalProperties")?.bool ?? true,
                items: try resolved.member("items").map { try self.schema($0, depth: depth + 1) }
            )
            for part in resolved.member("allOf")?.sequence ?? [] {
                let inherited = try self.schema(part, depth: depth + 1)
                schema.type = schema.type ?? inherited.type
                schema.description = schema.description ?? inherited.description
                schema.required += inherited.required
                for property in inherited.properties where schema.property(property.name) == nil {
                    schema.properties.append(property)
                }
            }
            for (key, value) in resolved.member("properties")?.mapping ?? [:] {
                guard let propertyName = key.string else { continue }
                let property = SchemaProperty(name: propertyName, schema: try self.schema(value, depth: depth + 1))
                schema.properties.removeAll { $0.name == propertyName }
                schema.properties.append(property)
            }
            return schema
        }
    }
}

extension Node {
    /// The value under `key`, compared as text. Yams' own subscript compares resolved tags, so
    /// a quoted key such as `'200'` would not be found by the integer-looking literal "200".
    func member(_ key: String) -> Node? {
        mapping?.first { $0.key.string == key }?.value
    }
}
