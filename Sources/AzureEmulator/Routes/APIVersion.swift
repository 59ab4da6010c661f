/// The api-versions each family of routes accepts.
enum APIVersion {
    static let subscriptions = ["2022-12-01", "2021-01-01", "2020-01-01"]
    static let desktopVirtualization = ["2024-04-03", "2024-04-08-preview"]

    /// Checks the `api-version` query parameter against the supported list.
    /// - Returns: the version the client asked for.
    static func check(_ query: QueryParameters, supported: [String]) throws(ARMError) -> String {
        guard let version = query["api-version"] else { throw .missingAPIVersion() }
        guard supported.contains(where: { $0.caseInsensitiveEquals(version) }) else {
            throw .invalidAPIVersion(version, supported: supported)
        }
        return version
    }
}
