import Foundation

/// A compact JWS (`header.claims.signature`), decoded but not verified: just what the token
/// endpoint reads from client assertions.
struct JSONWebToken: Sendable {
    let header: Header
    let claims: Claims
    /// The ASCII bytes of `header.claims`, which the signature covers.
    let signingInput: [UInt8]
    let signature: [UInt8]

    struct Header: Decodable, Sendable {
        var alg: String?
        var x5t: String?
        var x5tS256: String?

        enum CodingKeys: String, CodingKey {
            case alg, x5t
            case x5tS256 = "x5t#S256"
        }
    }

    struct Claims: Decodable, Sendable {
        var iss: String?
        var sub: String?
        var aud: Audience?
        var exp: Double?
        var nbf: Double?
    }

    /// `aud` is a string or an array of strings (RFC 7519 §4.1.3).
    struct Audience: Decodable, Sendable {
        let values: [String]

        init(from decoder: any Decoder) throws {
            let container = try decoder.singleValueContainer()
            if let single = try? container.decode(String.self) {
                values = [single]
            } else {
                values = try container.decode([String].self)
            }
        }
    }

    /// - Returns: nil when the text is not three base64url parts whose first two are JSON objects
    ///   of the expected shape.
    init?(_ text: String) {
        let parts = text.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 3, let headerBytes = Base64URL.decode(parts[0]), let claimBytes = Base64URL.decode(parts[1]),
            let signature = Base64URL.decode(parts[2]),
            let header = try? JSONDecoder().decode(Header.self, from: Data(headerBytes)),
            let claims = try? JSONDecoder().decode(Claims.self, from: Data(claimBytes))
        else { return nil }
        self.header = header
        self.claims = claims
        self.signature = signature
        signingInput = Array(parts[0].utf8) + [UInt8(ascii: ".")] + Array(parts[1].utf8)
    }
}
