import Foundation
import Hummingbird

/// The managed identity endpoints of the emulated host:
///
/// - App Service / Functions: `GET /msi/token?api-version=2019-08-01&resource=…[&client_id=…]`
///   with `X-IDENTITY-HEADER: <IDENTITY_HEADER>`;
/// - IMDS: `GET /metadata/identity/oauth2/token?api-version=2018-02-01&resource=…[&client_id=…]`
///   with `Metadata: true`.
///
/// Both return string-valued times (`expires_on` in epoch seconds), as the real endpoints do.
struct ManagedIdentityController: Sendable {
    let directory: IdentityDirectory
    let store: EmulatorStore
    let tokenLifetime: Duration

    func addRoutes(to router: Router<EmulatorRequestContext>) {
        router.get("msi/token") { request, _ in
            await respond { () async throws(ManagedIdentityError) in try await appService(request) }
        }
        router.get("metadata/identity/oauth2/token") { request, _ in
            await respond { () async throws(ManagedIdentityError) in try await imds(request) }
        }
    }

    private func respond(_ body: () async throws(ManagedIdentityError) -> Response) async -> Response {
        do {
            return try await body()
        } catch {
            return error.response()
        }
    }

    private func appService(_ request: Request) async throws(ManagedIdentityError) -> Response {
        guard let identity = directory.managedIdentity else { throw .identityNotFound() }
        guard let secret = request.headers[.identityHeader] else { throw .missingIdentityHeader() }
        guard secret == identity.identityHeader else { throw .wrongIdentityHeader() }
        let query = QueryParameters(Substring(request.uri.query ?? ""))
        guard let version = query["api-version"] else { throw .missingParameter("api-version") }
        guard version == "2019-08-01" else { throw .unsupportedAPIVersion(version, supported: "2019-08-01") }
        let (token, resource) = try await issue(query, flow: .appServiceManagedIdentity)
        var writer = JSONWriter(capacity: 256 + token.accessToken.utf8.count)
        writer.beginObject()
        writer.field("access_token", token.accessToken)
        writer.field("expires_on", String(Int(token.expiresAt.timeIntervalSince1970)))
        writer.field("resource", resource)
        writer.field("token_type", "Bearer")
        writer.field("client_id", token.clientId)
        writer.endObject()
        return JSONResponse.make(writer.bytes)
    }

    private func imds(_ request: Request) async throws(ManagedIdentityError) -> Response {
        // IMDS wants exactly "true", in lower case: the header is its guard against SSRF.
        guard request.headers[.metadata] == "true" else { throw .missingMetadataHeader() }
        let query = QueryParameters(Substring(request.uri.query ?? ""))
        guard let version = query["api-version"] else { throw .missingParameter("api-version") }
        guard Self.isIMDSVersion(version) else { throw .unsupportedAPIVersion(version, supported: "2018-02-01 or later") }
        let (token, resource) = try await issue(query, flow: .imdsManagedIdentity)
        let lifetime = String(Int(token.expiresAt.timeIntervalSince(token.issuedAt)))
        var writer = JSONWriter(capacity: 320 + token.accessToken.utf8.count)
        writer.beginObject()
        writer.field("access_token", token.accessToken)
        writer.field("client_id", token.clientId)
        writer.field("expires_in", lifetime)
        writer.field("expires_on", String(Int(token.expiresAt.timeIntervalSince1970)))
        writer.field("ext_expires_in", lifetime)
        writer.field("not_before", String(Int(token.issuedAt.timeIntervalSince1970)))
        writer.field("resource", resource)
        writer.field("token_type", "Bearer")
        writer.endObject()
        return JSONResponse.make(writer.bytes)
    }

    /// Checks the resource and picks the identity; both endpoints share this.
    private func issue(_ query: QueryParameters, flow: IssuedToken.Flow) async throws(ManagedIdentityError) -> (IssuedToken, String) {
        guard let resource = query["resource"] else { throw .missingParameter("resource") }
        guard IdentityDirectory.isResourceManager(resource: resource) else {
            throw .invalidResource(resource, tenant: directory.defaultTenant)
        }
        let clientId = try directory.managedIdentityClientId(requested: query["client_id"])
        let token = await store.issueToken(clientId: clientId, tenantId: directory.defaultTenant, flow: flow, lifetime: tokenLifetime)
        return (token, resource)
    }

    /// IMDS versions are dates; the token endpoint exists from 2018-02-01 on.
    private static func isIMDSVersion(_ version: String) -> Bool {
        let digits = version.split(separator: "-")
        return digits.count == 3 && digits.allSatisfy { $0.allSatisfy(\.isNumber) } && version.count == 10 && version >= "2018-02-01"
    }
}
