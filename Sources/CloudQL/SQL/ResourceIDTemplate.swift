/// A method's path template, used to read parameter values back out of a resource `id`.
/// Literal segments compare case-insensitively: the live service lowercases them
/// (`resourcegroups`, `hostpools`) while the documents use camelCase.
struct ResourceIDTemplate {
    private enum Segment {
        case literal(String)
        case parameter(String)
    }

    private let segments: [Segment]

    init(_ pathTemplate: String) {
        segments = pathTemplate.split(separator: "/").map { part in
            part.hasPrefix("{") && part.hasSuffix("}")
                ? .parameter(String(part.dropFirst().dropLast()))
                : .literal(part.lowercased())
        }
    }

    /// The parameter values in `id`, from the first template it fits.
    static func match(_ id: String, against templates: [ResourceIDTemplate]) -> [String: String]? {
        let parts = id.split(separator: "/", omittingEmptySubsequences: true)
        for template in templates where template.segments.count == parts.count {
            var values: [String: String] = [:]
            var fits = true
            for (segment, part) in zip(template.segments, parts) {
                switch segment {
                case .literal(let literal):
                    if part.lowercased() != literal { fits = false }
                case .parameter(let name):
                    values[name] = String(part)
                }
                if !fits { break }
            }
            if fits { return values }
        }
        return nil
    }
}
