extension Scenario {
    /// A host pool's agent update schedule.
    public struct AgentUpdate: Codable, Sendable, Equatable {
        /// `Default` or `Scheduled`.
        public var type: String
        /// Whether maintenance windows use the session host's local time.
        public var useSessionHostLocalTime: Bool?
        /// The time zone of the maintenance windows, e.g. `W. Europe Standard Time`.
        public var maintenanceWindowTimeZone: String?
        /// The weekly maintenance windows.
        public var maintenanceWindows: [MaintenanceWindow]

        /// Creates an agent update schedule.
        public init(
            type: String = "Default", useSessionHostLocalTime: Bool? = nil, maintenanceWindowTimeZone: String? = nil,
            maintenanceWindows: [MaintenanceWindow] = []
        ) {
            self.type = type
            self.useSessionHostLocalTime = useSessionHostLocalTime
            self.maintenanceWindowTimeZone = maintenanceWindowTimeZone
            self.maintenanceWindows = maintenanceWindows
        }

        enum CodingKeys: String, CodingKey, CaseIterable {
            case type, useSessionHostLocalTime, maintenanceWindowTimeZone, maintenanceWindows
        }

        /// Decodes an agent update schedule, rejecting unknown keys.
        public init(from decoder: any Decoder) throws {
            let container = try decoder.strictContainer(keyedBy: CodingKeys.self)
            type = try container.decodeIfPresent(String.self, forKey: .type) ?? "Default"
            useSessionHostLocalTime = try container.decodeIfPresent(Bool.self, forKey: .useSessionHostLocalTime)
            maintenanceWindowTimeZone = try container.decodeIfPresent(String.self, forKey: .maintenanceWindowTimeZone)
            maintenanceWindows = try container.decodeIfPresent([MaintenanceWindow].self, forKey: .maintenanceWindows) ?? []
        }
    }
}
