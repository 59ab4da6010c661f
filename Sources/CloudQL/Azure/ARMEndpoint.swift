import Foundation

/// The base URL requests for a provider go to: `https://management.azure.com` unless replaced
/// (the emulator, a sovereign cloud, a proxy). The token is only ever sent to this origin.
public struct ARMEndpoint: Sendable, Hashable {
    public static let azurePublicCloud = ARMEndpoint(validated: "https://management.azure.com", scheme: "https", host: "management.azure.com", port: 443)

    /// Scheme, host and port, without a trailing slash; may carry a base path.
    public let baseURL: String
    let scheme: String
    let host: String
    let port: Int

    private init(validated baseURL: String, scheme: String, host: String, port: Int) {
        self.baseURL = baseURL
        self.scheme = scheme
        self.host = host
        self.port = port
    }

    /// - Throws: `CloudQLError` when `text` is not an absolute http(s) URL.
    public init(_ text: String) throws {
        var trimmed = text.trimmingCharacters(in: .whitespaces)
        while trimmed.hasSuffix("/") { trimmed.removeLast() }
        guard let components = URLComponents(string: trimmed),
              let scheme = components.scheme?.lowercased(), scheme == "http" || scheme == "https",
              let host = components.host, !host.isEmpty,
              components.query == nil, components.fragment == nil
        else {
            throw CloudQLError(.usage, "'\(text)' is not a usable endpoint: give an absolute http or https URL such as https://management.azure.com or http://127.0.0.1:8443.")
        }
        self.init(validated: trimmed, scheme: scheme, host: host.lowercased(), port: components.port ?? (scheme == "https" ? 443 : 80))
    }

    /// Whether `url` points at this endpoint's origin (scheme, host and port).
    func isSameOrigin(_ url: String) -> Bool {
        // Every request checks this; the URLs cloudql builds itself start with the base URL.
        if url.hasPrefix(baseURL), let next = url.dropFirst(baseURL.count).first, next == "/" || next == "?" {
            return true
        }
        guard let components = URLComponents(string: url),
              let scheme = components.scheme?.lowercased(), let host = components.host?.lowercased()
        else { return false }
        let port = components.port ?? (scheme == "https" ? 443 : 80)
        return scheme == self.scheme && host == self.host && port == self.port
    }

    /// The URL of `method` with `values` filled in: every path parameter encoded as one
    /// segment, then `api-version` and the optional query parameters that have values.
    func url(for method: ResourceMethod, values: [String: SQLValue]) throws -> String {
        var path = ""
        var rest = Substring(method.pathTemplate)
        while let open = rest.firstIndex(of: "{"), let close = rest[open...].firstIndex(of: "}") {
            path += rest[..<open]
            let name = String(rest[rest.index(after: open)..<close])
            guard let value = values[name], let text = value.parameterText(as: nil) else {
                throw CloudQLError(.missingParameters, "\(method.name) needs a value for \(name).")
            }
            path += PathSegment.encode(text)
            rest = rest[rest.index(after: close)...]
        }
        path += rest
        var query: [String] = []
        if let version = method.apiVersion {
            query.append("api-version=\(PathSegment.encodeQueryComponent(version))")
        }
        for parameter in method.queryParameters {
            guard let value = values[parameter.name], let text = value.parameterText(as: parameter.schema.type) else { continue }
            query.append("\(PathSegment.encodeQueryComponent(parameter.name))=\(PathSegment.encodeQueryComponent(text))")
        }
        return baseURL + path + (query.isEmpty ? "" : "?" + query.joined(separator: "&"))
    }
}

extension SQLValue {
    /// The text of a value used as a request parameter, shaped by the parameter's JSON type
    /// (SQLite has no booleans: `true` arrives as 1). `nil` for NULL.
    func parameterText(as type: String?) -> String? {
        switch self {
        case .null: return nil
        case .integer(let value):
            if type == "boolean" { return value == 0 ? "false" : "true" }
            return String(value)
        case .real(let value):
            if type == "boolean" { return value == 0 ? "false" : "true" }
            return value.rounded() == value && abs(value) < 1e18 ? String(Int64(value)) : String(value)
        case .text(let value):
            if type == "boolean" {
                switch value.lowercased() {
                case "1", "true": return "true"
                case "0", "false": return "false"
                default: return value
                }
            }
            return value
        case .blob(let bytes): return String(decoding: bytes, as: UTF8.self)
        }
    }
}
