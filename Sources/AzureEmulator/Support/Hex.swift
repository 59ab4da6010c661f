/// Uppercase hexadecimal, as certificate thumbprints are shown.
enum Hex {
    static func uppercase(_ bytes: some Sequence<UInt8>) -> String {
        var text = ""
        for byte in bytes {
            text.unicodeScalars.append(digits[Int(byte >> 4)])
            text.unicodeScalars.append(digits[Int(byte & 0xF)])
        }
        return text
    }

    private static let digits: [Unicode.Scalar] = Array("0123456789ABCDEF".unicodeScalars)
}
