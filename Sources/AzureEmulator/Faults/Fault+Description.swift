extension Fault: CustomStringConvertible {
    /// The rule in the `--fault` grammar, e.g. `429 retry-after=5@/hostpools/#3`; parsing it
    /// gives the rule back (except a custom status message, which has no spec form). The
    /// request log names faults this way.
    public var description: String {
        var text = kind.specWord
        if let method { text += " method=\(method)" }
        if after > 0 { text += " after=\(after)" }
        if let probability { text += " \(Self.percent(probability))%" }
        if case .status(let status, _, _, let retryAfter) = kind, retryAfter != .usual(for: status) {
            switch retryAfter {
            case .none: text += " retry-after=none"
            case .seconds(let seconds): text += " retry-after=\(seconds)"
            case .date(let seconds): text += " retry-after-date=\(seconds)"
            }
        }
        if !pathContains.isEmpty { text += "@\(pathContains)" }
        if let times { text += "#\(times)" }
        return text
    }

    private static func percent(_ probability: Double) -> String {
        let percent = (probability * 100 * 10_000).rounded() / 10_000
        return percent == percent.rounded() ? String(Int(percent)) : String(percent)
    }
}

extension Fault.Kind {
    /// The kind's word in the rule grammar.
    var specWord: String {
        switch self {
        case .status(let status, let code, _, _):
            code == Fault.defaultCode(for: status) ? "\(status)" : "\(status):\(code)"
        case .latency(let duration): "latency=\(duration.wholeMilliseconds)"
        case .stall(let duration): "stall=\(duration.wholeMilliseconds)"
        case .dropConnection: "drop"
        case .truncatedBody: "truncate"
        case .invalidJSON: "invalid-json"
        case .nextLinkLoop: "nextlink-loop"
        case .nextLinkHost(let origin): "nextlink-host=\(origin)"
        }
    }
}
