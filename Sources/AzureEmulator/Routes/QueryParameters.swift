/// The query string of a request, percent-decoded, with names matched case-insensitively
/// (ARM treats `api-version` and `API-Version` alike). The first occurrence of a name wins.
struct QueryParameters: Sendable {
    private var pairs: [(name: String, value: String)] = []

    /// - Parameter raw: the query without `?`, as received.
    init(_ raw: Substring) {
        for part in raw.split(separator: "&") {
            let pair = part.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            let name = PercentEncoding.decode(pair[0], plusIsSpace: true) ?? String(pair[0])
            let value = pair.count == 2 ? PercentEncoding.decode(pair[1], plusIsSpace: true) ?? String(pair[1]) : ""
            pairs.append((name.lowercased(), value))
        }
    }

    /// The value of `name`; nil when absent or empty (the Azure SDKs drop empty values too).
    subscript(_ name: String) -> String? {
        let key = name.lowercased()
        guard let value = pairs.first(where: { $0.name == key })?.value, !value.isEmpty else { return nil }
        return value
    }
}
