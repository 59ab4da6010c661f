import NIOCore
import NIOHTTP1

/// One call of a resource method: where it goes and how to read its rows.
struct MethodCall: Sendable {
    var url: String
    /// `$.value` as `["value"]`; `nil` when the body is the row itself.
    var objectKeyPath: [String]?
    /// For messages: `list_by_host_pool of azure.desktop_virtualization.user_sessions`.
    var operation: String
}

/// Runs the GET calls a query needs, concurrently up to a limit, following every `nextLink`,
/// and decodes each page into rows as it arrives.
final class ResourceFetcher: Sendable {
    let client: ARMClient
    let concurrencyLimit: Int

    init(client: ARMClient, concurrencyLimit: Int) {
        self.client = client
        self.concurrencyLimit = max(1, concurrencyLimit)
    }

    /// The rows of every call, in call order. Fails as a whole if any call fails: an upstream
    /// failure is never a smaller result.
    func rows(for calls: [MethodCall], decoder: RowDecoder) async throws -> [[[SQLValue]]] {
        if calls.count == 1 { return [try await rows(for: calls[0], decoder: decoder)] }
        return try await withThrowingTaskGroup(of: (Int, [[SQLValue]]).self) { group in
            var results = [[[SQLValue]]](repeating: [], count: calls.count)
            var next = 0
            func startNext() {
                let index = next
                next += 1
                group.addTask { (index, try await self.rows(for: calls[index], decoder: decoder)) }
            }
            while next < min(concurrencyLimit, calls.count) { startNext() }
            while let (index, rows) = try await group.next() {
                results[index] = rows
                if next < calls.count { startNext() }
            }
            return results
        }
    }

    /// Every row of one call, across all pages.
    func rows(for call: MethodCall, decoder: RowDecoder) async throws -> [[SQLValue]] {
        var rows: [[SQLValue]] = []
        var url = call.url
        var followed: Set<String> = [url]
        while true {
            let response = try await client.send(.GET, url, operation: call.operation)
            if response.status == 404, call.objectKeyPath == nil { return [] }
            guard (200..<300).contains(response.status) else {
                throw ARMClient.error(for: response, method: "GET", url: url, operation: call.operation)
            }
            let nextLink = try decodePage(response, call: call, url: url, decoder: decoder, into: &rows)
            guard let nextLink, !nextLink.isEmpty else { return rows }
            url = nextLink.hasPrefix("/") ? client.endpoint.baseURL + nextLink : nextLink
            guard followed.insert(url).inserted else {
                throw CloudQLError(.transport, "\(call.operation) failed: Azure sent a nextLink it had already sent (\(url)); stopping rather than looping forever.", http: .init(method: "GET", url: url, requestID: response.requestID))
            }
        }
    }

    /// Appends the page's rows; returns its `nextLink`.
    private func decodePage(_ response: ARMClient.Response, call: MethodCall, url: String, decoder: RowDecoder, into rows: inout [[SQLValue]]) throws -> String? {
        guard response.body.readableBytes > 0 else { return nil }
        do {
            return try response.body.withUnsafeReadableBytes { bytes -> String? in
                var scanner = JSONScanner(bytes)
                let top = try scanner.value()
                guard let path = call.objectKeyPath else {
                    rows.append(try decoder.row(top, in: bytes))
                    return nil
                }
                var container: Range<Int>? = top
                for key in path {
                    container = try container.flatMap { try JSONScanner.member(key, of: $0, in: bytes) }
                }
                if let container, bytes[container.lowerBound] == UInt8(ascii: "[") {
                    try JSONScanner.forEachElement(of: container, in: bytes) { element in
                        rows.append(try decoder.row(element, in: bytes))
                    }
                }
                guard let link = try JSONScanner.member("nextLink", of: top, in: bytes),
                      bytes[link.lowerBound] == UInt8(ascii: "\"") else { return nil }
                return try JSONScanner.string(link, in: bytes)
            }
        } catch let malformed as JSONScanner.Malformed {
            throw CloudQLError(.transport, "\(call.operation) failed: the answer is not valid JSON (\(malformed.reason) at byte \(malformed.offset)).", http: .init(method: "GET", url: url, status: response.status, requestID: response.requestID))
        }
    }
}
