/// The parts of a user session's `id`, `name` and `type` shared by every session of one host,
/// built once per host: rendering 100,000 sessions should not rebuild the same prefixes.
struct UserSessionNaming: Sendable {
    let idPrefix: String
    let namePrefix: String
    let type: String
    /// Prefix of the seed for derived defaults.
    let seedPrefix: String

    init(_ location: ResourceLocation) {
        idPrefix = location.userSessionID("")
        namePrefix = location.userSessionName("")
        type = location.userSessionType
        seedPrefix = location.seed + "/"
    }
}
