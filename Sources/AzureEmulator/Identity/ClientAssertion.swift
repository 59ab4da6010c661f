import Crypto
import Foundation
import CryptoExtras

/// A `client_assertion` of the client credentials grant. Two kinds share the parameter:
///
/// - a **certificate assertion**, which the client signs itself: `iss` and `sub` are its
///   client id, the header names the certificate (`x5t` or `x5t#S256`), and the signature
///   (RS256 or PS256) is verified with the registered certificate's public key;
/// - a **federated token** from an external issuer (workload identity): `iss` and `sub` must
///   match one of the principal's federated credentials and `aud` its audience. Its signature
///   is not verified: the emulator cannot fetch the issuer's keys, and the point is to test
///   how the client obtains and presents the token.
///
/// Both must be unexpired: `exp` in the future and `nbf`, when present, at most five minutes
/// ahead (Entra ID's clock-skew allowance).
struct ClientAssertion: Sendable {
    static let type = "urn:ietf:params:oauth:client-assertion-type:jwt-bearer"
    static let clockSkew: TimeInterval = 300

    let token: JSONWebToken

    init(_ text: String) throws(EntraError) {
        guard let token = JSONWebToken(text) else {
            throw .malformedAssertion("the client_assertion is not a JWT (three base64url parts, the first two JSON objects)")
        }
        self.token = token
    }

    /// Whether the client issued it itself, i.e. it is a certificate assertion.
    func isSelfIssued(by clientId: String) -> Bool {
        token.claims.iss.map { $0.caseInsensitiveEquals(clientId) } ?? false
    }

    /// Verifies a certificate assertion.
    /// - Parameters:
    ///   - principal: the application named by `client_id`.
    ///   - audiences: the token endpoint URLs the assertion may be addressed to.
    ///   - now: the current time.
    /// - Throws: the error Entra ID gives for the first problem found.
    func verifyCertificate(for principal: ServicePrincipal, audiences: [String], now: Date) throws(EntraError) {
        guard token.claims.sub.map({ $0.caseInsensitiveEquals(principal.clientId) }) ?? false else {
            throw .assertionClientMismatch()
        }
        let padding: _RSA.Signing.Padding
        switch token.header.alg {
        case "RS256": padding = .insecurePKCS1v1_5
        case "PS256": padding = .PSS
        default: throw .malformedAssertion("the algorithm '\(token.header.alg ?? "")' is not supported; sign with RS256 or PS256")
        }
        let certificate = try registeredCertificate(of: principal)
        let signature = _RSA.Signing.RSASignature(rawRepresentation: token.signature)
        guard certificate.publicKey.isValidSignature(signature, for: SHA256.hash(data: token.signingInput), padding: padding) else {
            throw .invalidSignature()
        }
        let presented = token.claims.aud?.values ?? []
        guard presented.contains(where: { audience in audiences.contains { Self.sameURL($0, audience) } }) else {
            throw .assertionAudience(presented, expected: audiences.first ?? "")
        }
        try checkValidity(now: now)
    }

    /// Verifies a federated token against the principal's federated credentials.
    /// - Throws: the error Entra ID gives for the first problem found.
    func verifyFederated(for principal: ServicePrincipal, now: Date) throws(EntraError) {
        try checkValidity(now: now)
        guard let issuer = token.claims.iss else { throw .malformedAssertion("the token has no 'iss' claim") }
        let byIssuer = principal.federatedCredentials.filter { $0.issuer == issuer }
        guard !byIssuer.isEmpty else { throw .federatedIssuer(issuer) }
        let subject = token.claims.sub ?? ""
        let matches = byIssuer.filter { $0.subject == subject }
        guard !matches.isEmpty else { throw .federatedSubject(subject, issuer: issuer) }
        let audiences = token.claims.aud?.values ?? []
        guard matches.contains(where: { audiences.contains($0.audience) }) else { throw .federatedAudience(audiences) }
    }

    private func registeredCertificate(of principal: ServicePrincipal) throws(EntraError) -> ClientCertificate {
        if let text = token.header.x5tS256 {
            guard let digest = Base64URL.decode(text) else { throw .malformedAssertion("the x5t#S256 header is not base64url") }
            if let match = principal.certificates.first(where: { $0.sha256 == digest }) { return match }
            throw .certificateNotRegistered(Hex.uppercase(digest), clientId: principal.clientId)
        }
        guard let text = token.header.x5t else {
            throw .malformedAssertion("the header names no certificate: it needs x5t (or x5t#S256)")
        }
        guard let digest = Base64URL.decode(text) else { throw .malformedAssertion("the x5t header is not base64url") }
        if let match = principal.certificates.first(where: { $0.sha1 == digest }) { return match }
        throw .certificateNotRegistered(Hex.uppercase(digest), clientId: principal.clientId)
    }

    private func checkValidity(now: Date) throws(EntraError) {
        let expiry = token.claims.exp.map { Date(timeIntervalSince1970: $0) }
        let notBefore = token.claims.nbf.map { Date(timeIntervalSince1970: $0) }
        guard let expiry, now < expiry, notBefore.map({ $0.timeIntervalSince(now) <= Self.clockSkew }) ?? true else {
            throw .assertionOutsideValidity(now: now, notBefore: notBefore, expiry: expiry)
        }
    }

    /// URLs compared as Entra ID does for audiences: case-insensitively, ignoring a trailing slash.
    private static func sameURL(_ a: String, _ b: String) -> Bool {
        func normal(_ url: String) -> String {
            var text = url.lowercased()
            while text.hasSuffix("/") { text.removeLast() }
            return text
        }
        return normal(a) == normal(b)
    }
}
