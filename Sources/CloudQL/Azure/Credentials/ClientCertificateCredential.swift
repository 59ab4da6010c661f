import Crypto
import CryptoExtras
import Foundation

/// A service principal with a certificate (`AZURE_CLIENT_CERTIFICATE_PATH`: a PEM file holding
/// the private key and the certificate). Signs a client assertion (RS256, with the
/// certificate's SHA-1 thumbprint as `x5t`) for every token request.
struct ClientCertificateCredential: TokenCredential {
    let tenant: String
    let clientID: String
    let path: String
    let client: EntraTokenClient

    var name: String { "environment (client certificate)" }

    func token(scope: String) async throws -> AccessToken {
        let assertion = try makeAssertion(now: Date())
        return try await client.clientCredentials(tenant: tenant, clientID: clientID, scope: scope, assertion: assertion, method: name)
    }

    func makeAssertion(now: Date) throws -> String {
        guard let pem = try? String(contentsOfFile: path, encoding: .utf8) else {
            throw CloudQLError(.authentication, "Cannot read AZURE_CLIENT_CERTIFICATE_PATH (\(path)).")
        }
        guard let certificate = Self.pemBlock("CERTIFICATE", in: pem) else {
            throw CloudQLError(.authentication, "AZURE_CLIENT_CERTIFICATE_PATH (\(path)) holds no certificate: it must be a PEM file with the private key and the certificate.")
        }
        let key: _RSA.Signing.PrivateKey
        do {
            key = try _RSA.Signing.PrivateKey(pemRepresentation: Self.keyPEM(in: pem) ?? "")
        } catch {
            throw CloudQLError(.authentication, "AZURE_CLIENT_CERTIFICATE_PATH (\(path)) holds no RSA private key that can be read; it must be an unencrypted PEM with the key and the certificate.")
        }
        let thumbprint = Data(Insecure.SHA1.hash(data: certificate))
        let header = ["alg": "RS256", "typ": "JWT", "x5t": thumbprint.base64URLEncoded]
        let issuedAt = Int(now.timeIntervalSince1970)
        let claims: [String: Any] = [
            "aud": "\(client.authorityHost)/\(tenant)/oauth2/v2.0/token",
            "iss": clientID, "sub": clientID, "jti": UUID().uuidString,
            "nbf": issuedAt, "iat": issuedAt, "exp": issuedAt + 600,
        ]
        let signingInput = try Self.segment(header) + "." + Self.segment(claims)
        let signature = try key.signature(for: Data(signingInput.utf8), padding: .insecurePKCS1v1_5)
        return signingInput + "." + signature.rawRepresentation.base64URLEncoded
    }

    private static func segment(_ object: Any) throws -> String {
        try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys]).base64URLEncoded
    }

    /// The DER bytes of the first `-----BEGIN <label>-----` block.
    static func pemBlock(_ label: String, in pem: String) -> Data? {
        guard let start = pem.range(of: "-----BEGIN \(label)-----"),
              let end = pem.range(of: "-----END \(label)-----", range: start.upperBound..<pem.endIndex) else { return nil }
        let base64 = pem[start.upperBound..<end.lowerBound].filter { !$0.isWhitespace }
        return Data(base64Encoded: String(base64))
    }

    /// The PEM text of the private key block, PKCS#8 or PKCS#1.
    static func keyPEM(in pem: String) -> String? {
        for label in ["PRIVATE KEY", "RSA PRIVATE KEY"] {
            if let start = pem.range(of: "-----BEGIN \(label)-----"),
               let end = pem.range(of: "-----END \(label)-----", range: start.upperBound..<pem.endIndex) {
                return String(pem[start.lowerBound..<end.upperBound])
            }
        }
        return nil
    }
}

extension Data {
    /// Base64url without padding, as JWTs use it.
    var base64URLEncoded: String {
        base64EncodedString().replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_").replacingOccurrences(of: "=", with: "")
    }
}
