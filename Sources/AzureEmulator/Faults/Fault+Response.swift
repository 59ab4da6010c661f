import Foundation
import Hummingbird

extension Fault {
    /// The ARM error a status fault answers a request with; nil for other kinds.
    /// - Parameters:
    ///   - method: the request method, to name the denied action in a 403.
    ///   - decodedPath: the decoded request path, the scope of a 403.
    ///   - now: the answer's time, for an HTTP-date `Retry-After`.
    func error(method: HTTPRequest.Method, decodedPath: String, now: Date = Date()) -> ARMError? {
        guard case .status(let status, let code, let message, let retryAfter) = kind else { return nil }
        var headers = HTTPFields()
        switch retryAfter {
        case .none: break
        case .seconds(let seconds): headers[.retryAfter] = String(seconds)
        case .date(let seconds): headers[.retryAfter] = DateText.httpDate(now.addingTimeInterval(TimeInterval(seconds)))
        }
        return ARMError(
            HTTPResponse.Status(code: status), code: code,
            message: message ?? Self.defaultMessage(status: status, method: method, decodedPath: decodedPath), headers: headers)
    }

    /// What an `invalid-json` fault sends: the kind of page a proxy in front of the service
    /// answers with, under the JSON content type the client expects.
    static let invalidJSONBody = Array(
        """
        <!DOCTYPE html>
        <html><head><title>Service Unavailable</title></head>
        <body><h1>Service Unavailable</h1><p>The server is temporarily unable to service your request.</p></body></html>

        """.utf8)

    private static func defaultMessage(status: Int, method: HTTPRequest.Method, decodedPath: String) -> String {
        switch status {
        case 403:
            "The client 'emulator-client@contoso.com' with object id '\(Self.clientObjectId)' does not have authorization "
                + "to perform action '\(Self.action(method: method, decodedPath: decodedPath))' over scope '\(decodedPath)' "
                + "or the scope is invalid. If access was recently granted, please refresh your credentials."
        case 429:
            "The request is being throttled as the limit has been reached for operation type - Read_ObservationWindow_00:05:00. "
                + "For more information, refer to - https://aka.ms/srpthrottlinglimits"
        case 500: "The server encountered an internal error. Please retry the request."
        case 502: "The gateway did not receive a response from 'Microsoft.DesktopVirtualization' within the specified time period."
        case 503: "The service is temporarily unavailable. Please retry the request."
        case 504: "The gateway did not receive a response from 'Microsoft.DesktopVirtualization' within the specified time period."
        default: "The request failed with status \(status) (fault injected by the emulator)."
        }
    }

    static let clientObjectId = "5e1f0c2a-9a3d-4c57-8d1e-3f6b2a7c9e40"

    /// The RBAC action a request needs, e.g. `Microsoft.DesktopVirtualization/hostpools/sessionhosts/read`.
    static func action(method: HTTPRequest.Method, decodedPath: String) -> String {
        let segments = decodedPath.lowercased().split(separator: "/")
        guard let provider = segments.firstIndex(of: "providers"), provider + 1 < segments.count else {
            return method == .get ? "Microsoft.Resources/subscriptions/read" : "Microsoft.Resources/subscriptions/write"
        }
        // After the namespace, types and names alternate: hostpools/hp/sessionhosts/sh/…
        let tail = segments[(provider + 2)...]
        var types: [Substring] = []
        var verb = method == .delete ? "delete" : method == .get ? "read" : "write"
        for (offset, segment) in tail.enumerated() where offset % 2 == 0 {
            if method == .post, offset == tail.count - 1 {
                verb = "\(segment)/action"
            } else {
                types.append(segment)
            }
        }
        return (["Microsoft.DesktopVirtualization"] + types.map(String.init) + [verb]).joined(separator: "/")
    }
}
