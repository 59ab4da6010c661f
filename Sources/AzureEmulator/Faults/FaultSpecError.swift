/// A `--fault`/`--faults` specification that cannot be parsed.
public struct FaultSpecError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The specification as given.
    public let spec: String
    /// What is wrong with it.
    public let problem: String

    /// One sentence naming the specification, the problem and the expected format.
    public var description: String {
        "Invalid fault '\(spec)': \(problem) (format: \(Self.format), e.g. 500:InternalServerError@hostpools/hp-broken#2 "
            + "or drop 30%@/usersessions/; see docs/emulator.md)."
    }

    /// The grammar of one rule, as the help and error messages show it.
    public static let format = "KIND[ OPTION…][@PATH-SUBSTRING][#TIMES]"
}
