/// Renders a host pool (azure-avd-api.md §3.4), with defaults that fit its `hostPoolType`.
enum HostPoolRenderer {
    static func render(_ pool: Scenario.HostPool, groupLocation: String, at location: ResourceLocation) -> [UInt8] {
        let properties = pool.properties
        let seed = location.seed
        let isPersonal = (properties.hostPoolType ?? "Pooled").lowercased() == "personal"
        let appGroupType = properties.preferredAppGroupType ?? "Desktop"
        let reference = Scenario.referenceTime
        let createdAt = ARMTimestamp.string(
            epochSeconds: reference - 86_400 * (120 + DeterministicID.number("created" + seed, below: 200)),
            ticks: DeterministicID.number("createdt" + seed, below: 10_000_000))
        let modifiedAt = ARMTimestamp.string(
            epochSeconds: reference - 86_400 * (1 + DeterministicID.number("modified" + seed, below: 20)) - 3_777,
            ticks: DeterministicID.number("modifiedt" + seed, below: 10_000_000))
        let suffix = appGroupType.lowercased() == "railapplications" ? "-RAG" : "-DAG"

        var writer = JSONWriter(capacity: 2_048)
        writer.beginObject()
        writer.field("id", location.hostPoolID)
        writer.field("name", pool.name)
        writer.field("type", location.hostPoolType)
        writer.field("location", pool.location ?? groupLocation)
        writer.field("tags", map: pool.tags)
        SystemDataRenderer.write(
            createdBy: "avd-admin@contoso.com", createdByType: "User", createdAt: createdAt, modifiedAt: modifiedAt,
            into: &writer)
        writer.field("etag", "\"\(DeterministicID.uuid("etag" + seed).prefix(8))-0000-0d00-0000-6740a1b20000\"")
        writer.key("properties")
        writer.beginObject()
        writer.field("objectId", properties.objectId ?? DeterministicID.uuid("hostpool:" + seed))
        writer.field("friendlyName", properties.friendlyName)
        writer.field("description", properties.description)
        writer.field("hostPoolType", properties.hostPoolType ?? "Pooled")
        writer.field("personalDesktopAssignmentType", properties.personalDesktopAssignmentType ?? (isPersonal ? "Automatic" : nil))
        writer.field("customRdpProperty", properties.customRdpProperty)
        writer.field("maxSessionLimit", int: properties.maxSessionLimit ?? (isPersonal ? nil : 999_999))
        writer.field("loadBalancerType", properties.loadBalancerType ?? (isPersonal ? "Persistent" : "BreadthFirst"))
        writer.field("ring", int: properties.ring)
        writer.field("validationEnvironment", bool: properties.validationEnvironment ?? false)
        writer.key("registrationInfo")
        writer.beginObject()
        writer.field("expirationTime", nil)
        writer.field("token", nil)
        writer.field("registrationTokenOperation", "None")
        writer.endObject()
        writer.field("vmTemplate", properties.vmTemplate)
        writer.field(
            "applicationGroupReferences",
            strings: properties.applicationGroupReferences ?? [location.applicationGroupID(pool.name + suffix)])
        writer.field("appAttachPackageReferences", strings: [])
        writer.field("ssoadfsAuthority", nil)
        writer.field("ssoClientId", nil)
        writer.field("ssoClientSecretKeyVaultPath", nil)
        writer.field("ssoSecretType", nil)
        writer.field("preferredAppGroupType", appGroupType)
        writer.field("startVMOnConnect", bool: properties.startVMOnConnect ?? false)
        writer.field("cloudPcResource", bool: false)
        writer.field("publicNetworkAccess", properties.publicNetworkAccess ?? "Enabled")
        writeAgentUpdate(properties.agentUpdate ?? Scenario.AgentUpdate(useSessionHostLocalTime: false), into: &writer)
        writer.field("privateEndpointConnections", strings: [])
        writer.endObject()
        writer.endObject()
        return writer.bytes
    }

    private static func writeAgentUpdate(_ update: Scenario.AgentUpdate, into writer: inout JSONWriter) {
        writer.key("agentUpdate")
        writer.beginObject()
        writer.field("type", update.type)
        writer.field("useSessionHostLocalTime", bool: update.useSessionHostLocalTime)
        writer.field("maintenanceWindowTimeZone", update.maintenanceWindowTimeZone)
        writer.key("maintenanceWindows")
        writer.beginArray()
        for window in update.maintenanceWindows {
            writer.beginObject()
            writer.field("hour", int: window.hour)
            writer.field("dayOfWeek", window.dayOfWeek)
            writer.endObject()
        }
        writer.endArray()
        writer.endObject()
    }
}
