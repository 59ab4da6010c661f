import Foundation

extension Scenario {
    /// Reads a scenario file (see `docs/emulator.md` for the format) and validates it.
    /// - Parameter url: a JSON file.
    /// - Returns: the scenario.
    /// - Throws: ``ScenarioError`` naming the file, the JSON path and the problem.
    public static func load(contentsOf url: URL) throws -> Scenario {
        let file = url.path
        let data: Data
        do {
            data = try Data(contentsOf: url)
        } catch {
            throw ScenarioError(file: file, jsonPath: "", problem: "the file cannot be read (\(error.localizedDescription))")
        }
        return try decode(data, file: file)
    }

    /// Decodes and validates scenario JSON.
    /// - Parameters:
    ///   - data: the JSON document.
    ///   - file: the file name to mention in errors.
    /// - Returns: the scenario.
    /// - Throws: ``ScenarioError``.
    public static func decode(_ data: Data, file: String? = nil) throws -> Scenario {
        let scenario: Scenario
        do {
            scenario = try JSONDecoder().decode(Scenario.self, from: data)
        } catch let error as DecodingError {
            if case .dataCorrupted(let context) = error, context.codingPath.isEmpty {
                throw ScenarioError(file: file, jsonPath: "", problem: syntaxProblem(data))
            }
            throw ScenarioError(error, file: file)
        }
        do {
            try scenario.validate()
        } catch var error as ScenarioError {
            error.file = file
            throw error
        }
        return scenario
    }

    /// JSONDecoder only says the data is not JSON; JSONSerialization also says where.
    private static func syntaxProblem(_ data: Data) -> String {
        do {
            _ = try JSONSerialization.jsonObject(with: data, options: [.fragmentsAllowed])
        } catch {
            if let detail = (error as NSError).userInfo[NSDebugDescriptionErrorKey] as? String {
                return "the file is not valid JSON (\(detail.hasSuffix(".") ? String(detail.dropLast()) : detail))"
            }
        }
        return "the file is not valid JSON"
    }

    /// Checks what the JSON types cannot: names are non-empty and unique among their
    /// siblings (case-insensitively, as Azure compares them).
    /// - Throws: ``ScenarioError`` naming the first offending JSON path.
    public func validate() throws {
        if tenantId.isEmpty { throw ScenarioError(jsonPath: "tenantId", problem: "the tenant id is empty") }
        var subscriptionIds = Set<String>()
        for (s, subscription) in subscriptions.enumerated() {
            let subscriptionPath = "subscriptions[\(s)]"
            try Self.checkName(subscription.subscriptionId, kind: "subscription id", path: "\(subscriptionPath).subscriptionId", seen: &subscriptionIds)
            var groups = Set<String>()
            for (g, group) in subscription.resourceGroups.enumerated() {
                let groupPath = "\(subscriptionPath).resourceGroups[\(g)]"
                try Self.checkName(group.name, kind: "resource group name", path: "\(groupPath).name", seen: &groups)
                var pools = Set<String>()
                for (p, pool) in group.hostPools.enumerated() {
                    let poolPath = "\(groupPath).hostPools[\(p)]"
                    try Self.checkName(pool.name, kind: "host pool name", path: "\(poolPath).name", seen: &pools)
                    var hosts = Set<String>()
                    for (h, host) in pool.sessionHosts.enumerated() {
                        let hostPath = "\(poolPath).sessionHosts[\(h)]"
                        try Self.checkName(host.name, kind: "session host name", path: "\(hostPath).name", seen: &hosts)
                        var sessions = Set<String>()
                        for (u, session) in host.userSessions.enumerated() {
                            try Self.checkName(
                                session.id, kind: "user session id", path: "\(hostPath).userSessions[\(u)].id", seen: &sessions)
                        }
                    }
                }
            }
        }
    }

    // The path is built only on failure: validating 100,000 sessions should cost next to nothing.
    private static func checkName(
        _ name: String, kind: String, path: @autoclosure () -> String, seen: inout Set<String>
    ) throws {
        if name.isEmpty { throw ScenarioError(jsonPath: path(), problem: "the \(kind) is empty") }
        if !seen.insert(name.lowercased()).inserted {
            throw ScenarioError(
                jsonPath: path(), problem: "the \(kind) \"\(name)\" is used twice (names are compared case-insensitively)")
        }
    }
}
