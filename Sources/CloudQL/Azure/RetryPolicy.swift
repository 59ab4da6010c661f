import Foundation

/// When and how long to wait before repeating a request. Only requests that cannot do harm
/// twice are repeated: GET, HEAD and DELETE; never a POST that may have reached the server.
public struct RetryPolicy: Sendable, Hashable {
    /// Attempts in all, the first included.
    public var maxAttempts: Int
    /// No retry starts once this much time has passed since the first attempt.
    public var totalDeadline: Duration
    /// The first backoff; each further one doubles, up to `maxDelay`, with random jitter.
    public var baseDelay: Duration
    public var maxDelay: Duration

    public static let `default` = RetryPolicy(maxAttempts: 4, totalDeadline: .seconds(120), baseDelay: .milliseconds(500), maxDelay: .seconds(30))
    /// Send once, never repeat.
    public static let none = RetryPolicy(maxAttempts: 1, totalDeadline: .zero, baseDelay: .zero, maxDelay: .zero)

    public init(maxAttempts: Int, totalDeadline: Duration, baseDelay: Duration, maxDelay: Duration) {
        self.maxAttempts = maxAttempts
        self.totalDeadline = totalDeadline
        self.baseDelay = baseDelay
        self.maxDelay = maxDelay
    }

    /// Statuses that say "try again": timeouts, throttling, transient server failures.
    static let retryableStatuses: Set<Int> = [408, 429, 500, 502, 503, 504]

    static func isRepeatable(_ method: String) -> Bool {
        ["GET", "HEAD", "DELETE"].contains(method)
    }

    /// The wait before attempt `attempt + 1` (attempt counts from 1), honouring `Retry-After`
    /// (seconds or an HTTP date) when the server sent one.
    public func delay(afterAttempt attempt: Int, retryAfter: String?, now: Date = Date()) -> Duration {
        if let retryAfter, let seconds = Self.seconds(fromRetryAfter: retryAfter, now: now) {
            return .milliseconds(Int64(min(seconds, 300) * 1000))
        }
        let exponential = baseDelay * Int(1 << min(attempt - 1, 16))
        let capped = min(exponential, maxDelay)
        // Jitter spreads out clients that were throttled together.
        return capped * Double.random(in: 0.5...1.0)
    }

    static func seconds(fromRetryAfter value: String, now: Date) -> Double? {
        let trimmed = value.trimmingCharacters(in: .whitespaces)
        if let seconds = Double(trimmed), seconds >= 0 { return seconds }
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "GMT")
        formatter.dateFormat = "EEE, dd MMM yyyy HH:mm:ss zzz"
        guard let date = formatter.date(from: trimmed) else { return nil }
        return max(0, date.timeIntervalSince(now))
    }
}
