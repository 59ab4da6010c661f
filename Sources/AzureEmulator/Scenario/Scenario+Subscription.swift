extension Scenario {
    /// A subscription and its resource groups.
    public struct Subscription: Codable, Sendable, Equatable {
        /// The subscription id, a UUID such as `00000000-0000-0000-0000-000000000000`.
        public var subscriptionId: String
        /// The name shown in the portal.
        public var displayName: String
        /// The subscription state; `Enabled` unless set.
        public var state: String?
        /// The resource groups, in listing order.
        public var resourceGroups: [ResourceGroup]

        /// Creates a subscription.
        public init(subscriptionId: String, displayName: String, state: String? = nil, resourceGroups: [ResourceGroup] = []) {
            self.subscriptionId = subscriptionId
            self.displayName = displayName
            self.state = state
            self.resourceGroups = resourceGroups
        }

        enum CodingKeys: String, CodingKey, CaseIterable {
            case subscriptionId, displayName, state, resourceGroups
        }

        /// Decodes a subscription, rejecting unknown keys.
        public init(from decoder: any Decoder) throws {
            let container = try decoder.strictContainer(keyedBy: CodingKeys.self)
            subscriptionId = try container.decode(String.self, forKey: .subscriptionId)
            displayName = try container.decodeIfPresent(String.self, forKey: .displayName) ?? "Subscription \(subscriptionId)"
            state = try container.decodeIfPresent(String.self, forKey: .state)
            resourceGroups = try container.decodeIfPresent([ResourceGroup].self, forKey: .resourceGroups) ?? []
        }
    }
}
