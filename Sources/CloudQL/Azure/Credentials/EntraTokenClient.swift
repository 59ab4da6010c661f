import AsyncHTTPClient
import Foundation
import NIOCore
import NIOHTTP1

/// Talks to Microsoft Entra ID (or whatever `AZURE_AUTHORITY_HOST` names): posts a client
/// credentials grant, and reads tokens out of token-endpoint and managed-identity answers.
/// Secrets and assertions travel only in request bodies and never appear in errors.
struct EntraTokenClient: Sendable {
    let httpClient: HTTPClient
    let authorityHost: String

    static let defaultAuthorityHost = "https://login.microsoftonline.com"

    init(httpClient: HTTPClient, environment: [String: String]) {
        self.httpClient = httpClient
        var host = environment["AZURE_AUTHORITY_HOST"].flatMap { $0.isEmpty ? nil : $0 } ?? Self.defaultAuthorityHost
        while host.hasSuffix("/") { host.removeLast() }
        authorityHost = host
    }

    /// `POST {authority}/{tenant}/oauth2/v2.0/token` with `grant_type=client_credentials`.
    func clientCredentials(tenant: String, clientID: String, scope: String, secret: String? = nil, assertion: String? = nil, method: String) async throws -> AccessToken {
        var form = [("grant_type", "client_credentials"), ("client_id", clientID), ("scope", scope)]
        if let secret { form.append(("client_secret", secret)) }
        if let assertion {
            form.append(("client_assertion_type", "urn:ietf:params:oauth:client-assertion-type:jwt-bearer"))
            form.append(("client_assertion", assertion))
        }
        let body = form.map { "\(Self.formEncode($0.0))=\(Self.formEncode($0.1))" }.joined(separator: "&")
        let url = "\(authorityHost)/\(PathSegment.encode(tenant))/oauth2/v2.0/token"
        var request = HTTPClientRequest(url: url)
        request.method = .POST
        request.headers.add(name: "Content-Type", value: "application/x-www-form-urlencoded")
        request.headers.add(name: "Accept", value: "application/json")
        request.body = .bytes(ByteBuffer(string: body))
        return try await send(request, url: url, method: method)
    }

    /// A GET to a managed-identity endpoint with its header.
    func managedIdentity(url: String, headers: [(String, String)], method: String) async throws -> AccessToken {
        var request = HTTPClientRequest(url: url)
        for (name, value) in headers { request.headers.add(name: name, value: value) }
        return try await send(request, url: url, method: method, timeout: .seconds(5))
    }

    private func send(_ request: HTTPClientRequest, url: String, method: String, timeout: TimeAmount = .seconds(30)) async throws -> AccessToken {
        let shownURL = String(url.prefix { $0 != "?" })
        let response: HTTPClientResponse
        let body: ByteBuffer
        do {
            response = try await httpClient.execute(request, timeout: timeout)
            body = try await response.body.collect(upTo: 1 << 20)
        } catch {
            throw CloudQLError(.authentication, "Sign-in with \(method) failed: cannot reach \(shownURL) (\(error)).")
        }
        let object = (try? JSONSerialization.jsonObject(with: Data(body.readableBytesView))) as? [String: Any] ?? [:]
        guard (200..<300).contains(Int(response.status.code)), let token = object["access_token"] as? String, !token.isEmpty else {
            let code = object["error"] as? String ?? "HTTP \(response.status.code)"
            let description = (object["error_description"] as? String).map { ": " + ($0.split(separator: "\r\n").first.map(String.init) ?? $0) } ?? ""
            throw CloudQLError(.authentication, "Sign-in with \(method) failed: \(shownURL) answered \(code)\(description).")
        }
        return AccessToken(token: token, expiresOn: Self.expiry(object))
    }

    /// From `expires_in` (seconds from now) or `expires_on` (epoch seconds), as number or text.
    static func expiry(_ object: [String: Any], now: Date = Date()) -> Date {
        func seconds(_ key: String) -> Double? {
            if let number = object[key] as? Double { return number }
            if let number = object[key] as? Int { return Double(number) }
            return (object[key] as? String).flatMap(Double.init)
        }
        if let on = seconds("expires_on") { return Date(timeIntervalSince1970: on) }
        if let within = seconds("expires_in") { return now.addingTimeInterval(within) }
        return now.addingTimeInterval(3600)
    }

    static func formEncode(_ text: String) -> String {
        PathSegment.encodeQueryComponent(text)
    }
}
