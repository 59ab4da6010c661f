import AsyncHTTPClient
import Foundation
import NIOCore
import NIOHTTP1

/// Sends requests to Azure Resource Manager (or anything that speaks like it) and turns every
/// answer that is not a success into a `CloudQLError` carrying status, Azure code and message,
/// request id, method and URL.
final class ARMClient: Sendable {
    /// An answered request.
    struct Response: Sendable {
        var status: Int
        var body: ByteBuffer
        var requestID: String?
        var retryAfter: String?
    }

    let endpoint: ARMEndpoint
    private let httpClient: HTTPClient
    private let authorization: AuthorizationSource
    private let options: Options
    private let log: HTTPLog?

    struct Options: Sendable {
        var requestTimeout: TimeAmount = .seconds(60)
        var maximumBodyBytes = 256 * 1024 * 1024
        var retry: RetryPolicy = .default
    }

    init(endpoint: ARMEndpoint, httpClient: HTTPClient, authorization: AuthorizationSource, options: Options = Options(), log: HTTPLog?) {
        self.endpoint = endpoint
        self.httpClient = httpClient
        self.authorization = authorization
        self.options = options
        self.log = log
    }

    var retryPolicy: RetryPolicy { options.retry }

    /// Sends a request and returns its answer, whatever the status, repeating it while the
    /// retry policy allows for methods that can be repeated safely (see `RetryPolicy`).
    /// - Parameter operation: what the request is for, for error messages
    ///   (e.g. `list_by_host_pool of azure.desktop_virtualization.user_sessions`).
    func send(_ method: HTTPMethod, _ url: String, body: ByteBuffer? = nil, operation: String) async throws -> Response {
        let policy = RetryPolicy.isRepeatable(method.rawValue) ? options.retry : .none
        let started = ContinuousClock.now
        var attempt = 1
        while true {
            let outcome: Result<Response, CloudQLError>
            do {
                outcome = .success(try await sendOnce(method, url, body: body, operation: operation))
            } catch let error as CloudQLError where error.kind == .transport {
                outcome = .failure(error)
            }
            let retryAfter: String?
            switch outcome {
            case .success(let response):
                guard RetryPolicy.retryableStatuses.contains(response.status) else { return response }
                retryAfter = response.retryAfter
            case .failure:
                retryAfter = nil
            }
            let wait = policy.delay(afterAttempt: attempt, retryAfter: retryAfter)
            guard attempt < policy.maxAttempts, ContinuousClock.now - started + wait <= policy.totalDeadline else {
                return try outcome.get()
            }
            try await Task.sleep(for: wait)
            attempt += 1
        }
    }

    /// One attempt; when Azure says the token has expired, fetches a new one and tries once more
    /// (safe for any method: the request was refused before it was acted on).
    private func sendOnce(_ method: HTTPMethod, _ url: String, body: ByteBuffer?, operation: String) async throws -> Response {
        let authorizationHeader = try await authorization.headerValue()
        let response = try await sendOnce(method, url, body: body, operation: operation, authorizationHeader: authorizationHeader)
        guard response.status == 401, Self.azureCode(of: response) == "ExpiredAuthenticationToken",
              await authorization.tokenExpired(authorizationHeader) else { return response }
        return try await sendOnce(method, url, body: body, operation: operation, authorizationHeader: try await authorization.headerValue())
    }

    private static func azureCode(of response: Response) -> String? {
        let object = try? JSONSerialization.jsonObject(with: Data(response.body.readableBytesView)) as? [String: Any]
        return (object?["error"] as? [String: Any])?["code"] as? String
    }

    private func sendOnce(_ method: HTTPMethod, _ url: String, body: ByteBuffer?, operation: String, authorizationHeader: String) async throws -> Response {
        guard endpoint.isSameOrigin(url) else {
            throw CloudQLError(.transport, "Refusing to send a request for \(operation) to \(Self.origin(of: url)): it is not the configured endpoint \(endpoint.baseURL), and the access token goes nowhere else.")
        }
        var request = HTTPClientRequest(url: url)
        request.method = method
        request.headers.add(name: "Authorization", value: authorizationHeader)
        request.headers.add(name: "Accept", value: "application/json")
        request.headers.add(name: "User-Agent", value: "cloudql/0.1")
        if let body {
            request.headers.add(name: "Content-Type", value: "application/json")
            request.body = .bytes(body)
        }
        let started = ContinuousClock.now
        do {
            let response = try await httpClient.execute(request, timeout: options.requestTimeout)
            let bytes = try await response.body.collect(upTo: options.maximumBodyBytes)
            let requestID = response.headers.first(name: "x-ms-request-id")
            log?.record(method: method.rawValue, url: url, status: Int(response.status.code), elapsed: ContinuousClock.now - started)
            return Response(status: Int(response.status.code), body: bytes, requestID: requestID, retryAfter: response.headers.first(name: "Retry-After"))
        } catch let error as CloudQLError {
            throw error
        } catch is CancellationError {
            throw CancellationError()
        } catch is NIOTooManyBytesError {
            throw CloudQLError(.transport, "The answer to \(operation) is larger than \(options.maximumBodyBytes / 1_048_576) MiB; cloudql stopped reading it.", http: .init(method: method.rawValue, url: url))
        } catch {
            log?.record(method: method.rawValue, url: url, status: nil, elapsed: ContinuousClock.now - started)
            if let clientError = error as? HTTPClientError, clientError == .deadlineExceeded || clientError == .readTimeout {
                let seconds = options.requestTimeout.nanoseconds / 1_000_000_000
                throw CloudQLError(.transport, "\(operation) timed out: \(endpoint.baseURL) gave no answer within \(seconds) s (--apirequesttimeout).", http: .init(method: method.rawValue, url: url))
            }
            throw CloudQLError(.transport, "Cannot reach \(endpoint.baseURL) for \(operation) (\(Self.reason(error))): check --endpoint or CLOUDQL_AZURE_ENDPOINT and the network.", http: .init(method: method.rawValue, url: url))
        }
    }

    /// The error for an answer with an error status: Azure's code and message, plus what to do.
    static func error(for response: Response, method: String, url: String, operation: String) -> CloudQLError {
        var code: String?
        var message: String?
        if let object = try? JSONSerialization.jsonObject(with: Data(response.body.readableBytesView)) as? [String: Any] {
            let error = object["error"] as? [String: Any] ?? object
            code = error["code"] as? String
            message = error["message"] as? String
        }
        var sentence = "\(operation) failed: Azure answered HTTP \(response.status)"
        if let code { sentence += " \(code)" }
        if let message { sentence += ": \(message)" } else if response.body.readableBytes > 0 {
            sentence += ": " + String(String(buffer: response.body).prefix(200))
        }
        switch response.status {
        case 401: sentence += " (the access token was refused: check --auth and that the token is current)"
        case 403: sentence += " (the signed-in identity lacks permission for this scope)"
        case 500...: sentence += " (a failure on Azure's side; try again later)"
        default: break
        }
        return CloudQLError(.upstream, sentence, http: .init(
            method: method, url: url, status: response.status, azureCode: code, azureMessage: message, requestID: response.requestID
        ))
    }

    private static func origin(of url: String) -> String {
        guard let components = URLComponents(string: url) else { return url }
        return "\(components.scheme ?? "")://\(components.host ?? "")\(components.port.map { ":\($0)" } ?? "")"
    }

    private static func reason(_ error: any Error) -> String {
        let text = String(describing: error)
        if text.localizedCaseInsensitiveContains("refused") { return "connection refused" }
        if let clientError = error as? HTTPClientError, clientError == .connectTimeout { return "connection timed out" }
        return text
    }
}
