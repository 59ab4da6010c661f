import Foundation

/// A message sent to a user session with `POST …/userSessions/{id}/sendMessage`.
public struct SentMessage: Sendable, Equatable {
    /// The session's resource id, as the emulator returns it in `id`.
    public let sessionResourceId: String
    /// The host pool (stored case).
    public let hostPool: String
    /// The session host (stored case).
    public let sessionHost: String
    /// The user session id.
    public let userSessionId: String
    /// `messageTitle` from the body; nil when absent or null.
    public let title: String?
    /// `messageBody` from the body; nil when absent or null.
    public let body: String?
    /// When the emulator received it.
    public let time: Date
}
