import Foundation
import Hummingbird

/// The emulator's own routes under `/_emulator` (no authentication, not ARM): the request
/// log, sent messages, issued tokens and a health check.
struct InspectionController: Sendable {
    let store: EmulatorStore

    func addRoutes(to group: RouterGroup<EmulatorRequestContext>) {
        group.get("requests") { _, _ in await requests() }
        group.delete("requests") { _, _ in
            await store.resetRequestLog()
            return Response(status: .noContent)
        }
        group.get("messages") { _, _ in await messages() }
        group.get("tokens") { _, _ in await tokens() }
        group.post("tokens/expire") { _, _ in
            await store.expireAllTokens()
            return Response(status: .noContent)
        }
        group.get("health") { _, _ in await health() }
    }

    private func requests() async -> Response {
        var writer = JSONWriter(capacity: 4_096)
        writer.beginObject()
        writer.key("value")
        writer.beginArray()
        for entry in await store.requestLog() {
            writer.beginObject()
            writer.field("method", entry.method)
            writer.field("path", entry.path)
            writer.field("query", entry.query)
            writer.field("status", int: entry.status)
            writer.field("force", bool: entry.force)
            writer.field("requestId", entry.requestId)
            writer.field("time", Self.timestamp(entry.time.timeIntervalSince1970))
            writer.field("faults", strings: entry.faults)
            writer.endObject()
        }
        writer.endArray()
        writer.endObject()
        return JSONResponse.make(writer.bytes)
    }

    private func messages() async -> Response {
        var writer = JSONWriter(capacity: 1_024)
        writer.beginObject()
        writer.key("value")
        writer.beginArray()
        for message in await store.sentMessages() {
            writer.beginObject()
            writer.field("sessionResourceId", message.sessionResourceId)
            writer.field("hostPool", message.hostPool)
            writer.field("sessionHost", message.sessionHost)
            writer.field("userSessionId", message.userSessionId)
            writer.field("messageTitle", message.title)
            writer.field("messageBody", message.body)
            writer.field("time", Self.timestamp(message.time.timeIntervalSince1970))
            writer.endObject()
        }
        writer.endArray()
        writer.endObject()
        return JSONResponse.make(writer.bytes)
    }

    private func tokens() async -> Response {
        var writer = JSONWriter(capacity: 1_024)
        writer.beginObject()
        writer.key("value")
        writer.beginArray()
        for token in await store.issuedTokens() {
            writer.beginObject()
            writer.field("clientId", token.clientId)
            writer.field("tenantId", token.tenantId)
            writer.field("flow", token.flow.rawValue)
            writer.field("issuedAt", Self.timestamp(token.issuedAt.timeIntervalSince1970))
            writer.field("expiresAt", Self.timestamp(token.expiresAt.timeIntervalSince1970))
            writer.field("accessToken", token.accessToken)
            writer.endObject()
        }
        writer.endArray()
        writer.endObject()
        return JSONResponse.make(writer.bytes)
    }

    private func health() async -> Response {
        let counts = await store.counts()
        var writer = JSONWriter()
        writer.beginObject()
        writer.field("status", "ok")
        writer.field("subscriptions", int: counts.subscriptions)
        writer.field("hostPools", int: counts.hostPools)
        writer.field("sessionHosts", int: counts.sessionHosts)
        writer.field("userSessions", int: counts.userSessions)
        writer.endObject()
        return JSONResponse.make(writer.bytes)
    }

    private static func timestamp(_ seconds: Double) -> String {
        let whole = Int(seconds.rounded(.down))
        return ARMTimestamp.string(epochSeconds: whole, ticks: Int((seconds - Double(whole)) * 10_000_000))
    }
}
