/// The identity configuration arranged for lookups: principals by tenant and client id
/// (case-insensitively, as Entra ID compares them), the known tenants, managed identities.
struct IdentityDirectory: Sendable {
    /// The scenario's tenant: the tenant of principals that name none, and of managed identities.
    let defaultTenant: String
    let managedIdentity: ManagedIdentityConfiguration?
    private let principals: [String: ServicePrincipal]
    private let tenants: Set<String>

    init(_ configuration: IdentityConfiguration, defaultTenant: String) {
        self.defaultTenant = defaultTenant
        managedIdentity = configuration.managedIdentity
        var principals: [String: ServicePrincipal] = [:]
        var tenants: Set<String> = [defaultTenant.lowercased()]
        for principal in configuration.servicePrincipals {
            let tenant = (principal.tenantId ?? defaultTenant).lowercased()
            tenants.insert(tenant)
            principals[Self.key(tenant: tenant, clientId: principal.clientId)] = principal
        }
        self.principals = principals
        self.tenants = tenants
    }

    func knowsTenant(_ tenant: String) -> Bool {
        tenants.contains(tenant.lowercased())
    }

    func principal(tenant: String, clientId: String) -> ServicePrincipal? {
        principals[Self.key(tenant: tenant, clientId: clientId)]
    }

    /// The managed identity a request names with `client_id`, or the default one: the
    /// system-assigned identity, else the only user-assigned one (as IMDS chooses).
    func managedIdentityClientId(requested: String?) throws(ManagedIdentityError) -> String {
        guard let identity = managedIdentity else { throw .identityNotFound() }
        if let requested {
            if identity.systemAssigned, requested.caseInsensitiveEquals(ManagedIdentityConfiguration.systemAssignedClientId) {
                return ManagedIdentityConfiguration.systemAssignedClientId
            }
            guard let match = identity.userAssigned.first(where: { $0.caseInsensitiveEquals(requested) }) else {
                throw .identityNotFound()
            }
            return match
        }
        if identity.systemAssigned { return ManagedIdentityConfiguration.systemAssignedClientId }
        guard identity.userAssigned.count == 1 else { throw .ambiguousIdentity() }
        return identity.userAssigned[0]
    }

    /// Whether `resource` (a managed identity request's) or `scope` (a client credentials
    /// request's, with `/.default`) names Azure Resource Manager, the only audience served.
    static func isResourceManager(resource: String) -> Bool {
        var trimmed = resource.lowercased()
        while trimmed.hasSuffix("/") { trimmed.removeLast() }
        return trimmed == "https://management.azure.com" || trimmed == "https://management.core.windows.net"
    }

    static func isResourceManager(scope: String) -> Bool {
        let lowered = scope.lowercased()
        guard lowered.hasSuffix("/.default") else { return false }
        return isResourceManager(resource: String(lowered.dropLast("/.default".count)))
    }

    private static func key(tenant: String, clientId: String) -> String {
        "\(tenant.lowercased())/\(clientId.lowercased())"
    }
}
