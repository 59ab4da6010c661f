/// How cautiously statements that change Azure are carried out.
public struct MutationPolicy: Sendable {
    /// Print the requests instead of sending them; reads still run.
    public var dryRun: Bool
    /// Statements that would change more rows than this need confirmation.
    public var confirmationThreshold: Int
    /// Proceed past the threshold without asking (`--yes`).
    public var assumeYes: Bool
    /// Asks a person whether to proceed, given the question; `nil` when nobody can be asked
    /// (standard input is not a terminal), in which case large mutations are refused.
    public var confirm: (@Sendable (String) -> Bool)?

    public static let defaultThreshold = 50

    public init(dryRun: Bool = false, confirmationThreshold: Int = MutationPolicy.defaultThreshold, assumeYes: Bool = false, confirm: (@Sendable (String) -> Bool)? = nil) {
        self.dryRun = dryRun
        self.confirmationThreshold = confirmationThreshold
        self.assumeYes = assumeYes
        self.confirm = confirm
    }
}
