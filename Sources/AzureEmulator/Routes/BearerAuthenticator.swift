import Hummingbird

/// Checks `Authorization: Bearer <token>` against the one token the emulator accepts.
struct BearerAuthenticator: Sendable {
    let token: String

    func check(_ headers: HTTPFields) throws(ARMError) {
        guard let value = headers[.authorization] else { throw .missingAuthorization() }
        let parts = value.split(separator: " ", maxSplits: 1)
        guard parts.count == 2, parts[0].caseInsensitiveEquals("Bearer") else { throw .malformedAuthorization() }
        guard parts[1].trimmingSpaces() == token else { throw .invalidToken() }
    }
}
