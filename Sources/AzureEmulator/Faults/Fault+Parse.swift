extension Fault {
    /// Parses one rule: `KIND[ OPTION…][@PATH-SUBSTRING][#TIMES]`.
    ///
    /// `KIND` is `STATUS[:CODE]` (400–599), `drop`, `truncate`, `invalid-json`, `latency=MS`,
    /// `stall=MS`, `nextlink-loop` or `nextlink-host=URL`. Options, separated by spaces:
    /// `method=METHOD`, `after=N`, `P%` (a probability), `retry-after=SECONDS`,
    /// `retry-after-date=SECONDS` or `retry-after=none` (status rules only). Everything after
    /// the first `@` up to the last `#` is the path substring, so it may contain spaces.
    ///
    /// The original `--fault` specs (`503`, `429#3`, `500:InternalServerError@hostpools/hp-broken`,
    /// `403@/usersessions/#1`) are rules of this grammar and mean what they always meant.
    /// - Parameter spec: one rule (the `--fault` option).
    /// - Returns: the rule.
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
        var words = rest.split(separator: " ")
        guard !words.isEmpty else {
            throw FaultSpecError(spec: spec, problem: "it must start with a kind: an HTTP status from 400 to 599 or a word such as drop")
        }
        let parser = RuleParser(spec: spec)
        var fault = try parser.kind(words.removeFirst())
        fault.pathContains = path
        fault.times = times
        for word in words { try parser.option(word, into: &fault) }
        return fault
    }

    /// Parses several rules separated by `;` (the `--faults` option), e.g.
    /// `503 after=2#3; drop 10%@/usersessions/; nextlink-loop`. Empty rules are skipped.
    /// - Parameter specs: the rules.
    /// - Returns: the rules in order.
    /// - Throws: ``FaultSpecError`` for the first rule that is wrong.
    public static func parseRules(_ specs: String) throws -> [Fault] {
        let rules = specs.split(separator: ";").map { $0.trimmingSpaces() }.filter { !$0.isEmpty }
        guard !rules.isEmpty else { throw FaultSpecError(spec: specs, problem: "it holds no rule") }
        return try rules.map { try parse(String($0)) }
    }
}

/// The word-level grammar of one rule; `Fault.parse` has already split off `@PATH` and `#TIMES`.
private struct RuleParser {
    let spec: String

    func kind(_ word: Substring) throws -> Fault {
        let (name, value) = split(word)
        switch (name.lowercased(), value) {
        case ("drop", nil): return Fault(.dropConnection)
        case ("truncate", nil): return Fault(.truncatedBody)
        case ("invalid-json", nil): return Fault(.invalidJSON)
        case ("nextlink-loop", nil): return Fault(.nextLinkLoop)
        case ("latency", let value?): return Fault(.latency(try milliseconds(value, of: "latency")))
        case ("stall", let value?): return Fault(.stall(try milliseconds(value, of: "stall")))
        case ("nextlink-host", let value?): return Fault(.nextLinkHost(try origin(value)))
        default: return try status(word)
        }
    }

    func option(_ word: Substring, into fault: inout Fault) throws {
        if word.hasSuffix("%") {
            guard let percent = Double(word.dropLast()), percent > 0, percent <= 100 else {
                throw problem("the probability '\(word)' must be a percentage above 0 and at most 100, such as 30%")
            }
            fault.probability = percent / 100
            return
        }
        let (name, value) = split(word)
        switch (name.lowercased(), value) {
        case ("method", let value?):
            guard !value.isEmpty, value.allSatisfy({ $0.isLetter }) else { throw problem("the method must be a word such as DELETE") }
            fault.method = value.uppercased()
        case ("after", let value?):
            guard let count = Int(value), count >= 0 else { throw problem("after= must be a whole number of at least 0") }
            fault.after = count
        case ("retry-after", let value?), ("retry-after-date", let value?):
            guard case .status(let status, let code, let message, _) = fault.kind else {
                throw problem("\(name)= only applies to a status fault")
            }
            fault.kind = .status(status, code: code, message: message, retryAfter: try retryAfter(name: name, value: value))
        default:
            throw problem(
                "'\(word)' is not an option (options: method=METHOD, after=N, P%, retry-after=SECONDS|none, retry-after-date=SECONDS)")
        }
    }

    private func status(_ word: Substring) throws -> Fault {
        let parts = word.split(separator: ":", maxSplits: 1, omittingEmptySubsequences: false)
        guard let status = Int(parts[0]), (400...599).contains(status) else {
            throw problem(
                "it must start with a kind: an HTTP status from 400 to 599, drop, truncate, invalid-json, latency=MS, "
                    + "stall=MS, nextlink-loop or nextlink-host=URL")
        }
        var code: String?
        if parts.count == 2 {
            guard !parts[1].isEmpty, parts[1].allSatisfy({ $0.isLetter || $0.isNumber || $0 == "." || $0 == "_" }) else {
                throw problem("the code after ':' must be a non-empty word such as InternalServerError")
            }
            code = String(parts[1])
        }
        return Fault(status: status, code: code)
    }

    private func retryAfter(name: Substring, value: String) throws -> Fault.RetryAfter {
        if name.lowercased() == "retry-after", value.lowercased() == "none" { return .none }
        guard let seconds = Int(value), (0...86_400).contains(seconds) else {
            throw problem("\(name)= must be a number of seconds from 0 to 86400\(name.lowercased() == "retry-after" ? ", or none" : "")")
        }
        return name.lowercased() == "retry-after" ? .seconds(seconds) : .date(secondsFromNow: seconds)
    }

    private func milliseconds(_ value: String, of name: String) throws -> Duration {
        guard let milliseconds = Int(value), (0...600_000).contains(milliseconds) else {
            throw problem("\(name)= must be a number of milliseconds from 0 to 600000")
        }
        return .milliseconds(milliseconds)
    }

    private func origin(_ value: String) throws -> String {
        var origin = value
        while origin.hasSuffix("/") { origin.removeLast() }
        let lowered = origin.lowercased()
        let scheme = lowered.hasPrefix("http://") ? "http://" : lowered.hasPrefix("https://") ? "https://" : nil
        guard let scheme, origin.count > scheme.count, !origin.dropFirst(scheme.count).contains("/") else {
            throw problem("nextlink-host= must be an origin such as http://127.0.0.2:8080 (a scheme and a host, no path)")
        }
        return origin
    }

    private func split(_ word: Substring) -> (name: Substring, value: String?) {
        guard let equals = word.firstIndex(of: "=") else { return (word, nil) }
        return (word[..<equals], String(word[word.index(after: equals)...]))
    }

    private func problem(_ text: String) -> FaultSpecError {
        FaultSpecError(spec: spec, problem: text)
    }
}
