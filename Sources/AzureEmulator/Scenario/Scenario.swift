import Foundation

/// The estate an emulator serves: subscriptions, resource groups, host pools, session hosts
/// and user sessions, in the order listings return them.
///
/// This is also the scenario file format (see `docs/emulator.md`): decode one with
/// ``load(contentsOf:)``; unknown keys and wrong types are rejected with the JSON path.
/// Every field except the names and ids has a deterministic default.
///
/// ## Topics
/// ### Ready-made estates
/// - ``demo``
/// - ``generated(pools:hostsPerPool:sessionsPerHost:subscriptionId:)``
/// - ``generated(spec:)``
/// ### Files
/// - ``load(contentsOf:)``
/// - ``validate()``
public struct Scenario: Codable, Sendable, Equatable {
    /// The tenant every subscription belongs to.
    public var tenantId: String
    /// How resource ids and names are written in responses.
    public var idStyle: IDStyle
    /// The subscriptions the caller can see, in listing order.
    public var subscriptions: [Subscription]

    /// The tenant used when a scenario names none.
    public static let defaultTenantId = "72f988bf-0000-0000-0000-000000000000"

    /// Creates a scenario.
    /// - Parameters:
    ///   - tenantId: the tenant of every subscription.
    ///   - idStyle: `.live` (the service's style, the default) or `.spec` (the REST examples' style).
    ///   - subscriptions: the subscriptions, in listing order.
    public init(tenantId: String = Scenario.defaultTenantId, idStyle: IDStyle = .live, subscriptions: [Subscription] = []) {
        self.tenantId = tenantId
        self.idStyle = idStyle
        self.subscriptions = subscriptions
    }

    enum CodingKeys: String, CodingKey, CaseIterable {
        case tenantId, idStyle, subscriptions
    }

    /// Decodes a scenario, rejecting keys the format does not define.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.strictContainer(keyedBy: CodingKeys.self)
        tenantId = try container.decodeIfPresent(String.self, forKey: .tenantId) ?? Self.defaultTenantId
        idStyle = try container.decodeIfPresent(IDStyle.self, forKey: .idStyle) ?? .live
        subscriptions = try container.decodeIfPresent([Subscription].self, forKey: .subscriptions) ?? []
    }
}

extension Scenario {
    /// How the emulator writes `id`, `name` and `type` of child resources.
    public enum IDStyle: String, Codable, Sendable, CaseIterable {
        /// Like the live service: lowercase path segments in ids (`resourcegroups`, `hostpools`,
        /// `sessionhosts`, `usersessions`) and slash-joined names (`hp/sh.contoso.com/6`).
        case live
        /// Like the REST specification's examples: camelCase segments (`resourceGroups`,
        /// `hostPools`, …) and leaf-only names (`"6"`).
        case spec

        /// Decodes `"live"` or `"spec"`, naming both on anything else.
        public init(from decoder: any Decoder) throws {
            let container = try decoder.singleValueContainer()
            let text = try container.decode(String.self)
            guard let style = IDStyle(rawValue: text) else {
                throw DecodingError.dataCorruptedError(
                    in: container, debugDescription: "expected \"live\" or \"spec\", found \"\(text)\"")
            }
            self = style
        }
    }
}
