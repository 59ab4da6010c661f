/// Stable, UUID-shaped identifiers derived from text, so generated object ids and VM ids
/// are identical on every run without storing them in the scenario.
enum DeterministicID {
    /// A lowercase UUID (version 4 layout) derived from `seed`.
    static func uuid(_ seed: String) -> String {
        let high = fnv1a(seed, basis: 0xcbf2_9ce4_8422_2325)
        let low = fnv1a(seed, basis: 0x8422_2325_cbf2_9ce4 ^ high)
        var bytes = [UInt8](repeating: 0, count: 16)
        for index in 0..<8 {
            bytes[index] = UInt8(truncatingIfNeeded: high >> (56 - 8 * index))
            bytes[index + 8] = UInt8(truncatingIfNeeded: low >> (56 - 8 * index))
        }
        bytes[6] = (bytes[6] & 0x0F) | 0x40
        bytes[8] = (bytes[8] & 0x3F) | 0x80
        // Written byte by byte: ids are derived for every rendered resource, so this is hot.
        var text = [UInt8]()
        text.reserveCapacity(36)
        for (index, byte) in bytes.enumerated() {
            if index == 4 || index == 6 || index == 8 || index == 10 { text.append(UInt8(ascii: "-")) }
            text.append(hexDigits[Int(byte >> 4)])
            text.append(hexDigits[Int(byte & 0xF)])
        }
        return String(decoding: text, as: UTF8.self)
    }

    /// A deterministic number in `0..<bound` derived from `seed`.
    static func number(_ seed: String, below bound: Int) -> Int {
        Int(fnv1a(seed, basis: 0xcbf2_9ce4_8422_2325) % UInt64(bound))
    }

    private static let hexDigits: [UInt8] = Array("0123456789abcdef".utf8)

    private static func fnv1a(_ text: String, basis: UInt64) -> UInt64 {
        var hash = basis
        var text = text
        text.withUTF8 { buffer in
            for byte in buffer {
                hash ^= UInt64(byte)
                hash = hash &* 0x0000_0100_0000_01B3
            }
        }
        // FNV alone mixes the last bytes poorly; a final avalanche keeps similar names apart.
        hash ^= hash >> 33
        hash = hash &* 0xff51_afd7_ed55_8ccd
        hash ^= hash >> 33
        return hash
    }
}
