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
    private let documents = Mutex<[String: ServiceDocument]>([:])

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

    /// The resources of one service as (name, `provider.service.resource`), in document order.
    public func resourceNames(provider providerName: String, service serviceName: String) throws -> [(name: String, qualifiedName: String)] {
        let document = try document(provider: providerName, service: serviceName)
        return document.resourceNames.map { ($0, "\(document.provider).\(document.service).\($0)") }
    }

    /// The provider named `name`, or an error that suggests the nearest existing name.
    public func requireProvider(named name: String) throws -> Provider {
        guard let provider = provider(named: name) else {
            throw CloudQLError(.unknownName, "There is no provider named '\(name)'. \(Self.suggestion(name, among: providers.map(\.name)))")
        }
        return provider
    }

    /// The resource with the three-part name `provider.service.resource`, or an error that
    /// suggests the nearest existing name.
    public func resource(_ qualifiedName: String) throws -> ResourceDefinition {
        let parts = qualifiedName.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
        guard parts.count == 3 else {
            throw CloudQLError(.unknownName, "'\(qualifiedName)' is not a resource name: write provider.service.resource, e.g. azure.desktop_virtualization.user_sessions.")
        }
        let document = try document(provider: parts[0], service: parts[1])
        if let found = try document.resource(named: parts[2]) { return found }
        let prefix = "\(document.provider).\(document.service)."
        throw CloudQLError(.unknownName, "There is no resource '\(qualifiedName)'. \(Self.suggestion(parts[2], among: document.resourceNames, prefix: prefix))")
    }

    private func document(provider providerName: String, service serviceName: String) throws -> ServiceDocument {
        let provider = try requireProvider(named: providerName)
        guard let service = provider.services.first(where: { $0.name.lowercased() == serviceName.lowercased() }) else {
            throw CloudQLError(.unknownName, "There is no service '\(serviceName)' in provider \(provider.name). \(Self.suggestion(serviceName, among: provider.services.map(\.name), prefix: provider.name + "."))")
        }
        let key = "\(provider.name).\(service.name)"
        if let cached = documents.withLock({ $0[key] }) { return cached }
        let url = provider.directory.appendingPathComponent(service.documentPath)
        let text: String
        do {
            text = try String(contentsOf: url, encoding: .utf8)
        } catch {
            throw CloudQLError(.catalog, "Cannot read the service document \(url.path): \(error.localizedDescription)")
        }
        let document = try ServiceDocument(yaml: text, provider: provider.name, service: service.name, origin: url.lastPathComponent)
        documents.withLock { $0[key] = document }
        return document
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
