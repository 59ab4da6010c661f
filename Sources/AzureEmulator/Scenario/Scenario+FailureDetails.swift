extension Scenario {
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
