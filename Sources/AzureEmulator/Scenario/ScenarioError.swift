import Foundation

/// A scenario that cannot be used, with the place in the JSON that is wrong.
public struct ScenarioError: Error, Sendable, Equatable, CustomStringConvertible, LocalizedError {
    /// The file the scenario came from, if any.
    public var file: String?
    /// Where in the JSON the problem is, e.g. `subscriptions[0].resourceGroups[1].name`;
    /// empty for the document itself.
    public var jsonPath: String
    /// What is wrong, as a sentence fragment.
    public var problem: String

    /// Creates a scenario error.
    public init(file: String? = nil, jsonPath: String, problem: String) {
        self.file = file
        self.jsonPath = jsonPath
        self.problem = problem
    }

    /// One sentence naming the file, the JSON path and the problem.
    public var description: String {
        let source = file.map { "scenario file '\($0)'" } ?? "scenario"
        let location = jsonPath.isEmpty ? "" : " at \(jsonPath)"
        let sentence = problem.hasSuffix(".") ? String(problem.dropLast()) : problem
        return "Invalid \(source)\(location): \(sentence)."
    }

    /// Same as ``description``.
    public var errorDescription: String? { description }
}

extension ScenarioError {
    /// Translates a `DecodingError` into the path-and-problem form.
    init(_ error: DecodingError, file: String?) {
        self.init(file: file, jsonPath: error.jsonPath, problem: error.problem)
    }
}
