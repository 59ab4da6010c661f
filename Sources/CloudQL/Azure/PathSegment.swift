import Foundation
/// Percent-encoding of one value as exactly one URL path segment, so that no value — holding
/// `/`, `?`, `#`, `%`, a space, or being `.` or `..` — can change which resource is addressed.
enum PathSegment {
    static func encode(_ value: String) -> String {
        // Dot segments are removed by URL normalisation before they reach the server.
        if value == "." || value == ".." {
            return String(repeating: "%2E", count: value.count)
        }
        return percentEncode(value, keeping: unreserved)
    }

    /// For query names and values: the same, but `$` is kept so `$filter` reads naturally.
    static func encodeQueryComponent(_ value: String) -> String {
        percentEncode(value, keeping: unreservedAndDollar)
    }

    private static let unreserved: Set<UInt8> = Set(Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~".utf8))
    private static let unreservedAndDollar = unreserved.union([UInt8(ascii: "$")])

    private static func percentEncode(_ value: String, keeping allowed: Set<UInt8>) -> String {
        var output = ""
        output.reserveCapacity(value.utf8.count)
        let hex = Array("0123456789ABCDEF".utf8)
        for byte in value.utf8 {
            if allowed.contains(byte) {
                output.unicodeScalars.append(UnicodeScalar(byte))
            } else {
                output.unicodeScalars.append("%")
                output.unicodeScalars.append(UnicodeScalar(hex[Int(byte >> 4)]))
                output.unicodeScalars.append(UnicodeScalar(hex[Int(byte & 0x0F)]))
            }
        }
        return output
    }
}
