import AsyncHTTPClient
import AzureEmulator
import CloudQL
import Foundation
import NIOCore
import NIOHTTP1

/// Reads what the emulator holds straight over HTTP, on one page, independently of cloudql.
enum EmulatorOracle {
    static func sessions(_ path: String, on emulator: RunningEmulator) async throws -> [[String: Any]] {
        var request = HTTPClientRequest(url: "\(emulator.baseURL)\(path)?api-version=2024-04-03&pageSize=1000")
        request.headers.add(name: "Authorization", value: "Bearer \(emulator.token)")
        let response = try await HTTPClient.shared.execute(request, timeout: .seconds(10))
        let body = try await response.body.collect(upTo: 1 << 24)
        let object = try JSONSerialization.jsonObject(with: Data(body.readableBytesView)) as? [String: Any]
        guard object?["nextLink"] == nil, let value = object?["value"] as? [[String: Any]] else {
            throw CloudQLError(.internal, "unexpected oracle answer for \(path)")
        }
        return value
    }

    /// Whether a JSON-text cell equals a JSON value, ignoring member order.
    static func sameJSON(_ cell: SQLValue, _ value: Any?) throws -> Bool {
        guard case .text(let text) = cell else { return value == nil || value is NSNull }
        let data = try JSONSerialization.data(withJSONObject: value ?? NSNull(), options: [.sortedKeys, .fragmentsAllowed])
        let parsed = try JSONSerialization.jsonObject(with: Data(text.utf8), options: [.fragmentsAllowed])
        let reencoded = try JSONSerialization.data(withJSONObject: parsed, options: [.sortedKeys, .fragmentsAllowed])
        return data == reencoded
    }
}
