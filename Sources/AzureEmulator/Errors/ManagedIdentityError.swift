import Hummingbird

/// An error of a managed identity endpoint: a status and `{"error", "error_description"}`,
/// the shape IMDS and the App Service endpoint answer with.
struct ManagedIdentityError: Error, Sendable {
    let status: HTTPResponse.Status
    let error: String
    let message: String

    func response() -> Response {
        var writer = JSONWriter(capacity: 128 + message.utf8.count)
        writer.beginObject()
        writer.field("error", error)
        writer.field("error_description", message)
        writer.endObject()
        return JSONResponse.make(writer.bytes, status: status)
    }

    static func missingMetadataHeader() -> ManagedIdentityError {
        ManagedIdentityError(status: .badRequest, error: "bad_request_102", message: "Required metadata header not specified")
    }

    static func missingIdentityHeader() -> ManagedIdentityError {
        ManagedIdentityError(
            status: .badRequest, error: "invalid_request", message: "The 'X-IDENTITY-HEADER' header is required (the IDENTITY_HEADER secret).")
    }

    static func wrongIdentityHeader() -> ManagedIdentityError {
        ManagedIdentityError(
            status: .unauthorized, error: "unauthorized_client", message: "The 'X-IDENTITY-HEADER' header does not match IDENTITY_HEADER.")
    }

    static func missingParameter(_ name: String) -> ManagedIdentityError {
        ManagedIdentityError(status: .badRequest, error: "invalid_request", message: "Required query variable '\(name)' is missing")
    }

    static func unsupportedAPIVersion(_ version: String, supported: String) -> ManagedIdentityError {
        ManagedIdentityError(
            status: .badRequest, error: "invalid_request", message: "The api-version '\(version)' is not supported; use \(supported).")
    }

    static func invalidResource(_ resource: String, tenant: String) -> ManagedIdentityError {
        ManagedIdentityError(
            status: .badRequest, error: "invalid_resource",
            message:
                "AADSTS500011: The resource principal named \(resource) was not found in the tenant named \(tenant). "
                + "The emulator issues tokens for https://management.azure.com/ only.")
    }

    static func identityNotFound() -> ManagedIdentityError {
        ManagedIdentityError(status: .badRequest, error: "invalid_request", message: "Identity not found")
    }

    static func ambiguousIdentity() -> ManagedIdentityError {
        ManagedIdentityError(
            status: .badRequest, error: "invalid_request",
            message: "Multiple user assigned identities exist, please specify the clientId / resourceId of the identity in the token request")
    }
}
