extension Fault {
    /// Parses `STATUS[:CODE][@PATH-SUBSTRING][#TIMES]`, e.g. `503`, `429#3`,
    /// `500:InternalServerError@hostpools/hp-broken` or `403@/usersessions/#1`.
    /// - Parameter spec: the fault specification (the `--fault` option).
    /// - Returns: the fault.
    /// - Throws: ``FaultSpecError`` saying what is wrong.
    public static func parse(_ spec: String) throws -> Fault {
        var rest = Substring(spec)
        var times: Int?
        if let hash = rest.lastIndex(of: "#") {
            let count = rest[rest.index(after: hash)...]
            guard let value = Int(count), value >= 1 else {
                throw FaultSpecError(spec: spec, problem: "the count after '#' must be a whole number of at least 1")
            }
            times = value
            rest = rest[..<hash]
        }
        var path = ""
        if let at = rest.firstIndex(of: "@") {
            path = String(rest[rest.index(after: at)...])
            rest = rest[..<at]
        }
        let parts = rest.split(separator: ":", maxSplits: 1, omittingEmptySubsequences: false)
        guard let status = Int(parts[0]), (400...599).contains(status) else {
            throw FaultSpecError(spec: spec, problem: "it must start with an HTTP status from 400 to 599")
        }
        var code: String?
        if parts.count == 2 {
            guard !parts[1].isEmpty, parts[1].allSatisfy({ $0.isLetter || $0.isNumber || $0 == "." || $0 == "_" }) else {
                throw FaultSpecError(spec: spec, problem: "the code after ':' must be a non-empty word such as InternalServerError")
            }
            code = String(parts[1])
        }
        return Fault(status: status, code: code, pathContains: path, times: times)
    }
}
