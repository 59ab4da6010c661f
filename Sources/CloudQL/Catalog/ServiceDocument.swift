import Foundation
import Yams

/// A StackQL service document (OpenAPI 3 plus `components.x-stackQL-resources`), read into
/// resource definitions with every `$ref` resolved.
struct ServiceDocument {
    let provider: String
    let service: String
    let resources: [ResourceDefinition]

    init(yaml: String, provider: String, service: String, origin: String) throws {
        self.provider = provider
        self.service = service
        guard let root = try Yams.compose(yaml: yaml) else {
            throw CloudQLError(.catalog, "The provider document \(origin) is empty.")
        }
        let reader = Reader(root: root, origin: origin)
        guard let resourceNodes = root["components"]?["x-stackQL-resources"]?.mapping else {
            throw CloudQLError(.catalog, "The provider document \(origin) has no components.x-stackQL-resources.")
        }
        resources = try resourceNodes.map { key, node in
            try reader.resource(named: key.string ?? "", node: node, provider: provider, service: service)
        }
    }

    /// Reads nodes of one document, following `$ref` pointers into it.
    private struct Reader {
        let root: Node
        let origin: String

        func resolve(_ node: Node, depth: Int = 0) throws -> Node {
            guard let ref = node["$ref"]?.string else { return node }
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
            let selectRefs = node["sqlVerbs"]?["select"]?.sequence?.compactMap { $0["$ref"]?.string } ?? []
            var verbOfMethod: [String: SQLVerb] = [:]
            for verb in SQLVerb.allCases where verb != .exec {
                for ref in node["sqlVerbs"]?[verb.rawValue.lowercased()]?.sequence ?? [] {
                    if let method = ref["$ref"]?.string?.split(separator: "/").last {
                        verbOfMethod[String(method)] = verb
                    }
                }
            }
            let methods = try (node["methods"]?.mapping ?? [:]).map { key, methodNode in
                let methodName = key.string ?? ""
                return try method(named: methodName, node: methodNode, verb: verbOfMethod[methodName] ?? .exec)
            }
            let selectMethods = selectRefs.compactMap { ref -> ResourceMethod? in
                guard let methodName = ref.split(separator: "/").last else { return nil }
                return methods.first { $0.name == methodName }
            }
            return ResourceDefinition(
                provider: provider, service: service, name: name,
                title: node["title"]?.string, description: node["description"]?.string,
                methods: methods, selectMethods: selectMethods
            )
        }

        func method(named name: String, node: Node, verb: SQLVerb) throws -> ResourceMethod {
            guard let ref = node["operation"]?["$ref"]?.string else {
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

            let pathItemParameters = root["paths"]?.member(pathKey)?["parameters"]?.sequence.map(Array.init) ?? []
            let operationParameters = operation["parameters"]?.sequence.map(Array.init) ?? []
            var parameters: [Parameter] = []
            for parameterNode in pathItemParameters + operationParameters {
                let resolved = try resolve(parameterNode)
                guard let parameterName = resolved["name"]?.string,
                      let location = resolved["in"]?.string.flatMap(Parameter.Location.init(rawValue:))
                else { continue }
                if parameterName == "api-version" { continue }
                let parameter = Parameter(
                    name: parameterName, location: location,
                    isRequired: location == .path || resolved["required"]?.bool == true,
                    schema: try resolved["schema"].map { try schema($0) } ?? Schema(type: "string"),
                    description: resolved["description"]?.string
                )
                parameters.removeAll { $0.name == parameterName }
                parameters.append(parameter)
            }

            var requestBody: ResourceMethod.RequestBody?
            if let bodyNode = try operation["requestBody"].map({ try resolve($0) }),
               let schemaNode = bodyNode["content"]?["application/json"]?["schema"] {
                requestBody = .init(schema: try schema(schemaNode), isRequired: bodyNode["required"]?.bool == true)
            }

            let docKey = node["response"]?["openAPIDocKey"]?.string ?? "200"
            let responseSchema = try operation["responses"]?.member(docKey)
                .map { try resolve($0) }?["content"]?["application/json"]?["schema"]
                .map { try schema($0) }

            return ResourceMethod(
                name: name,
                description: operation["description"]?.string ?? operation["summary"]?.string ?? "",
                operationID: operation["operationId"]?.string,
                httpMethod: httpMethod, pathTemplate: pathTemplate, apiVersion: apiVersion,
                parameters: parameters, requestBody: requestBody, responseSchema: responseSchema,
                objectKey: node["response"]?["objectKey"]?.string, sqlVerb: verb
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
            let resolved = try resolve(node)
            var schema = Schema(
                type: resolved["type"]?.string,
                format: resolved["format"]?.string,
                description: resolved["description"]?.string,
                required: resolved["required"]?.sequence?.compactMap(\.string) ?? [],
                enumValues: resolved["enum"]?.sequence?.compactMap(\.string) ?? [],
                readOnly: resolved["readOnly"]?.bool ?? false,
                additionalPropertiesAllowed: resolved["additionalProperties"]?.bool ?? true,
                items: try resolved["items"].map { try self.schema($0, depth: depth + 1) }
            )
            for part in resolved["allOf"]?.sequence ?? [] {
                let inherited = try self.schema(part, depth: depth + 1)
                schema.type = schema.type ?? inherited.type
                schema.description = schema.description ?? inherited.description
                schema.required += inherited.required
                for property in inherited.properties where schema.property(property.name) == nil {
                    schema.properties.append(property)
                }
            }
            for (key, value) in resolved["properties"]?.mapping ?? [:] {
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
