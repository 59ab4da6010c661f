/// Renders a session host (azure-avd-api.md §3.3), filling unset properties with defaults
/// that fit its status.
enum SessionHostRenderer {
    static func render(_ host: Scenario.SessionHost, sessionCount: Int, at location: ResourceLocation) -> [UInt8] {
        let properties = host.properties
        let status = properties.status ?? "Available"
        let seed = location.seed
        let reference = Scenario.referenceTime
        let registeredAt = ARMTimestamp.string(epochSeconds: reference - 86_400 * (30 + DeterministicID.number("reg" + seed, below: 90)))
        let heartbeat = properties.lastHeartBeat ?? ARMTimestamp.string(
            epochSeconds: reference - (isOnline(status) ? 5 + DeterministicID.number("hb" + seed, below: 55) : 6 * 3_600),
            ticks: DeterministicID.number("hbt" + seed, below: 10_000_000))

        var writer = JSONWriter(capacity: 2_048)
        writer.beginObject()
        writer.field("id", location.sessionHostID)
        writer.field("name", location.sessionHostName)
        writer.field("type", location.sessionHostType)
        SystemDataRenderer.createdOnly(registeredAt, into: &writer)
        writer.key("properties")
        writer.beginObject()
        writer.field("objectId", properties.objectId ?? DeterministicID.uuid("sessionhost:" + seed))
        writer.field("lastHeartBeat", heartbeat)
        writer.field("sessions", int: sessionCount)
        writer.field("agentVersion", properties.agentVersion ?? "1.0.10158.1100")
        writer.field("allowNewSession", bool: properties.allowNewSession ?? true)
        writer.field("virtualMachineId", properties.virtualMachineId ?? DeterministicID.uuid("vm:" + seed))
        writer.field("resourceId", properties.resourceId ?? location.virtualMachineResourceID)
        writer.field("assignedUser", properties.assignedUser)
        writer.field("friendlyName", properties.friendlyName)
        writer.field("status", status)
        writer.field("statusTimestamp", properties.statusTimestamp ?? heartbeat)
        writer.field("osVersion", properties.osVersion ?? "10.0.22631.4460")
        writer.field("sxSStackVersion", properties.sxSStackVersion ?? "rdp-sxs241104001")
        writer.field("updateState", properties.updateState ?? "Succeeded")
        writer.field("lastUpdateTime", properties.lastUpdateTime ?? ARMTimestamp.string(epochSeconds: reference - 9 * 86_400 - 4_321))
        writer.field("updateErrorMessage", properties.updateErrorMessage ?? "")
        writer.key("sessionHostHealthCheckResults")
        writer.beginArray()
        for check in properties.sessionHostHealthCheckResults ?? defaultHealthChecks(status: status, checkedAt: heartbeat) {
            writeHealthCheck(check, into: &writer)
        }
        writer.endArray()
        writer.endObject()
        writer.endObject()
        return writer.bytes
    }

    private static func isOnline(_ status: String) -> Bool {
        ["available", "needsassistance", "upgrading", "upgradefailed"].contains(status.lowercased())
    }

    private static func writeHealthCheck(_ check: Scenario.HealthCheck, into writer: inout JSONWriter) {
        writer.beginObject()
        writer.field("healthCheckName", check.healthCheckName)
        writer.field("healthCheckResult", check.healthCheckResult)
        writer.key("additionalFailureDetails")
        if let details = check.additionalFailureDetails {
            writer.beginObject()
            writer.field("message", details.message)
            writer.field("errorCode", int: details.errorCode)
            writer.field("lastHealthCheckDateTime", details.lastHealthCheckDateTime)
            writer.endObject()
        } else {
            writer.string(nil)
        }
        writer.endObject()
    }

    private static let checkNames = [
        "DomainJoinedCheck", "DomainTrustCheck", "FSLogixHealthCheck", "SxSStackListenerCheck", "UrlsAccessibleCheck",
        "MonitoringAgentCheck", "DomainReachable", "WebRTCRedirectorCheck", "MetaDataServiceCheck",
    ]

    /// All checks pass on a healthy host; a shut-down host reports `SessionHostShutdown`;
    /// `NeedsAssistance` fails FSLogix and `Unavailable` fails the SxS stack listener, the
    /// usual culprits in practice.
    static func defaultHealthChecks(status: String, checkedAt: String) -> [Scenario.HealthCheck] {
        let failing: String? =
            switch status.lowercased() {
            case "needsassistance", "fslogixnothealthy": "FSLogixHealthCheck"
            case "unavailable", "sxsstacklistenernotready": "SxSStackListenerCheck"
            case "domaintrustrelationshiplost": "DomainTrustCheck"
            case "notjoinedtodomain": "DomainJoinedCheck"
            default: nil
            }
        let shutDown = status.lowercased() == "shutdown"
        return checkNames.map { name in
            let failed = name == failing
            return Scenario.HealthCheck(
                healthCheckName: name,
                healthCheckResult: shutDown ? "SessionHostShutdown" : failed ? "HealthCheckFailed" : "HealthCheckSucceeded",
                additionalFailureDetails: Scenario.FailureDetails(
                    message: failed ? failureMessage(name) : "", errorCode: failed ? -2_147_467_259 : 0,
                    lastHealthCheckDateTime: checkedAt))
        }
    }

    private static func failureMessage(_ check: String) -> String {
        switch check {
        case "FSLogixHealthCheck": "FSLogix profile container could not be attached: the network path was not found."
        case "SxSStackListenerCheck": "The SxS stack listener is not ready."
        case "DomainTrustCheck": "The trust relationship between this workstation and the primary domain failed."
        default: "The session host is not joined to a domain."
        }
    }
}
