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

    /// One entry of a session host's `sessionHostHealthCheckResults`.
    public struct HealthCheck: Codable, Sendable, Equatable {
        /// e.g. `DomainJoinedCheck`, `FSLogixHealthCheck`, `SxSStackListenerCheck`.
        public var healthCheckName: String
        /// `HealthCheckSucceeded`, `HealthCheckFailed`, `SessionHostShutdown` or `Unknown`.
        public var healthCheckResult: String
        /// Details of the last run.
        public var additionalFailureDetails: FailureDetails?

        /// Creates a health check result.
        public init(healthCheckName: String, healthCheckResult: String, additionalFailureDetails: FailureDetails? = nil) {
            self.healthCheckName = healthCheckName
            self.healthCheckResult = healthCheckResult
            self.additionalFailureDetails = additionalFailureDetails
        }

        enum CodingKeys: String, CodingKey, CaseIterable {
            case healthCheckName, healthCheckResult, additionalFailureDetails
        }

        /// Decodes a health check result, rejecting unknown keys.
        public init(from decoder: any Decoder) throws {
            let container = try decoder.strictContainer(keyedBy: CodingKeys.self)
            healthCheckName = try container.decode(String.self, forKey: .healthCheckName)
            healthCheckResult = try container.decode(String.self, forKey: .healthCheckResult)
            additionalFailureDetails = try container.decodeIfPresent(FailureDetails.self, forKey: .additionalFailureDetails)
        }
    }

    /// The `additionalFailureDetails` of a health check.
    public struct FailureDetails: Codable, Sendable, Equatable {
        /// What went wrong (`""` when the check passed).
        public var message: String?
        /// The error code (0 when the check passed).
        public var errorCode: Int?
        /// When the check last ran (date-time).
        public var lastHealthCheckDateTime: String?

        /// Creates failure details.
        public init(message: String? = nil, errorCode: Int? = nil, lastHealthCheckDateTime: String? = nil) {
            self.message = message
            self.errorCode = errorCode
            self.lastHealthCheckDateTime = lastHealthCheckDateTime
        }

        enum CodingKeys: String, CodingKey, CaseIterable {
            case message, errorCode, lastHealthCheckDateTime
        }

        /// Decodes failure details, rejecting unknown keys.
        public init(from decoder: any Decoder) throws {
            let container = try decoder.strictContainer(keyedBy: CodingKeys.self)
            message = try container.decodeIfPresent(String.self, forKey: .message)
            errorCode = try container.decodeIfPresent(Int.self, forKey: .errorCode)
            lastHealthCheckDateTime = try container.decodeIfPresent(String.self, forKey: .lastHealthCheckDateTime)
        }
    }
}
