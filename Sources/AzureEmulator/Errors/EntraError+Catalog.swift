import Foundation
import Hummingbird

/// The token endpoint's errors, worded like Microsoft Entra ID's.
extension EntraError {
    static func tenantNotFound(_ tenant: String) -> EntraError {
        EntraError(
            status: .badRequest, error: "invalid_request", code: 90002,
            message:
                "Tenant '\(tenant)' not found. Check to make sure you have the correct tenant ID and are signing into the correct "
                + "cloud. Check with your subscription administrator, this may happen if there are no active subscriptions for the tenant.")
    }

    static func noTenant(_ tenant: String) -> EntraError {
        EntraError(
            status: .badRequest, error: "invalid_request", code: 50059,
            message:
                "No tenant-identifying information found in either the request or implied by any provided credentials "
                + "('\(tenant)' names no tenant). Use the tenant id in the token endpoint for the client credentials grant.")
    }

    static func missingParameter(_ name: String) -> EntraError {
        EntraError(
            status: .badRequest, error: "invalid_request", code: 900144,
            message: "The request body must contain the following parameter: '\(name)'.")
    }

    static func unsupportedGrantType(_ grantType: String) -> EntraError {
        EntraError(
            status: .badRequest, error: "unsupported_grant_type", code: 70003,
            message:
                "The app requested an unsupported grant type '\(grantType)'. The emulator supports 'client_credentials' "
                + "(managed identities use their own endpoints).")
    }

    static func applicationNotFound(_ clientId: String, tenant: String) -> EntraError {
        EntraError(
            status: .badRequest, error: "unauthorized_client", code: 700016,
            message:
                "Application with identifier '\(clientId)' was not found in the directory '\(tenant)'. This can happen if the "
                + "application has not been installed by the administrator of the tenant or consented to by any user in the "
                + "tenant. You may have sent your authentication request to the wrong tenant.")
    }

    static func invalidScope(_ scope: String) -> EntraError {
        EntraError(
            status: .badRequest, error: "invalid_scope", code: 70011,
            message:
                "The provided request must include a 'scope' input parameter. The provided value for the input parameter "
                + "'scope' is not valid. The scope '\(scope)' does not exist. The emulator issues tokens for "
                + "'https://management.azure.com/.default' only.")
    }

    static func missingCredential() -> EntraError {
        EntraError(
            status: .unauthorized, error: "invalid_client", code: 7000216,
            message: "'client_assertion', 'client_secret' or 'request' is required for the 'client_credentials' grant type.")
    }

    static func invalidSecret(_ clientId: String) -> EntraError {
        EntraError(
            status: .unauthorized, error: "invalid_client", code: 7000215,
            message:
                "Invalid client secret provided. Ensure the secret being sent in the request is the client secret value, not the "
                + "client secret ID, for a secret added to app '\(clientId)'.")
    }

    static func invalidAssertionType(_ type: String) -> EntraError {
        EntraError(
            status: .badRequest, error: "invalid_request", code: 50027,
            message: "The client_assertion_type '\(type)' is not supported; use 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer'.")
    }

    static func malformedAssertion(_ problem: String) -> EntraError {
        EntraError(status: .badRequest, error: "invalid_request", code: 50027, message: "JWT token is invalid or malformed: \(problem).")
    }

    static func assertionClientMismatch() -> EntraError {
        EntraError(
            status: .unauthorized, error: "invalid_client", code: 700021,
            message: "Client assertion application identifier doesn't match 'client_id' parameter. The 'iss' and 'sub' claims must both be the client id.")
    }

    static func certificateNotRegistered(_ thumbprint: String, clientId: String) -> EntraError {
        EntraError(
            status: .unauthorized, error: "invalid_client", code: 700027,
            message:
                "The certificate with identifier used to sign the client assertion is not registered on application. "
                + "[Reason - The key was not found., Thumbprint of key used by client: '\(thumbprint)', "
                + "Please visit the Azure Portal, Graph Explorer or directly use MS Graph to see configured keys for app Id '\(clientId)'.]")
    }

    static func invalidSignature() -> EntraError {
        EntraError(
            status: .unauthorized, error: "invalid_client", code: 7000274,
            message: "Key was found, but use of the key to verify the signature failed.")
    }

    static func assertionAudience(_ audiences: [String], expected: String) -> EntraError {
        EntraError(
            status: .unauthorized, error: "invalid_client", code: 50012,
            message:
                "Client assertion audience claim does not match Realm issuer. Audience: '\(audiences.joined(separator: ","))'; "
                + "expected '\(expected)'.")
    }

    /// - Parameters:
    ///   - notBefore: the assertion's `nbf`, if it has one.
    ///   - expiry: its `exp`, if it has one.
    static func assertionOutsideValidity(now: Date, notBefore: Date?, expiry: Date?) -> EntraError {
        let from = notBefore.map(DateText.entraTimestamp) ?? "(no nbf)"
        let until = expiry.map(DateText.entraTimestamp) ?? "(no exp)"
        return EntraError(
            status: .unauthorized, error: "invalid_client", code: 700024,
            message:
                "Client assertion is not within its valid time range. Current time: \(DateText.entraTimestamp(now)), "
                + "assertion valid from \(from), expiry time of assertion \(until).")
    }

    static func federatedAudience(_ audiences: [String]) -> EntraError {
        EntraError(
            status: .badRequest, error: "invalid_request", code: 700212,
            message: "No matching federated identity record found for presented assertion audience '\(audiences.joined(separator: ","))'.")
    }

    static func federatedIssuer(_ issuer: String) -> EntraError {
        EntraError(
            status: .badRequest, error: "invalid_request", code: 700211,
            message: "No matching federated identity record found for presented assertion issuer '\(issuer)'.")
    }

    static func federatedSubject(_ subject: String, issuer: String) -> EntraError {
        EntraError(
            status: .badRequest, error: "invalid_request", code: 700213,
            message: "No matching federated identity record found for presented assertion subject '\(subject)' (issuer '\(issuer)').")
    }
}
