import Hummingbird

/// What the ARM controller answers: the response and the fault rules that hit the request
/// (a request rule first, then a listing rule), for delivery and the request log.
struct ARMAnswer {
    var response: Response
    var faults: [Fault]

    init(_ response: Response, faults: [Fault] = []) {
        self.response = response
        self.faults = faults
    }

    /// The rule of the request phase that hit, which decides how the answer is delivered.
    var requestFault: Fault? {
        faults.first { $0.kind.phase == .request }
    }
}
