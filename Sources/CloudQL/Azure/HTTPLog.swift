import Foundation
import Logging

/// `--http.log.enabled`: one line per request with method, URL, status and time. The URL never
/// holds a credential, and headers are not logged.
struct HTTPLog: Sendable {
    let logger: Logger

    func record(method: String, url: String, status: Int?, elapsed: Duration) {
        let milliseconds = Double(elapsed.components.attoseconds) / 1e15 + Double(elapsed.components.seconds) * 1000
        logger.info("\(method) \(url) -> \(status.map(String.init) ?? "no answer") (\(String(format: "%.1f", milliseconds)) ms)")
    }
}
