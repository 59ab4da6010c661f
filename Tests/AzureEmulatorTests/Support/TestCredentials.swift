import AzureEmulator
import Crypto
import Foundation
import SwiftASN1
import X509
import CryptoExtras

/// A self-signed RSA certificate and its key, made in memory when first used: no private key
/// is committed, and no external tool is needed.
struct TestCertificate: Sendable {
    let privateKey: _RSA.Signing.PrivateKey
    let der: [UInt8]
    let pem: String

    /// Two certificates, shared by the tests (RSA key generation is the slow part).
    static let first = TestCertificate(commonName: "cloudql-test-1")
    static let second = TestCertificate(commonName: "cloudql-test-2")

    init(commonName: String) {
        do {
            let key = try _RSA.Signing.PrivateKey(keySize: .bits2048)
            let name = try DistinguishedName { CommonName(commonName) }
            let certificate = try Certificate(
                version: .v3, serialNumber: Certificate.SerialNumber(), publicKey: Certificate.PublicKey(key.publicKey),
                notValidBefore: Date().addingTimeInterval(-3_600), notValidAfter: Date().addingTimeInterval(86_400),
                issuer: name, subject: name, signatureAlgorithm: .sha256WithRSAEncryption, extensions: Certificate.Extensions(),
                issuerPrivateKey: Certificate.PrivateKey(key))
            var serializer = DER.Serializer()
            try serializer.serialize(certificate)
            privateKey = key
            der = serializer.serializedBytes
            pem = try certificate.serializeAsPEM().pemString
        } catch {
            fatalError("cannot make a test certificate: \(error)")
        }
    }

    /// The registered credential, read from the PEM as the emulator's users would give it.
    func credential() throws -> ClientCertificate {
        try ClientCertificate(pemEncoded: pem)
    }

    /// `x5t`: base64url of the SHA-1 of the DER.
    var x5t: String { JWT.base64URL(Insecure.SHA1.hash(data: der)) }
    /// `x5t#S256`: base64url of the SHA-256 of the DER.
    var x5tS256: String { JWT.base64URL(SHA256.hash(data: der)) }

    /// A client assertion signed with this certificate's key, as MSAL makes it.
    /// - Parameters:
    ///   - header: overrides of the header; by default `alg` RS256 and `x5t`.
    ///   - claims: overrides of the claims; by default `aud`, `iss`, `sub`, `jti`, `nbf` and `exp` (ten minutes).
    ///   - signingKey: the key that signs; this certificate's by default.
    func assertion(
        clientId: String, audience: String, header: [String: Any] = [:], claims: [String: Any] = [:],
        signingKey: _RSA.Signing.PrivateKey? = nil
    ) throws -> String {
        var fullHeader: [String: Any] = ["alg": "RS256", "typ": "JWT", "x5t": x5t]
        fullHeader.merge(header) { $1 }
        let now = Date().timeIntervalSince1970.rounded(.down)
        var fullClaims: [String: Any] = [
            "aud": audience, "iss": clientId, "sub": clientId, "jti": UUID().uuidString, "nbf": now, "exp": now + 600,
        ]
        fullClaims.merge(claims) { $1 }
        let input = try JWT.encode(fullHeader) + "." + JWT.encode(fullClaims)
        let digest = SHA256.hash(data: Array(input.utf8))
        let key = signingKey ?? privateKey
        let padding: _RSA.Signing.Padding = (fullHeader["alg"] as? String) == "PS256" ? .PSS : .insecurePKCS1v1_5
        let signature = try key.signature(for: digest, padding: padding)
        return input + "." + JWT.base64URL(signature.rawRepresentation)
    }
}

/// Builds JWTs for the tests.
enum JWT {
    static func encode(_ object: [String: Any]) throws -> String {
        base64URL(try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys]))
    }

    static func base64URL(_ bytes: some Sequence<UInt8>) -> String {
        Data(bytes).base64EncodedString().replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_")
            .replacingOccurrences(of: "=", with: "")
    }

    /// An external token as a workload identity issuer hands it out (its signature is not checked).
    static func federatedToken(issuer: String, subject: String, audience: Any = "api://AzureADTokenExchange", expiresIn: TimeInterval = 600) throws -> String {
        let now = Date().timeIntervalSince1970.rounded(.down)
        let claims: [String: Any] = ["iss": issuer, "sub": subject, "aud": audience, "iat": now, "nbf": now, "exp": now + expiresIn]
        return try encode(["alg": "RS256", "kid": "issuer-key-1", "typ": "JWT"]) + "." + encode(claims) + "." + base64URL(Array("signature".utf8))
    }

    /// The claims of a JWT, for looking inside issued access tokens.
    static func claims(_ token: String) throws -> [String: Any] {
        let parts = token.split(separator: ".")
        guard parts.count == 3 else { throw TestFailure("not a JWT: \(token)") }
        var base64 = parts[1].replacingOccurrences(of: "-", with: "+").replacingOccurrences(of: "_", with: "/")
        while base64.count % 4 != 0 { base64 += "=" }
        guard let data = Data(base64Encoded: base64), let object = try JSONSerialization.jsonObject(with: data) as? [String: Any] else {
            throw TestFailure("the claims of \(token) are not a JSON object")
        }
        return object
    }
}
