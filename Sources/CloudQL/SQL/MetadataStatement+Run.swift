import Foundation

extension MetadataStatement {
    /// Runs the statement against the catalog.
    func run(registry: ProviderRegistry) throws -> ResultSet {
        switch self {
        case .showProviders:
            return ResultSet(columnNames: ["name", "version"], rows: registry.allProviders.map { [$0.name, $0.version] })
        case .showServices(let providerName, let like):
            let provider = try registry.requireProvider(named: providerName)
            let rows = provider.services
                .filter { like.map(LikePattern.init)?.matches($0.name) ?? true }
                .sorted { $0.name < $1.name }
                .map { ["\($0.name):\(provider.version)", $0.name, $0.title] }
            return ResultSet(columnNames: ["id", "name", "title"], rows: rows)
        case .showResources(let provider, let service, let like):
            let rows = try registry.resourceNames(provider: provider, service: service)
                .filter { like.map(LikePattern.init)?.matches($0.name) ?? true }
                .sorted { $0.name < $1.name }
                .map { [$0.name, $0.qualifiedName] }
            return ResultSet(columnNames: ["name", "id"], rows: rows)
        case .showMethods(let name, let extended):
            let resource = try registry.resource(name)
            let ordered = resource.selectMethods + resource.methods.filter { method in
                !resource.selectMethods.contains { $0.name == method.name }
            }.sorted { Self.verbRank($0.sqlVerb) < Self.verbRank($1.sqlVerb) }
            let rows = ordered.map { method in
                [method.name, method.requiredParameterNames.joined(separator: ", "), method.sqlVerb.rawValue]
                    + (extended ? [method.description] : [])
            }
            return ResultSet(
                columnNames: ["MethodName", "RequiredParams", "SQLVerb"] + (extended ? ["description"] : []),
                rows: rows
            )
        case .describe(let name, let extended):
            let resource = try registry.resource(name)
            let rows = resource.fields.map { [$0.name, $0.type] + (extended ? [$0.description] : []) }
            return ResultSet(columnNames: ["name", "type"] + (extended ? ["description"] : []), rows: rows)
        case .describeMethod(let name, let methodName):
            let resource = try registry.resource(name)
            guard let method = resource.method(named: methodName) else {
                throw CloudQLError(.unknownName, "\(resource.qualifiedName) has no method '\(methodName)'. \(ProviderRegistry.suggestion(methodName, among: resource.methods.map(\.name)))")
            }
            var rows = method.parameters.map { parameter in
                [parameter.name, parameter.location.rawValue, parameter.schema.displayType,
                 parameter.isRequired ? "true" : "false", parameter.description ?? ""]
            }
            for property in method.requestBody?.schema.properties ?? [] {
                let required = method.requestBody?.schema.required.contains(property.name) ?? false
                rows.append(["@@json." + property.name, "body", property.schema.displayType,
                             required ? "true" : "false", property.schema.description ?? ""])
            }
            return ResultSet(columnNames: ["name", "in", "type", "required", "description"], rows: rows)
        }
    }

    private static func verbRank(_ verb: SQLVerb) -> Int {
        SQLVerb.allCases.firstIndex(of: verb) ?? 0
    }
}
