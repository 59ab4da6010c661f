import Foundation
import Logging

/// How to authenticate to each provider, as StackQL's `--auth` JSON states it:
/// `{"azure": {"type": "api_key", "valuePrefix": "Bearer ", "credentialsenvvar": "AZ_ACCESS_TOKEN"}}`.
public struct AuthConfiguration: Sendable, Hashable {
    /// One provider's method.
    public enum Method: Sendable, Hashable {
        /// Azure's default credential chain.
        case azureDefault
        /// A token read from an environment variable, sent as `prefix + token`.
        case environmentToken(variable: String, prefix: String)
        /// A token given directly (the demo and tests use this); never printed.
        case token(String)
    }

    public var methods: [String: Method]

    public init(methods: [String: Method] = [:]) {
        self.methods = methods
    }

    /// The method for a provider; `azure_default` when none was given.
    public func method(for provider: String) -> Method {
        methods[provider] ?? .azureDefault
    }

    /// Parses `--auth`.
    /// - Throws: `CloudQLError` naming what is wrong and showing the expected shape.
    public static func parse(_ json: String) throws -> AuthConfiguration {
        let example = #"{"azure": {"type": "bearer", "credentialsenvvar": "AZ_ACCESS_TOKEN"}}"#
        guard let data = json.data(using: .utf8),
              let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any] else {
            throw CloudQLError(.usage, "--auth is not a JSON object: write it as \(example).")
        }
        var methods: [String: Method] = [:]
        for (provider, value) in object {
            guard let settings = value as? [String: Any], let type = settings["type"] as? String else {
                throw CloudQLError(.usage, "--auth for '\(provider)' needs an object with a \"type\", e.g. \(example).")
            }
            switch type.lowercased() {
            case "azure_default":
                methods[provider] = .azureDefault
            case "api_key", "bearer":
                guard let variable = (settings["credentialsenvvar"] ?? settings["credentialsEnvVar"]) as? String, !variable.isEmpty else {
                    throw CloudQLError(.usage, "--auth type \(type) for '\(provider)' needs \"credentialsenvvar\": the environment variable that holds the token, e.g. \(example).")
                }
                let prefix = settings["valuePrefix"] as? String ?? "Bearer "
                methods[provider] = .environmentToken(variable: variable, prefix: prefix)
            default:
                throw CloudQLError(.usage, "--auth type '\(type)' for '\(provider)' is not supported: use azure_default, api_key or bearer.")
            }
        }
        return AuthConfiguration(methods: methods)
    }
}

/// Produces the `Authorization` header value for requests to one provider: a fixed token, or
/// one from the credential chain through a cache.
struct AuthorizationSource: Sendable {
    static let armScope = "https://management.azure.com/.default"

    private enum Source: Sendable {
        case fixed(method: AuthConfiguration.Method, environment: [String: String])
        case cached(TokenCache)
    }

    private let source: Source

    init(method: AuthConfiguration.Method, environment: [String: String], tokenClient: EntraTokenClient, diagnostics: Logger? = nil) {
        switch method {
        case .azureDefault:
            source = .cached(TokenCache(credential: DefaultAzureCredential(environment: environment, client: tokenClient, diagnostics: diagnostics)))
        default:
            source = .fixed(method: method, environment: environment)
        }
    }

    func headerValue() async throws -> String {
        switch source {
        case .cached(let cache):
            return "Bearer " + (try await cache.token(scope: Self.armScope).token)
        case .fixed(.token(let token), _):
            return "Bearer " + token
        case .fixed(.environmentToken(let variable, let prefix), let environment):
            guard let token = environment[variable]?.trimmingCharacters(in: .whitespacesAndNewlines), !token.isEmpty else {
                throw CloudQLError(.authentication, "The environment variable \(variable) named by --auth is not set or empty: export the access token in it (for example from `az account get-access-token --query accessToken -o tsv`).")
            }
            return prefix + token
        case .fixed(.azureDefault, _):
            throw CloudQLError(.internal, "the default credential chain has no cache")
        }
    }

    /// Azure answered that the token in `headerValue` has expired. Returns whether a new token
    /// can be fetched (only chain tokens can; a fixed token stays what it is).
    func tokenExpired(_ headerValue: String) async -> Bool {
        guard case .cached(let cache) = source else { return false }
        await cache.invalidate(String(headerValue.dropFirst("Bearer ".count)), scope: Self.armScope)
        return true
    }

}
