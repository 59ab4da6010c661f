/// A fault and how many more requests it may fail (nil: unlimited).
struct FaultCounter: Sendable {
    let fault: Fault
    var remaining: Int?
}
