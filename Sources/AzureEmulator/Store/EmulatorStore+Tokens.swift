import Crypto
import Foundation

/// Access tokens: the store issues them, and ARM requests are checked against what it issued.
extension EmulatorStore {
    /// Issues an access token for Azure Resource Manager.
    /// - Parameters:
    ///   - clientId: the application or managed identity.
    ///   - tenantId: the tenant it signed in to.
    ///   - flow: how it signed in.
    ///   - lifetime: how long the token is accepted.
    /// - Returns: the token and its record.
    func issueToken(clientId: String, tenantId: String, flow: IssuedToken.Flow, lifetime: Duration) -> IssuedToken {
        let now = Date()
        let issuedAt = Int(now.timeIntervalSince1970)
        let expiresAt = issuedAt + Int(lifetime.components.seconds)
        let objectId = DeterministicID.uuid("principal:\(tenantId.lowercased())/\(clientId.lowercased())")
        var claims = JSONWriter(capacity: 512)
        claims.beginObject()
        claims.field("aud", "https://management.azure.com/")
        claims.field("iss", "https://sts.windows.net/\(tenantId)/")
        claims.field("iat", int: issuedAt)
        claims.field("nbf", int: issuedAt)
        claims.field("exp", int: expiresAt)
        claims.field("appid", clientId)
        claims.field("appidacr", flow == .clientSecret ? "1" : "2")
        claims.field("idtyp", "app")
        claims.field("oid", objectId)
        claims.field("sub", objectId)
        claims.field("tid", tenantId)
        // A unique token id, so two tokens issued in the same second differ.
        claims.field("uti", RandomText.alphanumeric(count: 22))
        claims.field("ver", "1.0")
        claims.endObject()
        let signingInput = Base64URL.encode(Array(#"{"alg":"HS256","typ":"JWT"}"#.utf8)) + "." + Base64URL.encode(claims.bytes)
        let signature = HMAC<SHA256>.authenticationCode(for: Array(signingInput.utf8), using: tokenKey)
        let token = IssuedToken(
            accessToken: signingInput + "." + Base64URL.encode(signature), clientId: clientId, tenantId: tenantId, flow: flow,
            issuedAt: Date(timeIntervalSince1970: TimeInterval(issuedAt)),
            expiresAt: Date(timeIntervalSince1970: TimeInterval(expiresAt)))
        tokenIndex[token.accessToken] = issued.count
        issued.append(token)
        return token
    }

    /// Accepts a token this store issued that has not expired.
    /// - Throws: `ExpiredAuthenticationToken` for an expired one, `InvalidAuthenticationToken` for any other.
    func checkIssuedToken(_ text: String) throws(ARMError) {
        guard let index = tokenIndex[text] else { throw .invalidToken() }
        let token = issued[index]
        let now = Date()
        guard now < token.expiresAt else { throw .expiredToken(expiry: token.expiresAt, now: now) }
    }

    /// Makes every token issued so far expired, as if their lifetime had passed: ARM requests
    /// carrying one get 401 `ExpiredAuthenticationToken`, and a client must sign in again.
    /// Tokens issued afterwards are unaffected. The configured fixed token never expires.
    public func expireAllTokens() {
        // A whole second in the past, so the 401's message shows an expiry before "now".
        let past = Date(timeIntervalSince1970: (Date().timeIntervalSince1970 - 1).rounded(.down))
        for index in issued.indices where issued[index].expiresAt > past {
            issued[index].expiresAt = past
        }
    }

    /// Every token issued so far, oldest first.
    public func issuedTokens() -> [IssuedToken] {
        issued
    }
}
