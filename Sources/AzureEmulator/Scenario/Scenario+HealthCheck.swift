extension Scenario {
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
}
