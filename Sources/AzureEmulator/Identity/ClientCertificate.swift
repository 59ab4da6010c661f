import Crypto
import Foundation
import SwiftASN1
import X509
import CryptoExtras

/// A certificate registered on a service principal: its private key's owner may sign client
/// assertions (RS256 or PS256), which the emulator verifies with the certificate's public key.
///
/// Only the certificate is needed, never the private key; a PEM file holding both is fine.
public struct ClientCertificate: Sendable, Equatable {
    /// The SHA-1 thumbprint as uppercase hex, as the Azure portal shows it.
    public let thumbprint: String
    /// SHA-1 of the DER encoding: the `x5t` header of an assertion, base64url-decoded.
    let sha1: [UInt8]
    /// SHA-256 of the DER encoding: the `x5t#S256` header, base64url-decoded.
    let sha256: [UInt8]
    let publicKey: _RSA.Signing.PublicKey

    /// Reads the first `CERTIFICATE` block of a PEM text (other blocks, such as a private key, are ignored).
    /// - Parameter pemEncoded: PEM text holding an RSA certificate.
    /// - Throws: ``EmulatorError`` when there is no readable RSA certificate.
    public init(pemEncoded: String) throws {
        let begin = "-----BEGIN CERTIFICATE-----", end = "-----END CERTIFICATE-----"
        guard let start = pemEncoded.range(of: begin),
            let stop = pemEncoded.range(of: end, range: start.upperBound..<pemEncoded.endIndex)
        else {
            throw EmulatorError("The PEM text holds no '\(begin)' block.")
        }
        let document: PEMDocument
        do {
            document = try PEMDocument(pemString: String(pemEncoded[start.lowerBound..<stop.upperBound]))
        } catch {
            throw EmulatorError("The PEM certificate block is not valid base64: \(error).")
        }
        try self.init(derEncoded: document.derBytes)
    }

    /// Reads a DER-encoded X.509 certificate.
    /// - Parameter derEncoded: the certificate's DER bytes.
    /// - Throws: ``EmulatorError`` when it is not an X.509 certificate with an RSA key.
    public init(derEncoded: [UInt8]) throws {
        let certificate: Certificate
        do {
            certificate = try Certificate(derEncoded: derEncoded)
        } catch {
            throw EmulatorError("The certificate cannot be read: \(error).")
        }
        guard let key = _RSA.Signing.PublicKey(certificate.publicKey) else {
            throw EmulatorError(
                "The certificate's key is \(certificate.publicKey); Microsoft Entra ID client assertions need an RSA key.")
        }
        publicKey = key
        sha1 = Array(Insecure.SHA1.hash(data: derEncoded))
        sha256 = Array(SHA256.hash(data: derEncoded))
        thumbprint = Hex.uppercase(sha1)
    }

    public static func == (lhs: ClientCertificate, rhs: ClientCertificate) -> Bool {
        lhs.sha256 == rhs.sha256
    }
}
