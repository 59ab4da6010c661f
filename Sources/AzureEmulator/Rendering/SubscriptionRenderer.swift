/// Renders a subscription as `GET /subscriptions` (api-version 2022-12-01) returns it.
enum SubscriptionRenderer {
    static func render(_ subscription: Scenario.Subscription, tenantId: String) -> [UInt8] {
        var writer = JSONWriter(capacity: 512)
        writer.beginObject()
        writer.field("id", "/subscriptions/\(subscription.subscriptionId)")
        writer.field("authorizationSource", "RoleBased")
        writer.key("managedByTenants")
        writer.beginArray()
        writer.endArray()
        writer.field("subscriptionId", subscription.subscriptionId)
        writer.field("tenantId", tenantId)
        writer.field("displayName", subscription.displayName)
        writer.field("state", subscription.state ?? "Enabled")
        writer.key("subscriptionPolicies")
        writer.beginObject()
        writer.field("locationPlacementId", "Public_2014-09-01")
        writer.field("quotaId", "EnterpriseAgreement_2014-09-01")
        writer.field("spendingLimit", "Off")
        writer.endObject()
        writer.endObject()
        return writer.bytes
    }
}
