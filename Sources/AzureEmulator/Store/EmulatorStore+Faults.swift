/// Fault decisions: the store owns the counters, so concurrent requests take turns.
extension EmulatorStore {
    /// The first rule of `phase` that matches this request and fires, if any. Every rule of the
    /// phase up to that one counts the request as a candidate; later rules do not see it.
    func takeFault(_ phase: Fault.Phase, method: String, decodedPath: String) -> Fault? {
        for index in faults.indices where faults[index].fault.kind.phase == phase {
            guard faults[index].fault.matches(method: method, decodedPath: decodedPath) else { continue }
            if faults[index].fires(seed: faultSeed) { return faults[index].fault }
        }
        return nil
    }
}
