import Foundation

/// One token per scope for the life of the process, fetched again shortly before it expires.
/// Requests that need a token at the same time share one fetch.
actor TokenCache {
    private struct Entry {
        var token: AccessToken
        var fetchedAt: Date
    }

    private let credential: any TokenCredential
    private var entries: [String: Entry] = [:]
    private var fetching: [String: Task<AccessToken, any Error>] = [:]

    init(credential: any TokenCredential) {
        self.credential = credential
    }

    func token(scope: String, now: Date = Date()) async throws -> AccessToken {
        if let entry = entries[scope], now < Self.refreshTime(entry) { return entry.token }
        if let task = fetching[scope] { return try await task.value }
        let task = Task { [credential] in try await credential.token(scope: scope) }
        fetching[scope] = task
        defer { fetching[scope] = nil }
        let token = try await task.value
        entries[scope] = Entry(token: token, fetchedAt: Date())
        return token
    }

    /// Azure refused `token` as expired: forget it, so the next request fetches a new one.
    func invalidate(_ token: String, scope: String) {
        if entries[scope]?.token.token == token { entries[scope] = nil }
    }

    /// A few minutes before expiry — or, for short-lived tokens, a tenth of their life before.
    private static func refreshTime(_ entry: Entry) -> Date {
        let lifetime = entry.token.expiresOn.timeIntervalSince(entry.fetchedAt)
        return entry.token.expiresOn.addingTimeInterval(-min(300, max(0, lifetime) / 10))
    }
}
