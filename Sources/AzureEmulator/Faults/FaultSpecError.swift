/// A `--fault` specification that cannot be parsed.
public struct FaultSpecError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The specification as given.
    public let spec: String
    /// What is wrong with it.
    public let problem: String

    /// One sentence naming the specification, the problem and the expected format.
    public var description: String {
        "Invalid fault '\(spec)': \(problem) (format: STATUS[:CODE][@PATH-SUBSTRING][#TIMES], e.g. 500:InternalServerError@hostpools/hp-broken#2)."
    }
}
