import Foundation

/// A bearer token and when it stops working. Its description never shows the token.
public struct AccessToken: Sendable, CustomStringConvertible {
    let token: String
    public let expiresOn: Date

    public init(token: String, expiresOn: Date) {
        self.token = token
        self.expiresOn = expiresOn
    }

    public var description: String { "AccessToken(expires \(expiresOn))" }
}

/// Something that can obtain a token for a scope.
protocol TokenCredential: Sendable {
    /// The method's name as the chain reports it, e.g. `environment (client secret)`.
    var name: String { get }
    /// - Throws: `CredentialUnavailable` when the method does not apply here (so the chain
    ///   goes on), or `CloudQLError` when it applies but failed (so the chain stops).
    func token(scope: String) async throws -> AccessToken
}

/// A credential method that does not apply: its settings are absent. Says why.
struct CredentialUnavailable: Error, Sendable {
    var reason: String
}
