import CSQLite
import Foundation

/// StackQL's SQLite extension functions: `split_part`, `json_equal`, `regexp_like`,
/// `regexp_replace`, `regexp_substr`, and `regexp` (behind the `REGEXP` operator).
enum ExtensionFunctions {
    typealias Function = @convention(c) (OpaquePointer?, Int32, UnsafeMutablePointer<OpaquePointer?>?) -> Void

    static func register(on db: OpaquePointer) throws {
        let flags = SQLITE_UTF8 | SQLITE_DETERMINISTIC | SQLITE_INNOCUOUS
        let functions: [(String, Int32, Function)] = [
            ("split_part", 3, splitPart),
            ("json_equal", 2, jsonEqual),
            ("regexp", 2, regexp),
            ("regexp_like", 2, regexpLike),
            ("regexp_like", 3, regexpLike),
            ("regexp_substr", 2, regexpSubstr),
            ("regexp_replace", 3, regexpReplace),
        ]
        for (name, arity, function) in functions {
            guard sqlite3_create_function_v2(db, name, arity, flags, nil, function, nil, nil, nil) == SQLITE_OK else {
                throw CloudQLError(.internal, "Cannot register the SQL function \(name).")
            }
        }
    }

    private static func arguments(_ argc: Int32, _ argv: UnsafeMutablePointer<OpaquePointer?>?) -> [SQLValue] {
        (0..<Int(argc)).map { SQLValue(argv![$0]) }
    }

    private static func text(_ value: SQLValue) -> String? {
        switch value {
        case .null: return nil
        case .text(let text): return text
        default: return value.displayText
        }
    }

    private static func fail(_ context: OpaquePointer?, _ message: String) {
        sqlite3_result_error(context, message, -1)
    }

    /// `split_part(text, separator, n)`: the n-th part, counting from 1; negative n counts
    /// from the end; past the end, ''.
    private static let splitPart: Function = { context, argc, argv in
        let args = arguments(argc, argv)
        guard let string = text(args[0]), let separator = text(args[1]), case .integer(let n) = args[2] else {
            if args.contains(.null) { sqlite3_result_null(context) } else { fail(context, "split_part(text, separator, n) needs an integer n") }
            return
        }
        guard n != 0 else { return fail(context, "split_part: field position must not be zero") }
        let parts = separator.isEmpty ? [string] : string.components(separatedBy: separator)
        let index = n > 0 ? Int(n) - 1 : parts.count + Int(n)
        SQLValue.text(parts.indices.contains(index) ? parts[index] : "").setResult(context)
    }

    /// `json_equal(a, b)`: 1 when both texts hold equal JSON — object member order ignored,
    /// arrays compared as multisets.
    private static let jsonEqual: Function = { context, argc, argv in
        let args = arguments(argc, argv)
        guard let left = text(args[0]), let right = text(args[1]) else { return sqlite3_result_null(context) }
        guard let a = JSONValue(parsing: left), let b = JSONValue(parsing: right) else {
            return fail(context, "json_equal: both arguments must be valid JSON")
        }
        sqlite3_result_int(context, a == b ? 1 : 0)
    }

    /// `X REGEXP Y` calls `regexp(Y, X)`.
    private static let regexp: Function = { context, argc, argv in
        match(context, argv, patternIndex: 0, subjectIndex: 1) { expression, subject in
            SQLValue.integer(expression.firstMatch(in: subject, range: NSRange(subject.startIndex..., in: subject)) == nil ? 0 : 1)
        }
    }

    private static let regexpLike: Function = { context, argc, argv in
        match(context, argv, patternIndex: 1, subjectIndex: 0, flagsIndex: argc == 3 ? 2 : nil) { expression, subject in
            SQLValue.integer(expression.firstMatch(in: subject, range: NSRange(subject.startIndex..., in: subject)) == nil ? 0 : 1)
        }
    }

    private static let regexpSubstr: Function = { context, argc, argv in
        match(context, argv, patternIndex: 1, subjectIndex: 0) { expression, subject in
            guard let found = expression.firstMatch(in: subject, range: NSRange(subject.startIndex..., in: subject)),
                  let range = Range(found.range, in: subject) else { return .null }
            return .text(String(subject[range]))
        }
    }

    private static let regexpReplace: Function = { context, argc, argv in
        let replacement = text(SQLValue(argv![2])) ?? ""
        match(context, argv, patternIndex: 1, subjectIndex: 0) { expression, subject in
            .text(expression.stringByReplacingMatches(in: subject, range: NSRange(subject.startIndex..., in: subject), withTemplate: replacement))
        }
    }

    /// Compiles the pattern once per statement (cached as SQLite auxiliary data) and applies `body`.
    private static func match(
        _ context: OpaquePointer?, _ argv: UnsafeMutablePointer<OpaquePointer?>?,
        patternIndex: Int32, subjectIndex: Int32, flagsIndex: Int32? = nil,
        _ body: (NSRegularExpression, String) -> SQLValue
    ) {
        let subjectValue = SQLValue(argv![Int(subjectIndex)])
        guard let subject = text(subjectValue), let pattern = text(SQLValue(argv![Int(patternIndex)])) else {
            return sqlite3_result_null(context)
        }
        let flags = flagsIndex.flatMap { text(SQLValue(argv![Int($0)])) } ?? ""
        let expression: NSRegularExpression
        if flags.isEmpty, let cached = sqlite3_get_auxdata(context, patternIndex) {
            expression = Unmanaged<NSRegularExpression>.fromOpaque(cached).takeUnretainedValue()
        } else {
            do {
                expression = try NSRegularExpression(pattern: pattern, options: flags.contains("i") ? [.caseInsensitive] : [])
            } catch {
                return fail(context, "invalid regular expression '\(pattern)': \(error.localizedDescription)")
            }
            if flags.isEmpty {
                sqlite3_set_auxdata(context, patternIndex, Unmanaged.passRetained(expression).toOpaque()) { pointer in
                    if let pointer { Unmanaged<NSRegularExpression>.fromOpaque(pointer).release() }
                }
            }
        }
        body(expression, subject).setResult(context)
    }
}
