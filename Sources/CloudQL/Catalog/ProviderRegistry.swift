import Foundation
import Synchronization
import Yams

/// The provider documents cloudql knows, read from a registry folder laid out as StackQL's:
/// `src/<provider>/<version>/provider.yaml` with `services/<service>.yaml` beside it.
///
/// Service documents are read on first use and kept, so a statement that touches one service
/// does not pay for the others.
public final class ProviderRegistry: Sendable {
    /// A provider: its name, version and services.
    public struct Provider: Sendable {
        public var name: String
        public var version: String
        public var services: [Service]
        let directory: URL
    }

    /// A service of a provider, such as `desktop_virtualization`.
    public struct Service: Sendable {
        public var name: String
        public var title: String
        public var description: String
        let documentPath: String
    }

    private let root: URL
    private let providers: [Provider]
    private let serviceCache = Mutex<[String: [ResourceDefinition]]>([:])

    /// Reads the registry under `root` (the folder that holds `src/`).
    public init(root: URL) throws {
        self.root = root
        let source = root.appendingPathComponent("src")
        let names = (try? FileManager.default.contentsOfDirectory(atPath: source.path)) ?? []
        guard !names.isEmpty else {
            throw CloudQLError(.catalog, "No provider documents found in \(root.path): expected src/<provider>/<version>/provider.yaml.")
        }
        providers = try names.sorted().map { try Self.readProvider(source.appendingPathComponent($0)) }
    }

    /// The registry that ships inside cloudql.
    public static func embedded() throws -> ProviderRegistry {
        guard let url = Bundle.module.url(forResource: "providers", withExtension: nil) else {
            throw CloudQLError(.catalog, "The embedded provider documents are missing from this build of cloudql.")
        }
        return try ProviderRegistry(root: url)
    }

    /// Every provider, sorted by name.
    public var allProviders: [Provider] { providers }

    public func provider(named name: String) -> Provider? {
        providers.first { $0.name.lowercased() == name.lowercased() }
    }

    /// The resources of one service, in document order.
    public func resources(provider providerName: String, service serviceName: String) throws -> [ResourceDefinition] {
        guard let provider = provider(named: providerName) else {
            throw CloudQLError(.unknownName, "There is no provider named '\(providerName)'. \(Self.suggestion(providerName, among: providers.map(\.name)))")
        }
        guard let service = provider.services.first(where: { $0.name.lowercased() == serviceName.lowercased() }) else {
            throw CloudQLError(.unknownName, "There is no service '\(serviceName)' in provider \(provider.name). \(Self.suggestion(serviceName, among: provider.services.map(\.name), prefix: provider.name + "."))")
        }
        let key = "\(provider.name).\(service.name)"
        if let cached = serviceCache.withLock({ $0[key] }) { return cached }
        let url = provider.directory.appendingPathComponent(service.documentPath)
        let text: String
        do {
            text = try String(contentsOf: url, encoding: .utf8)
        } catch {
            throw CloudQLError(.catalog, "Cannot read the service document \(url.path): \(error.localizedDescription)")
        }
        let resources = try ServiceDocument(yaml: text, provider: provider.name, service: service.name, origin: url.lastPathComponent).resources
        serviceCache.withLock { $0[key] = resources }
        return resources
    }

    /// The resource with the three-part name `provider.service.resource`, or an error that
    /// suggests the nearest existing name.
    public func resource(_ qualifiedName: String) throws -> ResourceDefinition {
        let parts = qualifiedName.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
        guard parts.count == 3 else {
            throw CloudQLError(.unknownName, "'\(qualifiedName)' is not a resource name: write provider.service.resource, e.g. azure.desktop_virtualization.user_sessions.")
        }
        let resources = try resources(provider: parts[0], service: parts[1])
        if let found = resources.first(where: { $0.name.lowercased() == parts[2].lowercased() }) {
            return found
        }
        let prefix = "\(resources.first?.provider ?? parts[0]).\(resources.first?.service ?? parts[1])."
        throw CloudQLError(.unknownName, "There is no resource '\(qualifiedName)'. \(Self.suggestion(parts[2], among: resources.map(\.name), prefix: prefix))")
    }

    static func suggestion(_ name: String, among candidates: [String], prefix: String = "") -> String {
        let ranked = candidates
            .map { ($0, EditDistance.between($0.lowercased(), name.lowercased())) }
            .sorted { $0.1 < $1.1 }
        guard let best = ranked.first else { return "" }
        if best.1 <= max(2, name.count / 3) {
            return "Did you mean \(prefix)\(best.0)?"
        }
        return "Known names: \(candidates.sorted().map { prefix + $0 }.joined(separator: ", "))."
    }

    private static func readProvider(_ directory: URL) throws -> Provider {
        let versions = ((try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []).sorted()
        guard let version = versions.last else {
            throw CloudQLError(.catalog, "Provider folder \(directory.path) holds no version folder.")
        }
        let versionDirectory = directory.appendingPathComponent(version)
        let file = versionDirectory.appendingPathComponent("provider.yaml")
        guard let text = try? String(contentsOf: file, encoding: .utf8), let node = try Yams.compose(yaml: text) else {
            throw CloudQLError(.catalog, "Cannot read \(file.path).")
        }
        let name = node["name"]?.string ?? directory.lastPathComponent
        let services = (node["providerServices"]?.mapping ?? [:]).compactMap { key, value -> Service? in
            guard let serviceName = value["name"]?.string ?? key.string,
                  let ref = value["service"]?["$ref"]?.string else { return nil }
            // "$ref: azure/v00.00.00000/services/x.yaml" is relative to the provider folder's parent.
            let relative = ref.split(separator: "/").dropFirst(2).joined(separator: "/")
            return Service(
                name: serviceName, title: value["title"]?.string ?? serviceName,
                description: value["description"]?.string ?? "", documentPath: relative
            )
        }
        return Provider(name: name, version: node["version"]?.string ?? version, services: services, directory: versionDirectory)
    }
}
