extension Scenario {
    /// One weekly agent maintenance window.
    public struct MaintenanceWindow: Codable, Sendable, Equatable {
        /// The starting hour, 0–23.
        public var hour: Int
        /// `Monday` … `Sunday`.
        public var dayOfWeek: String

        /// Creates a maintenance window.
        public init(hour: Int, dayOfWeek: String) {
            self.hour = hour
            self.dayOfWeek = dayOfWeek
        }

        enum CodingKeys: String, CodingKey, CaseIterable {
            case hour, dayOfWeek
        }

        /// Decodes a maintenance window, rejecting unknown keys.
        public init(from decoder: any Decoder) throws {
            let container = try decoder.strictContainer(keyedBy: CodingKeys.self)
            hour = try container.decode(Int.self, forKey: .hour)
            dayOfWeek = try container.decode(String.self, forKey: .dayOfWeek)
        }
    }
}
