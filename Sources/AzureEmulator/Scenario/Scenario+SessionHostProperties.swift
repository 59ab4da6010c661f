extension Scenario {
    /// Session host properties (azure-avd-api.md §3.3). `sessions` is not here: it is always
    /// the number of user sessions the host currently has.
    public struct SessionHostProperties: Codable, Sendable, Equatable {
        /// The host's object id; derived from its path when nil.
        public var objectId: String?
        /// `Available` (default), `Unavailable`, `Shutdown`, `NeedsAssistance`, … (passed through).
        public var status: String?
        /// False puts the host in drain mode (default true).
        public var allowNewSession: Bool?
        /// The AVD agent version.
        public var agentVersion: String?
        /// The Windows version, e.g. `10.0.22631.4460`.
        public var osVersion: String?
        /// The side-by-side stack version.
        public var sxSStackVersion: String?
        /// The last agent heartbeat (date-time).
        public var lastHeartBeat: String?
        /// When `status` last changed (date-time).
        public var statusTimestamp: String?
        /// When the agent last updated (date-time).
        public var lastUpdateTime: String?
        /// `Succeeded` (default), `Initial`, `Pending`, `Started` or `Failed`.
        public var updateState: String?
        /// The last agent update error; `""` by default.
        public var updateErrorMessage: String?
        /// The user a personal desktop is assigned to.
        public var assignedUser: String?
        /// The display name.
        public var friendlyName: String?
        /// The VM's ARM id; derived from the host name when nil.
        public var resourceId: String?
        /// The VM's id; derived from the host name when nil.
        public var virtualMachineId: String?
        /// Health check results; a standard set matching `status` when nil.
        public var sessionHostHealthCheckResults: [HealthCheck]?

        /// Creates session host properties; every field is optional.
        public init(
            objectId: String? = nil, status: String? = nil, allowNewSession: Bool? = nil, agentVersion: String? = nil,
            osVersion: String? = nil, sxSStackVersion: String? = nil, lastHeartBeat: String? = nil,
            statusTimestamp: String? = nil, lastUpdateTime: String? = nil, updateState: String? = nil,
            updateErrorMessage: String? = nil, assignedUser: String? = nil, friendlyName: String? = nil,
            resourceId: String? = nil, virtualMachineId: String? = nil, sessionHostHealthCheckResults: [HealthCheck]? = nil
        ) {
            self.objectId = objectId
            self.status = status
            self.allowNewSession = allowNewSession
            self.agentVersion = agentVersion
            self.osVersion = osVersion
            self.sxSStackVersion = sxSStackVersion
            self.lastHeartBeat = lastHeartBeat
            self.statusTimestamp = statusTimestamp
            self.lastUpdateTime = lastUpdateTime
            self.updateState = updateState
            self.updateErrorMessage = updateErrorMessage
            self.assignedUser = assignedUser
            self.friendlyName = friendlyName
            self.resourceId = resourceId
            self.virtualMachineId = virtualMachineId
            self.sessionHostHealthCheckResults = sessionHostHealthCheckResults
        }

        enum CodingKeys: String, CodingKey, CaseIterable {
            case objectId, status, allowNewSession, agentVersion, osVersion, sxSStackVersion, lastHeartBeat
            case statusTimestamp, lastUpdateTime, updateState, updateErrorMessage, assignedUser, friendlyName
            case resourceId, virtualMachineId, sessionHostHealthCheckResults
        }

        /// Decodes session host properties, rejecting unknown keys.
        public init(from decoder: any Decoder) throws {
            let container = try decoder.strictContainer(keyedBy: CodingKeys.self)
            objectId = try container.decodeIfPresent(String.self, forKey: .objectId)
            status = try container.decodeIfPresent(String.self, forKey: .status)
            allowNewSession = try container.decodeIfPresent(Bool.self, forKey: .allowNewSession)
            agentVersion = try container.decodeIfPresent(String.self, forKey: .agentVersion)
            osVersion = try container.decodeIfPresent(String.self, forKey: .osVersion)
            sxSStackVersion = try container.decodeIfPresent(String.self, forKey: .sxSStackVersion)
            lastHeartBeat = try container.decodeIfPresent(String.self, forKey: .lastHeartBeat)
            statusTimestamp = try container.decodeIfPresent(String.self, forKey: .statusTimestamp)
            lastUpdateTime = try container.decodeIfPresent(String.self, forKey: .lastUpdateTime)
            updateState = try container.decodeIfPresent(String.self, forKey: .updateState)
            updateErrorMessage = try container.decodeIfPresent(String.self, forKey: .updateErrorMessage)
            assignedUser = try container.decodeIfPresent(String.self, forKey: .assignedUser)
            friendlyName = try container.decodeIfPresent(String.self, forKey: .friendlyName)
            resourceId = try container.decodeIfPresent(String.self, forKey: .resourceId)
            virtualMachineId = try container.decodeIfPresent(String.self, forKey: .virtualMachineId)
            sessionHostHealthCheckResults = try container.decodeIfPresent(
                [HealthCheck].self, forKey: .sessionHostHealthCheckResults)
        }
    }
}
