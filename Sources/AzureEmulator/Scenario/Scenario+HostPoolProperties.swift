extension Scenario {
    /// Host pool properties (azure-avd-api.md §3.4). Enumerated values are passed through as
    /// written, so a scenario can also test how a client copes with values it does not know.
    public struct HostPoolProperties: Codable, Sendable, Equatable {
        /// The pool's object id; derived from its path when nil.
        public var objectId: String?
        /// The display name.
        public var friendlyName: String?
        /// A free-text description.
        public var description: String?
        /// `Pooled` (default), `Personal` or `BYODesktop`.
        public var hostPoolType: String?
        /// `Automatic` or `Direct`; only for personal pools (default `Automatic` there).
        public var personalDesktopAssignmentType: String?
        /// The custom RDP property string.
        public var customRdpProperty: String?
        /// Sessions per host (default 999999 for pooled pools).
        public var maxSessionLimit: Int?
        /// `BreadthFirst` (pooled default), `DepthFirst` or `Persistent` (personal default).
        public var loadBalancerType: String?
        /// The validation ring.
        public var ring: Int?
        /// Whether this is a validation pool (default false).
        public var validationEnvironment: Bool?
        /// The VM template JSON string.
        public var vmTemplate: String?
        /// `Desktop` (default), `RailApplications` or `None`.
        public var preferredAppGroupType: String?
        /// Whether VMs start on connect (default false).
        public var startVMOnConnect: Bool?
        /// `Enabled` (default), `Disabled`, `EnabledForSessionHostsOnly` or `EnabledForClientsOnly`.
        public var publicNetworkAccess: String?
        /// Application group ids; one desktop application group when nil.
        public var applicationGroupReferences: [String]?
        /// The agent update schedule; `{"type": "Default"}` when nil.
        public var agentUpdate: AgentUpdate?

        /// Creates host pool properties; every field is optional.
        public init(
            objectId: String? = nil, friendlyName: String? = nil, description: String? = nil,
            hostPoolType: String? = nil, personalDesktopAssignmentType: String? = nil,
            customRdpProperty: String? = nil, maxSessionLimit: Int? = nil, loadBalancerType: String? = nil,
            ring: Int? = nil, validationEnvironment: Bool? = nil, vmTemplate: String? = nil,
            preferredAppGroupType: String? = nil, startVMOnConnect: Bool? = nil, publicNetworkAccess: String? = nil,
            applicationGroupReferences: [String]? = nil, agentUpdate: AgentUpdate? = nil
        ) {
            self.objectId = objectId
            self.friendlyName = friendlyName
            self.description = description
            self.hostPoolType = hostPoolType
            self.personalDesktopAssignmentType = personalDesktopAssignmentType
            self.customRdpProperty = customRdpProperty
            self.maxSessionLimit = maxSessionLimit
            self.loadBalancerType = loadBalancerType
            self.ring = ring
            self.validationEnvironment = validationEnvironment
            self.vmTemplate = vmTemplate
            self.preferredAppGroupType = preferredAppGroupType
            self.startVMOnConnect = startVMOnConnect
            self.publicNetworkAccess = publicNetworkAccess
            self.applicationGroupReferences = applicationGroupReferences
            self.agentUpdate = agentUpdate
        }

        enum CodingKeys: String, CodingKey, CaseIterable {
            case objectId, friendlyName, description, hostPoolType, personalDesktopAssignmentType, customRdpProperty
            case maxSessionLimit, loadBalancerType, ring, validationEnvironment, vmTemplate, preferredAppGroupType
            case startVMOnConnect, publicNetworkAccess, applicationGroupReferences, agentUpdate
        }

        /// Decodes host pool properties, rejecting unknown keys.
        public init(from decoder: any Decoder) throws {
            let container = try decoder.strictContainer(keyedBy: CodingKeys.self)
            objectId = try container.decodeIfPresent(String.self, forKey: .objectId)
            friendlyName = try container.decodeIfPresent(String.self, forKey: .friendlyName)
            description = try container.decodeIfPresent(String.self, forKey: .description)
            hostPoolType = try container.decodeIfPresent(String.self, forKey: .hostPoolType)
            personalDesktopAssignmentType = try container.decodeIfPresent(String.self, forKey: .personalDesktopAssignmentType)
            customRdpProperty = try container.decodeIfPresent(String.self, forKey: .customRdpProperty)
            maxSessionLimit = try container.decodeIfPresent(Int.self, forKey: .maxSessionLimit)
            loadBalancerType = try container.decodeIfPresent(String.self, forKey: .loadBalancerType)
            ring = try container.decodeIfPresent(Int.self, forKey: .ring)
            validationEnvironment = try container.decodeIfPresent(Bool.self, forKey: .validationEnvironment)
            vmTemplate = try container.decodeIfPresent(String.self, forKey: .vmTemplate)
            preferredAppGroupType = try container.decodeIfPresent(String.self, forKey: .preferredAppGroupType)
            startVMOnConnect = try container.decodeIfPresent(Bool.self, forKey: .startVMOnConnect)
            publicNetworkAccess = try container.decodeIfPresent(String.self, forKey: .publicNetworkAccess)
            applicationGroupReferences = try container.decodeIfPresent([String].self, forKey: .applicationGroupReferences)
            agentUpdate = try container.decodeIfPresent(AgentUpdate.self, forKey: .agentUpdate)
        }
    }
}
