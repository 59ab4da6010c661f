import Hummingbird

/// Checks `Authorization: Bearer <token>`: the configured fixed token, or an unexpired token
/// the store issued.
struct BearerAuthenticator: Sendable {
    let token: String
    let store: EmulatorStore

    func check(_ headers: HTTPFields) async throws(ARMError) {
        guard let value = headers[.authorization] else { throw .missingAuthorization() }
        let parts = value.split(separator: " ", maxSplits: 1)
        guard parts.count == 2, parts[0].caseInsensitiveEquals("Bearer") else { throw .malformedAuthorization() }
        let presented = parts[1].trimmingSpaces()
        // The fixed token is compared first and without a hop to the store: it is the hot path.
        if presented == token { return }
        try await store.checkIssuedToken(String(presented))
    }
}
