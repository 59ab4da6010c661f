/// Renders a user session the way the service returns it (azure-avd-api.md §3.2 and §4).
enum UserSessionRenderer {
    static func render(_ session: Scenario.UserSession, naming: UserSessionNaming) -> [UInt8] {
        let createTime = session.createTime ?? defaultCreateTime(session, naming: naming)
        let upn = session.userPrincipalName ?? defaultUserPrincipalName(session)
        var writer = JSONWriter(capacity: 768)
        writer.beginObject()
        writer.field("id", naming.idPrefix + session.id)
        writer.field("name", naming.namePrefix + session.id)
        writer.field("type", naming.type)
        SystemDataRenderer.createdOnly(createTime, into: &writer)
        writer.key("properties")
        writer.beginObject()
        writer.field("objectId", session.objectId ?? DeterministicID.uuid("user:" + upn.lowercased()))
        writer.field("userPrincipalName", upn)
        writer.field("applicationType", session.applicationType ?? "Desktop")
        writer.field("sessionState", session.sessionState ?? "Active")
        writer.field("activeDirectoryUserName", session.activeDirectoryUserName ?? defaultDownLevelName(upn))
        writer.field("createTime", createTime)
        writer.endObject()
        writer.endObject()
        return writer.bytes
    }

    static func defaultUserPrincipalName(_ session: Scenario.UserSession) -> String {
        "user\(session.id)@contoso.com"
    }

    /// `alice@contoso.com` → `CONTOSO\alice`.
    static func defaultDownLevelName(_ upn: String) -> String {
        let parts = upn.split(separator: "@", maxSplits: 1)
        guard parts.count == 2 else { return upn }
        let domain = parts[1].split(separator: ".").first.map { $0.uppercased() } ?? "CONTOSO"
        return "\(domain)\\\(parts[0])"
    }

    /// Some time in the three days before ``Scenario/referenceTime``, fixed per session.
    static func defaultCreateTime(_ session: Scenario.UserSession, naming: UserSessionNaming) -> String {
        let seed = naming.seedPrefix + session.id.lowercased()
        let secondsAgo = 60 + DeterministicID.number(seed, below: 3 * 86_400)
        return ARMTimestamp.string(
            epochSeconds: Scenario.referenceTime - secondsAgo, ticks: DeterministicID.number("ticks" + seed, below: 10_000_000))
    }
}
