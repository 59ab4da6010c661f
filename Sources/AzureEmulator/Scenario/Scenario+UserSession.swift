extension Scenario {
    /// A user session. The file format is flat: these fields become `properties` in responses.
    public struct UserSession: Codable, Sendable, Equatable {
        /// The session id, unique within its session host. The live service uses small integers.
        public var id: String
        /// The user's UPN; `user<id>@contoso.com` when nil.
        public var userPrincipalName: String?
        /// `Active` (default), `Disconnected`, `Pending`, `LogOff`, `UserProfileDiskMounted` or
        /// `Unknown` (passed through as written).
        public var sessionState: String?
        /// `Desktop` (default) or `RemoteApp`.
        public var applicationType: String?
        /// The down-level logon name, e.g. `CONTOSO\alice`; derived from the UPN when nil.
        public var activeDirectoryUserName: String?
        /// When the session started, e.g. `2026-11-24T08:01:54.9571247Z`; derived when nil.
        public var createTime: String?
        /// The user's Entra object id; derived from the UPN when nil (so one user has one id).
        public var objectId: String?

        /// Creates a user session.
        public init(
            id: String, userPrincipalName: String? = nil, sessionState: String? = nil, applicationType: String? = nil,
            activeDirectoryUserName: String? = nil, createTime: String? = nil, objectId: String? = nil
        ) {
            self.id = id
            self.userPrincipalName = userPrincipalName
            self.sessionState = sessionState
            self.applicationType = applicationType
            self.activeDirectoryUserName = activeDirectoryUserName
            self.createTime = createTime
            self.objectId = objectId
        }

        enum CodingKeys: String, CodingKey, CaseIterable {
            case id, userPrincipalName, sessionState, applicationType, activeDirectoryUserName, createTime, objectId
        }

        /// Decodes a user session, rejecting unknown keys.
        public init(from decoder: any Decoder) throws {
            let container = try decoder.strictContainer(keyedBy: CodingKeys.self)
            id = try container.decode(String.self, forKey: .id)
            userPrincipalName = try container.decodeIfPresent(String.self, forKey: .userPrincipalName)
            sessionState = try container.decodeIfPresent(String.self, forKey: .sessionState)
            applicationType = try container.decodeIfPresent(String.self, forKey: .applicationType)
            activeDirectoryUserName = try container.decodeIfPresent(String.self, forKey: .activeDirectoryUserName)
            createTime = try container.decodeIfPresent(String.self, forKey: .createTime)
            objectId = try container.decodeIfPresent(String.self, forKey: .objectId)
        }
    }
}
