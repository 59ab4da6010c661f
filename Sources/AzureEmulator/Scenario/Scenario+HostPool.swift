extension Scenario {
    /// A host pool and its session hosts.
    public struct HostPool: Codable, Sendable, Equatable {
        /// The host pool name.
        public var name: String
        /// The Azure region; the resource group's when nil.
        public var location: String?
        /// Resource tags.
        public var tags: [String: String]
        /// The writable properties; anything nil gets a default that fits `hostPoolType`.
        public var properties: HostPoolProperties
        /// The session hosts, in listing order.
        public var sessionHosts: [SessionHost]

        /// Creates a host pool.
        public init(
            name: String, location: String? = nil, tags: [String: String] = [:],
            properties: HostPoolProperties = HostPoolProperties(), sessionHosts: [SessionHost] = []
        ) {
            self.name = name
            self.location = location
            self.tags = tags
            self.properties = properties
            self.sessionHosts = sessionHosts
        }

        enum CodingKeys: String, CodingKey, CaseIterable {
            case name, location, tags, properties, sessionHosts
        }

        /// Decodes a host pool, rejecting unknown keys.
        public init(from decoder: any Decoder) throws {
            let container = try decoder.strictContainer(keyedBy: CodingKeys.self)
            name = try container.decode(String.self, forKey: .name)
            location = try container.decodeIfPresent(String.self, forKey: .location)
            tags = try container.decodeIfPresent([String: String].self, forKey: .tags) ?? [:]
            properties = try container.decodeIfPresent(HostPoolProperties.self, forKey: .properties) ?? HostPoolProperties()
            sessionHosts = try container.decodeIfPresent([SessionHost].self, forKey: .sessionHosts) ?? []
        }
    }
}
