/// A configuration the emulator cannot run with, or a server that could not start.
public struct EmulatorError: Error, Sendable, Equatable, CustomStringConvertible {
    /// One sentence saying what is wrong.
    public let description: String

    init(_ description: String) {
        self.description = description
    }
}
