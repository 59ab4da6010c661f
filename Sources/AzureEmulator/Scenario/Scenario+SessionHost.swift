extension Scenario {
    /// A session host (a VM registered to a host pool) and the user sessions on it.
    public struct SessionHost: Codable, Sendable, Equatable {
        /// The session host name, normally the VM's FQDN (at most 48 characters in Azure).
        public var name: String
        /// Its properties; anything nil gets a default that fits `status`.
        public var properties: SessionHostProperties
        /// The user sessions, in listing order. Their count is the host's `sessions` property.
        public var userSessions: [UserSession]

        /// Creates a session host.
        public init(name: String, properties: SessionHostProperties = SessionHostProperties(), userSessions: [UserSession] = []) {
            self.name = name
            self.properties = properties
            self.userSessions = userSessions
        }

        enum CodingKeys: String, CodingKey, CaseIterable {
            case name, properties, userSessions
        }

        /// Decodes a session host, rejecting unknown keys.
        public init(from decoder: any Decoder) throws {
            let container = try decoder.strictContainer(keyedBy: CodingKeys.self)
            name = try container.decode(String.self, forKey: .name)
            properties = try container.decodeIfPresent(SessionHostProperties.self, forKey: .properties) ?? SessionHostProperties()
            userSessions = try container.decodeIfPresent([UserSession].self, forKey: .userSessions) ?? []
        }
    }
}
