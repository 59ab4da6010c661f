import Foundation
import NIOHTTP1

extension ExecStatement {
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
