/// Writes the ARM `systemData` block.
enum SystemDataRenderer {
    /// Only `createdAt` set and everything else null, as the UserSessions_ListByHostPool example
    /// shows: clients must cope with the nulls.
    static func createdOnly(_ createdAt: String?, into writer: inout JSONWriter) {
        write(createdBy: nil, createdByType: nil, createdAt: createdAt, modifiedAt: nil, into: &writer)
    }

    static func write(createdBy: String?, createdByType: String?, createdAt: String?, modifiedAt: String?, into writer: inout JSONWriter) {
        writer.key("systemData")
        writer.beginObject()
        writer.field("createdBy", createdBy)
        writer.field("createdByType", createdByType)
        writer.field("createdAt", createdAt)
        writer.field("lastModifiedBy", modifiedAt == nil ? nil : createdBy)
        writer.field("lastModifiedByType", modifiedAt == nil ? nil : createdByType)
        writer.field("lastModifiedAt", modifiedAt)
        writer.endObject()
    }
}
