import Foundation

/// The user's page, `../shared/seed/user_sessions.md`, read into its two tables.
public struct SeedPage: Sendable {
    /// Name, type, description.
    public var fields: [[String]]
    /// Name, SQL verb, required params, description.
    public var methods: [[String]]

    /// The page beside the repository, or `nil` where it is not there.
    public static func load() -> SeedPage? {
        let url = PackagePaths.root.deletingLastPathComponent().appendingPathComponent("shared/seed/user_sessions.md")
        guard let text = try? String(contentsOf: url, encoding: .utf8) else { return nil }
        var fields: [[String]] = []
        var methods: [[String]] = []
        for line in text.split(separator: "\n") where line.hasPrefix("| <CopyableCode") {
            let cells = line.dropFirst(2).dropLast(line.hasSuffix("|") ? 1 : 0)
                .components(separatedBy: " | ")
                .map { clean($0) }
            if cells.count == 3 { fields.append(cells) }
            if cells.count == 4 { methods.append(cells) }
        }
        return SeedPage(fields: fields, methods: methods)
    }

    private static func clean(_ cell: String) -> String {
        var text = cell.trimmingCharacters(in: .whitespaces)
        if text.hasPrefix("<CopyableCode code=\""), let end = text.range(of: "\" />") {
            text = String(text[text.index(text.startIndex, offsetBy: 20)..<end.lowerBound])
        }
        if text.hasPrefix("`"), text.hasSuffix("`") { text = String(text.dropFirst().dropLast()) }
        return text.replacingOccurrences(of: "&#123;", with: "{").replacingOccurrences(of: "&#125;", with: "}")
    }
}

/// Where the package and its build products are.
public enum PackagePaths {
    /// The package root (the folder holding Package.swift).
    public static let root: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// The built `cloudql` binary, beside the test bundle.
    public static var cloudqlBinary: URL {
        let candidates = [
            Bundle.main.executableURL?.deletingLastPathComponent(),
            Bundle.main.bundleURL.deletingLastPathComponent(),
            URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent(),
            root.appendingPathComponent(".build/debug"),
        ].compactMap { $0 }
        for directory in candidates {
            let binary = directory.appendingPathComponent("cloudql")
            if FileManager.default.isExecutableFile(atPath: binary.path) { return binary }
        }
        return root.appendingPathComponent(".build/debug/cloudql")
    }
}
