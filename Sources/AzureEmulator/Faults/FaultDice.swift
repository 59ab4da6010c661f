/// The seeded randomness behind probabilistic faults: a pure function of (seed, rule,
/// candidate number), not a shared stream, so one rule's draws never shift another's and
/// concurrent requests cannot reorder the sequence of decisions, only which request gets which.
enum FaultDice {
    /// A number in `0..<1`, uniform over 2^53 values.
    /// - Parameters:
    ///   - seed: ``EmulatorConfiguration/faultSeed``.
    ///   - rule: the rule's position in the configuration.
    ///   - candidate: how many candidate requests the rule saw before this one.
    static func roll(seed: UInt64, rule: Int, candidate: Int) -> Double {
        let mixed = splitMix(splitMix(seed ^ splitMix(UInt64(truncatingIfNeeded: rule))) ^ UInt64(truncatingIfNeeded: candidate))
        return Double(mixed >> 11) / Double(UInt64(1) << 53)
    }

    /// SplitMix64's finaliser: a bijection with full avalanche, so neighbouring inputs give
    /// unrelated outputs.
    private static func splitMix(_ value: UInt64) -> UInt64 {
        var z = value &+ 0x9E37_79B9_7F4A_7C15
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
