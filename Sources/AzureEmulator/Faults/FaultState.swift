/// A rule and its counters: how many candidate requests it has seen and how often it fired.
struct FaultState: Sendable {
    let fault: Fault
    /// The rule's position in the configuration, one input of its dice.
    let index: Int
    private(set) var seen = 0
    private(set) var fired = 0

    init(_ fault: Fault, index: Int) {
        self.fault = fault
        self.index = index
    }

    /// Decides whether the rule hits its next candidate request, and counts it.
    ///
    /// The decision depends only on the seed, the rule's index and how many candidates the rule
    /// has seen before, never on other rules' dice or the clock, so the same seed and the same
    /// order of requests give the same faults.
    mutating func fires(seed: UInt64) -> Bool {
        let candidate = seen
        seen += 1
        guard candidate >= fault.after else { return false }
        if let times = fault.times, fired >= times { return false }
        if let probability = fault.probability,
            FaultDice.roll(seed: seed, rule: index, candidate: candidate) >= probability
        {
            return false
        }
        fired += 1
        return true
    }
}
