import NIOCore
import NIOHTTP1

/// One call of a resource method: where it goes and how to read its rows.
struct MethodCall: Sendable {
    var url: String
    /// `$.value` as `["value"]`; `nil` when the body is the row itself.
    var objectKeyPath: [String]?
    /// For messages: `list_by_host_pool of azure.desktop_virtualization.user_sessions`.
    var operation: String
    /// The parameter values the call was made with, by column index, for the row's columns.
    var bound: [Int: SQLValue]
}

/// How much of a listing to take, and what to do when part of it fails.
public struct ListingOptions: Sendable, Hashable {
    /// Pages per listing at most; `nil` for no limit. Reaching it is an error unless partial
    /// results are allowed.
    public var pageLimit: Int?
    /// Return the rows of the calls that succeeded and warn about the others, instead of failing.
    public var allowPartial: Bool

    public init(pageLimit: Int? = nil, allowPartial: Bool = false) {
        self.pageLimit = pageLimit
        self.allowPartial = allowPartial
    }
}

/// Runs the GET calls a scan needs, concurrently up to a limit, following every `nextLink`,
/// and streams each page's rows to the cursor as it is decoded. Pages of one listing stay in
/// order. Unless partial results are allowed, any call that finally fails fails the scan,
/// naming every failed call, and the outstanding calls are cancelled: an upstream failure is
/// never a smaller result.
final class ResourceFetcher: Sendable {
    let client: ARMClient
    let concurrencyLimit: Int
    let options: ListingOptions

    init(client: ARMClient, concurrencyLimit: Int, options: ListingOptions = ListingOptions()) {
        self.client = client
        self.concurrencyLimit = max(1, concurrencyLimit)
        self.options = options
    }

    /// Starts the calls; their rows arrive on the returned channel.
    func stream(_ calls: [MethodCall], decoder: RowDecoder, shape: RowShape, used: Set<Int>, warnings: WarningLog) -> PageChannel {
        let channel = PageChannel()
        let task = Task {
            do {
                try await self.run(calls, decoder: decoder, shape: shape, used: used, warnings: warnings, into: channel)
                channel.finish()
            } catch {
                channel.finish(throwing: error)
            }
        }
        channel.attach(task)
        return channel
    }

    private func run(_ calls: [MethodCall], decoder: RowDecoder, shape: RowShape, used: Set<Int>, warnings: WarningLog, into channel: PageChannel) async throws {
        try await withThrowingTaskGroup(of: Void.self) { group in
            var next = 0
            var failures: [CloudQLError] = []
            func startNext() {
                let call = calls[next]
                next += 1
                group.addTask {
                    try await self.list(call, decoder: decoder, warnings: warnings) { rows in
                        try await channel.send(rows.map { shape.complete($0, bound: call.bound, used: used) })
                    }
                }
            }
            while next < min(concurrencyLimit, calls.count) { startNext() }
            while let result = await group.nextResult() {
                if case .failure(let error) = result, !(error is CancellationError) {
                    let failure = error as? CloudQLError ?? CloudQLError(.internal, String(describing: error))
                    if options.allowPartial {
                        warnings.add("skipped: \(failure.message)" + (failure.http?.requestID.map { " (x-ms-request-id: \($0))" } ?? ""))
                    } else {
                        failures.append(failure)
                        group.cancelAll()
                    }
                }
                if failures.isEmpty, next < calls.count { startNext() }
            }
            if !failures.isEmpty { throw Self.combine(failures, of: calls.count) }
            try Task.checkCancellation()
        }
    }

    /// Every row (fields only) of every call, each call's outcome on its own: the discovery pass
    /// fetches this way, and a failure only matters if the statement turns out to need that call.
    func fetchAll(_ calls: [MethodCall], decoders: [RowDecoder], warnings: WarningLog) async -> [Result<[[SQLValue]], CloudQLError>] {
        await withTaskGroup(of: (Int, Result<[[SQLValue]], CloudQLError>).self) { group in
            var results = [Result<[[SQLValue]], CloudQLError>](repeating: .success([]), count: calls.count)
            var next = 0
            func startNext() {
                let index = next
                next += 1
                group.addTask {
                    var rows: [[SQLValue]] = []
                    do {
                        try await self.list(calls[index], decoder: decoders[index], warnings: warnings) { rows += $0 }
                        return (index, .success(rows))
                    } catch {
                        return (index, .failure(error as? CloudQLError ?? CloudQLError(.internal, String(describing: error))))
                    }
                }
            }
            while next < min(concurrencyLimit, calls.count) { startNext() }
            while let (index, result) = await group.next() {
                results[index] = result
                if next < calls.count { startNext() }
            }
            return results
        }
    }

    /// One failure as it is; several as one error that lists each call.
    static func combine(_ failures: [CloudQLError], of total: Int) -> CloudQLError {
        guard failures.count > 1, let first = failures.first else { return failures[0] }
        var error = CloudQLError(first.kind, "\(failures.count) of \(total) calls failed; the first: \(first.message)", http: first.http)
        for failure in failures {
            var line = "  " + (failure.http.map { "\($0.method) \($0.url): " } ?? "")
            if let status = failure.http?.status {
                line += "HTTP \(status)" + (failure.http?.azureCode.map { " \($0)" } ?? "")
                if let requestID = failure.http?.requestID { line += " (x-ms-request-id: \(requestID))" }
            } else {
                line += failure.message
            }
            error.notes.append(line)
        }
        return error
    }

    /// An answered page: its body, where its items are, and its `nextLink`.
    private struct FetchedPage: Sendable {
        var response: ARMClient.Response
        /// The items array (or, for a method without `objectKey`, the object itself).
        var items: Range<Int>?
        var nextLink: String?
    }

    /// Every page of one call, in order, each handed to `deliver` as soon as it is decoded.
    /// The next page is requested as soon as this page's `nextLink` is known, so the server
    /// works on it while this page is decoded and delivered.
    private func list(_ call: MethodCall, decoder: RowDecoder, warnings: WarningLog, deliver: ([[SQLValue]]) async throws -> Void) async throws {
        var url = call.url
        var followed: Set<String> = [url]
        var pages = 0
        guard var page = try await fetchPage(url, of: call) else { return }
        while true {
            pages += 1
            var next: Task<FetchedPage?, any Error>?
            var stoppedAtLimit = false
            if let link = page.nextLink, !link.isEmpty {
                if let limit = options.pageLimit, pages >= limit {
                    stoppedAtLimit = true
                } else {
                    url = link.hasPrefix("/") ? client.endpoint.baseURL + link : link
                    guard followed.insert(url).inserted else {
                        throw CloudQLError(.transport, "\(call.operation) failed: Azure sent a nextLink it had already sent (\(url)); stopping rather than looping forever.", http: .init(method: "GET", url: url, requestID: page.response.requestID))
                    }
                    let nextURL = url
                    next = Task { try await self.fetchPage(nextURL, of: call) }
                }
            }
            do {
                try await deliver(try decodeRows(page, of: call, decoder: decoder))
            } catch {
                next?.cancel()
                throw error
            }
            if stoppedAtLimit, let limit = options.pageLimit {
                let message = "\(call.operation) stopped after \(limit) page\(limit == 1 ? "" : "s") (--http.response.pageLimit) with more to come"
                if options.allowPartial {
                    warnings.add("partial: \(message).")
                    return
                }
                throw CloudQLError(.transport, "\(message): raise the limit, or pass --allow-partial to accept the rows so far.", http: .init(method: "GET", url: url))
            }
            guard let next else { return }
            guard let fetched = try await withTaskCancellationHandler(operation: { try await next.value }, onCancel: { next.cancel() }) else { return }
            page = fetched
        }
    }

    /// One page, answered and located; `nil` for a `get` answered 404 (no row). A body that
    /// cannot be read is fetched again while the retry policy allows: a GET can be repeated
    /// safely, and a cut-off body is usually a dropped connection.
    private func fetchPage(_ url: String, of call: MethodCall) async throws -> FetchedPage? {
        var attempt = 1
        while true {
            let response = try await client.send(.GET, url, operation: call.operation)
            if response.status == 404, call.objectKeyPath == nil { return nil }
            guard (200..<300).contains(response.status) else {
                throw ARMClient.error(for: response, method: "GET", url: url, operation: call.operation)
            }
            do {
                return try locate(response, of: call, url: url)
            } catch let error as CloudQLError where attempt < client.retryPolicy.maxAttempts {
                _ = error
                attempt += 1
                try await Task.sleep(for: client.retryPolicy.delay(afterAttempt: attempt - 1, retryAfter: nil))
            }
        }
    }

    /// Finds the items and the `nextLink` in one walk over the top-level object.
    private func locate(_ response: ARMClient.Response, of call: MethodCall, url: String) throws -> FetchedPage {
        guard response.body.readableBytes > 0 else { return FetchedPage(response: response) }
        do {
            return try response.body.withUnsafeReadableBytes { bytes -> FetchedPage in
                var scanner = JSONScanner(bytes)
                scanner.skipWhitespace()
                let start = scanner.index
                guard let path = call.objectKeyPath else {
                    return FetchedPage(response: response, items: try scanner.value())
                }
                var items: Range<Int>?
                var nextLink: String?
                let top = start..<bytes.count
                try JSONScanner.forEachMember(of: top, in: bytes) { key, value in
                    if JSONScanner.keyEquals(key, "nextLink", in: bytes), bytes[value.lowerBound] == UInt8(ascii: "\"") {
                        nextLink = try JSONScanner.string(value, in: bytes)
                    } else if path.count == 1, JSONScanner.keyEquals(key, path[0], in: bytes) {
                        items = value
                    }
                }
                if path.count > 1 {
                    var container: Range<Int>? = top
                    for key in path { container = try container.flatMap { try JSONScanner.member(key, of: $0, in: bytes) } }
                    items = container
                }
                if let found = items, bytes[found.lowerBound] != UInt8(ascii: "[") { items = nil }
                return FetchedPage(response: response, items: items, nextLink: nextLink)
            }
        } catch let malformed as JSONScanner.Malformed {
            throw Self.malformed(malformed, call: call, url: url, response: response)
        }
    }

    private func decodeRows(_ page: FetchedPage, of call: MethodCall, decoder: RowDecoder) throws -> [[SQLValue]] {
        guard let items = page.items else { return [] }
        do {
            return try page.response.body.withUnsafeReadableBytes { bytes in
                guard call.objectKeyPath != nil else { return [try decoder.row(items, in: bytes)] }
                var rows: [[SQLValue]] = []
                try JSONScanner.forEachElement(of: items, in: bytes) { element in
                    rows.append(try decoder.row(element, in: bytes))
                }
                return rows
            }
        } catch let malformed as JSONScanner.Malformed {
            throw Self.malformed(malformed, call: call, url: call.url, response: page.response)
        }
    }

    private static func malformed(_ malformed: JSONScanner.Malformed, call: MethodCall, url: String, response: ARMClient.Response) -> CloudQLError {
        CloudQLError(.transport, "\(call.operation) failed: the answer is not valid JSON (\(malformed.reason) at byte \(malformed.offset)).", http: .init(method: "GET", url: url, status: response.status, requestID: response.requestID))
    }
}
