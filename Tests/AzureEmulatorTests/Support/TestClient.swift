import AsyncHTTPClient
import AzureEmulator
import Foundation
import NIOCore
import NIOHTTP1

/// A response as the tests look at it.
struct TestResponse {
    let status: Int
    let headers: HTTPHeaders
    let body: Data

    var text: String { String(decoding: body, as: UTF8.self) }

    /// The body parsed as a JSON object; fails the test with the raw body if it is not one.
    func object() throws -> [String: Any] {
        guard let object = try JSONSerialization.jsonObject(with: body) as? [String: Any] else {
            throw TestFailure("body is not a JSON object: \(text)")
        }
        return object
    }

    /// `value` of a list response.
    func items() throws -> [[String: Any]] {
        guard let value = try object()["value"] as? [[String: Any]] else { throw TestFailure("no value array: \(text)") }
        return value
    }

    var nextLink: String? {
        (try? object())?["nextLink"] as? String
    }

    /// A top-level string field, e.g. `access_token` or `error` of an OAuth body.
    func string(_ name: String) -> String? {
        (try? object())?[name] as? String
    }

    /// `error.code` of an ARM error envelope.
    var errorCode: String? {
        ((try? object())?["error"] as? [String: Any])?["code"] as? String
    }

    var errorMessage: String? {
        ((try? object())?["error"] as? [String: Any])?["message"] as? String
    }

    func header(_ name: String) -> String? {
        headers.first(name: name)
    }
}

struct TestFailure: Error, CustomStringConvertible {
    let description: String

    init(_ description: String) {
        self.description = description
    }
}

/// The methods the tests send (kept apart from NIO's type so test files need no NIO import).
enum Method: String {
    case GET, PUT, POST, DELETE, PATCH

    var nio: HTTPMethod { HTTPMethod(rawValue: rawValue) }
}

/// Talks to a running emulator over real HTTP with AsyncHTTPClient.
struct TestClient {
    let emulator: RunningEmulator

    static let dv = "api-version=2024-04-03"
    static let subscriptionsVersion = "api-version=2022-12-01"
    static let production = "00000000-0000-0000-0000-000000000000"
    static let development = "11111111-1111-1111-1111-111111111111"

    /// `/subscriptions/<production>/resourceGroups/<rg>/providers/Microsoft.DesktopVirtualization`.
    static func rg(_ name: String, subscription: String = production) -> String {
        "/subscriptions/\(subscription)/resourceGroups/\(name)/providers/Microsoft.DesktopVirtualization"
    }

    /// Sends a request to `pathAndQuery` (raw: sent exactly as written) or to an absolute URL.
    func send(
        _ method: Method = .GET, _ pathAndQuery: String, token: String?? = .none, headers: [(String, String)] = [],
        body: String? = nil, timeout: Duration = .seconds(30)
    ) async throws -> TestResponse {
        let url = pathAndQuery.hasPrefix("http") ? pathAndQuery : emulator.baseURL + pathAndQuery
        var request = HTTPClientRequest(url: url)
        request.method = method.nio
        let bearer: String? =
            switch token {
            case .none: emulator.token
            case .some(let value): value
            }
        if let bearer { request.headers.add(name: "Authorization", value: "Bearer \(bearer)") }
        for (name, value) in headers { request.headers.add(name: name, value: value) }
        if let body { request.body = .bytes(ByteBuffer(string: body)) }
        let response = try await HTTPClient.shared.execute(
            request,
            timeout: .nanoseconds(timeout.components.seconds * 1_000_000_000 + timeout.components.attoseconds / 1_000_000_000))
        let collected = try await response.body.collect(upTo: 64 * 1_024 * 1_024)
        return TestResponse(status: Int(response.status.code), headers: response.headers, body: Data(collected.readableBytesView))
    }

    /// What a streaming read of a response got before the body ended or the connection failed.
    struct StreamedResponse {
        let status: Int
        let headers: HTTPHeaders
        let received: Int
        let error: (any Error)?

        var contentLength: Int? { headers.first(name: "content-length").flatMap { Int($0) } }
    }

    /// Sends a request and reads its body chunk by chunk, keeping what arrived when the
    /// connection fails mid-body (a truncation fault) instead of throwing it away.
    func stream(_ method: Method = .GET, _ pathAndQuery: String) async throws -> StreamedResponse {
        var request = HTTPClientRequest(url: emulator.baseURL + pathAndQuery)
        request.method = method.nio
        request.headers.add(name: "Authorization", value: "Bearer \(emulator.token)")
        let response = try await HTTPClient.shared.execute(request, timeout: .seconds(30))
        var received = 0
        do {
            for try await chunk in response.body { received += chunk.readableBytes }
        } catch {
            return StreamedResponse(status: Int(response.status.code), headers: response.headers, received: received, error: error)
        }
        return StreamedResponse(status: Int(response.status.code), headers: response.headers, received: received, error: nil)
    }

    /// POSTs a form to `path` without an `Authorization` header, as token requests go.
    func postForm(_ path: String, _ fields: [(String, String)], headers: [(String, String)] = []) async throws -> TestResponse {
        let body = fields.map { "\(Self.formEncode($0))=\(Self.formEncode($1))" }.joined(separator: "&")
        return try await send(
            .POST, path, token: .some(nil), headers: [("Content-Type", "application/x-www-form-urlencoded")] + headers, body: body)
    }

    /// The client credentials form of `clientId` for Azure Resource Manager, plus `extra` fields.
    static func clientCredentials(_ clientId: String, _ extra: [(String, String)]) -> [(String, String)] {
        [("grant_type", "client_credentials"), ("client_id", clientId), ("scope", "https://management.azure.com/.default")] + extra
    }

    static func formEncode(_ text: String) -> String {
        var allowed = CharacterSet.alphanumerics
        allowed.insert(charactersIn: "-._~")
        return text.addingPercentEncoding(withAllowedCharacters: allowed) ?? text
    }

    /// Follows `nextLink` until it is absent; returns every item and the number of pages.
    func walk(_ pathAndQuery: String) async throws -> (items: [[String: Any]], pages: Int) {
        var items: [[String: Any]] = []
        var pages = 0
        var next: String? = pathAndQuery
        while let link = next {
            let response = try await send(.GET, link)
            guard response.status == 200 else { throw TestFailure("\(link) answered \(response.status): \(response.text)") }
            items += try response.items()
            pages += 1
            next = response.nextLink
            if pages > 10_000 { throw TestFailure("paging does not end") }
        }
        return (items, pages)
    }
}

/// Starts an emulator, runs `body` against it, and stops it even when `body` throws.
@discardableResult
func withEmulator<Result>(
    _ configuration: EmulatorConfiguration = EmulatorConfiguration(),
    _ body: (TestClient) async throws -> Result
) async throws -> Result {
    let emulator = try await AzureEmulator.start(configuration)
    do {
        let result = try await body(TestClient(emulator: emulator))
        await emulator.stop()
        return result
    } catch {
        await emulator.stop()
        throw error
    }
}

extension Dictionary where Key == String, Value == Any {
    /// `properties.<name>` as a string.
    func property(_ name: String) -> String? {
        (self["properties"] as? [String: Any])?[name] as? String
    }

    var id: String? { self["id"] as? String }
    var name: String? { self["name"] as? String }
}
