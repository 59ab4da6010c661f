import Foundation
import Hummingbird

/// Microsoft Entra ID's token endpoint, `POST /{tenant}/oauth2/v2.0/token`: the client
/// credentials grant, with a client secret, a certificate assertion or a federated token.
/// Errors have Entra ID's status, body and AADSTS codes (see ``EntraError``).
struct TokenEndpointController: Sendable {
    let directory: IdentityDirectory
    let store: EmulatorStore
    let tokenLifetime: Duration
    /// The configured listening host, for the token URL when a request has no `Host` header.
    let host: String

    /// Token requests are a few form fields and one assertion of a few kilobytes.
    static let maximumBodySize = 64 * 1_024

    func addRoutes(to router: Router<EmulatorRequestContext>) {
        router.post(":tenant/oauth2/v2.0/token") { request, context in
            let tenant = context.parameters.get("tenant") ?? ""
            let bound = RunningEmulator.baseURL(host: host, port: context.channel.localAddress?.port ?? 0)
            let reached = NextLink.baseURL(authority: request.head.authority, fallback: bound)
            // A client signs its assertion for the token URL it uses; either address reaches us.
            let audiences = [reached, bound].map { $0 + IdentityPath.token(tenant: tenant) }
            let correlationID = request.headers[.clientRequestID]
            var response: Response
            do {
                let body = try await request.body.collect(upTo: Self.maximumBodySize)
                let form = QueryParameters(Substring(String(buffer: body)))
                response = Self.success(try await issue(tenant: tenant, form: form, audiences: audiences))
            } catch let error as EntraError {
                response = error.response(traceID: context.requestID, correlationID: correlationID)
            }
            if let correlationID { response.headers[.clientRequestID] = correlationID }
            return response
        }
    }

    /// Checks the request in Entra ID's order (tenant, grant, client, scope, credential) and
    /// issues a token.
    func issue(tenant: String, form: QueryParameters, audiences: [String]) async throws(EntraError) -> IssuedToken {
        if ["common", "organizations", "consumers"].contains(tenant.lowercased()) { throw .noTenant(tenant) }
        guard directory.knowsTenant(tenant) else { throw .tenantNotFound(tenant) }
        guard let grantType = form["grant_type"] else { throw .missingParameter("grant_type") }
        guard grantType == "client_credentials" else { throw .unsupportedGrantType(grantType) }
        guard let clientId = form["client_id"] else { throw .missingParameter("client_id") }
        guard let principal = directory.principal(tenant: tenant, clientId: clientId) else {
            throw .applicationNotFound(clientId, tenant: tenant)
        }
        guard let scope = form["scope"] else { throw .missingParameter("scope") }
        guard IdentityDirectory.isResourceManager(scope: scope) else { throw .invalidScope(scope) }
        let flow: IssuedToken.Flow
        if let text = form["client_assertion"] {
            guard let type = form["client_assertion_type"] else { throw .missingParameter("client_assertion_type") }
            guard type == ClientAssertion.type else { throw .invalidAssertionType(type) }
            let assertion = try ClientAssertion(text)
            if assertion.isSelfIssued(by: principal.clientId) {
                try assertion.verifyCertificate(for: principal, audiences: audiences, now: Date())
                flow = .clientCertificate
            } else {
                try assertion.verifyFederated(for: principal, now: Date())
                flow = .federatedCredential
            }
        } else if let secret = form["client_secret"] {
            guard principal.secrets.contains(secret) else { throw .invalidSecret(principal.clientId) }
            flow = .clientSecret
        } else {
            throw .missingCredential()
        }
        return await store.issueToken(
            clientId: principal.clientId, tenantId: principal.tenantId ?? directory.defaultTenant, flow: flow, lifetime: tokenLifetime)
    }

    /// `{"token_type": "Bearer", "expires_in": N, "ext_expires_in": N, "access_token": "…"}`.
    private static func success(_ token: IssuedToken) -> Response {
        let lifetime = Int(token.expiresAt.timeIntervalSince(token.issuedAt))
        var writer = JSONWriter(capacity: 128 + token.accessToken.utf8.count)
        writer.beginObject()
        writer.field("token_type", "Bearer")
        writer.field("expires_in", int: lifetime)
        writer.field("ext_expires_in", int: lifetime)
        writer.field("access_token", token.accessToken)
        writer.endObject()
        var response = JSONResponse.make(writer.bytes)
        response.headers[.cacheControl] = "no-store, no-cache"
        response.headers[.pragma] = "no-cache"
        return response
    }
}
