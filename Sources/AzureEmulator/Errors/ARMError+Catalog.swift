import Foundation
import Hummingbird

/// The errors the emulator answers with, worded like Azure Resource Manager's.
extension ARMError {
    static func missingAuthorization() -> ARMError {
        unauthorized(
            code: "AuthenticationFailed", message: "Authentication failed. The 'Authorization' header is missing.",
            description: "The authentication failed because of missing 'Authorization' header.")
    }

    static func malformedAuthorization() -> ARMError {
        unauthorized(
            code: "AuthenticationFailed",
            message: "Authentication failed. The 'Authorization' header is provided in an invalid format.",
            description: "The 'Authorization' header is provided in an invalid format.")
    }

    static func invalidToken() -> ARMError {
        unauthorized(
            code: "InvalidAuthenticationToken", message: "The access token is invalid.",
            description: "The access token is invalid.")
    }

    /// An issued token past its expiry, worded as ARM words it (with .NET's date format).
    static func expiredToken(expiry: Date, now: Date) -> ARMError {
        let message =
            "The access token expiry UTC time '\(DateText.dotNetGeneral(expiry))' is earlier than current UTC time "
            + "'\(DateText.dotNetGeneral(now))'."
        return unauthorized(code: "ExpiredAuthenticationToken", message: message, description: message)
    }

    private static func unauthorized(code: String, message: String, description: String) -> ARMError {
        var headers = HTTPFields()
        headers[.wwwAuthenticate] =
            "Bearer authorization_uri=\"https://login.microsoftonline.com/common\", error=\"invalid_token\", error_description=\"\(description)\""
        return ARMError(.unauthorized, code: code, message: message, headers: headers)
    }

    static func missingAPIVersion() -> ARMError {
        ARMError(
            .badRequest, code: "MissingApiVersionParameter",
            message: "The api-version query parameter (?api-version=) is required for all requests.")
    }

    static func invalidAPIVersion(_ version: String, supported: [String]) -> ARMError {
        ARMError(
            .badRequest, code: "InvalidApiVersionParameter",
            message: "The api-version '\(version)' is invalid. The supported versions are '\(supported.joined(separator: ","))'.")
    }

    static func invalidParameter(_ name: String, value: String, expectation: String) -> ARMError {
        ARMError(
            .badRequest, code: "InvalidParameter",
            message: "The value '\(value)' of the query parameter '\(name)' is invalid: \(expectation).")
    }

    static func invalidFilter(_ filter: String, problem: String) -> ARMError {
        ARMError(
            .badRequest, code: "InvalidFilter",
            message:
                "The $filter '\(filter)' is invalid: \(problem). Supported: userPrincipalName eq '<upn>' and "
                + "sessionState eq '<state>' (alias state), joined with 'and'; names and values are case-insensitive.")
    }

    static func invalidRequestContent(_ problem: String) -> ARMError {
        ARMError(
            .badRequest, code: "InvalidRequestContent",
            message: "The request content was invalid and could not be deserialized: '\(problem)'.")
    }

    static func invalidPathEncoding(_ segment: Substring) -> ARMError {
        ARMError(
            .badRequest, code: "InvalidRequestUri",
            message: "The request path segment '\(segment)' is not valid percent-encoded UTF-8.")
    }

    static func subscriptionNotFound(_ subscriptionId: String) -> ARMError {
        ARMError(.notFound, code: "SubscriptionNotFound", message: "The subscription '\(subscriptionId)' could not be found.")
    }

    static func resourceGroupNotFound(_ name: String) -> ARMError {
        ARMError(.notFound, code: "ResourceGroupNotFound", message: "Resource group '\(name)' could not be found.")
    }

    /// - Parameter resource: the type-and-name path below the namespace, e.g. `hostPools/hp/sessionHosts/sh`.
    static func resourceNotFound(_ resource: String, resourceGroup: String) -> ARMError {
        ARMError(
            .notFound, code: "ResourceNotFound",
            message:
                "The Resource 'Microsoft.DesktopVirtualization/\(resource)' under resource group '\(resourceGroup)' was not found. "
                + "For more details please go to https://aka.ms/ARMResourceNotFoundFix")
    }

    static func invalidResourceType(_ type: String, apiVersion: String?) -> ARMError {
        ARMError(
            .notFound, code: "InvalidResourceType",
            message:
                "The resource type '\(type)' could not be found in the namespace 'Microsoft.DesktopVirtualization' "
                + "for api version '\(apiVersion ?? "")'.")
    }

    static func noRegisteredProvider(_ path: String) -> ARMError {
        ARMError(
            .notFound, code: "NoRegisteredProviderFound",
            message:
                "No registered resource provider found for the path '\(path)'. The emulator serves subscriptions and "
                + "Microsoft.DesktopVirtualization host pools, session hosts and user sessions.")
    }

    static func methodNotAllowed(_ method: HTTPRequest.Method, allowed: [HTTPRequest.Method]) -> ARMError {
        var headers = HTTPFields()
        headers[.allow] = allowed.map(\.rawValue).joined(separator: ", ")
        return ARMError(
            .methodNotAllowed, code: "MethodNotAllowed",
            message: "The requested resource does not support http method '\(method.rawValue)'.", headers: headers)
    }

    /// Wraps errors that are not ARM errors (e.g. Hummingbird's own 404 for `/_emulator/…`).
    static func generic(status: HTTPResponse.Status) -> ARMError {
        let code = status.reasonPhrase.split(separator: " ").joined()
        return ARMError(status, code: code.isEmpty ? "Error" : code, message: "\(status.code) \(status.reasonPhrase)")
    }
}
