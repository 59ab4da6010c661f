import Foundation

/// Writes: the three things a client can do to a user session.
extension EmulatorStore {
    /// UserSessions_Delete: the session is gone and its host's `sessions` count drops.
    func deleteUserSession(_ path: ARMPath.Session) throws(ARMError) {
        let (host, position) = try resolve(path)
        withHost(host) { $0.removeSession(at: position) }
    }

    /// UserSessions_Disconnect: the session stays, in state `Disconnected`.
    func disconnectUserSession(_ path: ARMPath.Session) throws(ARMError) {
        let (host, position) = try resolve(path)
        withHost(host) { $0.updateSession(at: position) { $0.sessionState = "Disconnected" } }
    }

    /// UserSessions_SendMessage: recorded for ``sentMessages()`` and `GET /_emulator/messages`.
    func sendMessage(_ path: ARMPath.Session, title: String?, body: String?) throws(ARMError) {
        let (address, position) = try resolve(path)
        let host = host(address)
        let sessionId = host.sessions[position].session.id
        messages.append(
            SentMessage(
                sessionResourceId: host.location.userSessionID(sessionId), hostPool: host.location.hostPool,
                sessionHost: host.host.name, userSessionId: sessionId, title: title, body: body, time: Date()))
    }
}
