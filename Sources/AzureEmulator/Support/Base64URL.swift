import Foundation

/// Base64url without padding (RFC 7515 §2), the encoding of every JWT part.
enum Base64URL {
    static func encode(_ bytes: some Sequence<UInt8>) -> String {
        var text = Data(bytes).base64EncodedString()
        text = text.replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_")
        while text.hasSuffix("=") { text.removeLast() }
        return text
    }

    /// Decodes with or without padding; nil for anything else (including plain base64's `+` and `/`).
    static func decode(_ text: some StringProtocol) -> [UInt8]? {
        var base64 = String(text)
        guard !base64.contains("+"), !base64.contains("/") else { return nil }
        base64 = base64.replacingOccurrences(of: "-", with: "+").replacingOccurrences(of: "_", with: "/")
        while base64.count % 4 != 0 { base64 += "=" }
        return Data(base64Encoded: base64).map(Array.init)
    }
}
