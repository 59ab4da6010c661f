extension Decoder {
    /// A keyed container that first rejects any key `Key` does not define, so a typo in a
    /// scenario file is an error naming the key instead of a silently ignored setting.
    func strictContainer<Key: CodingKey & CaseIterable>(keyedBy type: Key.Type) throws -> KeyedDecodingContainer<Key> {
        let everything = try container(keyedBy: AnyKey.self)
        for key in everything.allKeys where Key(stringValue: key.stringValue) == nil {
            let allowed = Key.allCases.map(\.stringValue).joined(separator: ", ")
            throw DecodingError.dataCorrupted(
                DecodingError.Context(
                    codingPath: codingPath + [key],
                    debugDescription: "unknown key \"\(key.stringValue)\" (allowed here: \(allowed))"))
        }
        return try container(keyedBy: type)
    }
}
