extension Scenario {
    /// A resource group and the host pools in it.
    public struct ResourceGroup: Codable, Sendable, Equatable {
        /// The resource group name.
        public var name: String
        /// The Azure region, e.g. `westeurope`; host pools inherit it.
        public var location: String
        /// The host pools, in listing order.
        public var hostPools: [HostPool]

        /// Creates a resource group.
        public init(name: String, location: String = "westeurope", hostPools: [HostPool] = []) {
            self.name = name
            self.location = location
            self.hostPools = hostPools
        }

        enum CodingKeys: String, CodingKey, CaseIterable {
            case name, location, hostPools
        }

        /// Decodes a resource group, rejecting unknown keys.
        public init(from decoder: any Decoder) throws {
            let container = try decoder.strictContainer(keyedBy: CodingKeys.self)
            name = try container.decode(String.self, forKey: .name)
            location = try container.decodeIfPresent(String.self, forKey: .location) ?? "westeurope"
            hostPools = try container.decodeIfPresent([HostPool].self, forKey: .hostPools) ?? []
        }
    }
}
