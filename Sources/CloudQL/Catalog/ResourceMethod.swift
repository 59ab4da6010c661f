/// One operation of a resource, as its provider document describes it.
public struct ResourceMethod: Sendable {
    public var name: String
    public var description: String
    public var operationID: String?
    /// `GET`, `POST`, `DELETE`, …
    public var httpMethod: String
    /// The path with `{parameter}` placeholders and without the query, e.g.
    /// `/subscriptions/{subscriptionId}/providers/…`.
    public var pathTemplate: String
    /// The `api-version` the document fixes for this path, if any.
    public var apiVersion: String?
    public var parameters: [Parameter]
    public var requestBody: RequestBody?
    /// Schema of the response body selected by `openAPIDocKey`.
    public var responseSchema: Schema?
    /// Where the result rows sit in the response, e.g. `$.value`; `nil` when the body is the row.
    public var objectKey: String?
    public var sqlVerb: SQLVerb

    /// A request body a method accepts.
    public struct RequestBody: Sendable {
        public var schema: Schema
        public var isRequired: Bool
    }

    /// Names of the parameters that must be given, sorted as StackQL lists them.
    public var requiredParameterNames: [String] {
        parameters.filter(\.isRequired).map(\.name).sorted { $0.lowercased() < $1.lowercased() }
    }

    public var pathParameters: [Parameter] { parameters.filter { $0.location == .path } }
    public var queryParameters: [Parameter] { parameters.filter { $0.location == .query } }

    public func parameter(named name: String) -> Parameter? {
        parameters.first { $0.name == name }
    }

    /// The schema of one result row: the response schema, or the items at `objectKey`.
    public var rowSchema: Schema? {
        guard var schema = responseSchema else { return nil }
        guard let objectKey else { return schema }
        for key in Self.keyPath(objectKey) {
            guard let next = schema.property(key) else { return nil }
            schema = next
        }
        return schema.items ?? schema
    }

    /// `$.value` → `["value"]`.
    static func keyPath(_ objectKey: String) -> [String] {
        objectKey.split(separator: ".").map(String.init).filter { $0 != "$" }
    }
}
