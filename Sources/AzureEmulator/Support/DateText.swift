import Foundation

/// The date formats of HTTP headers and of Microsoft's error messages. These are off the hot
/// path (errors and throttling), so a formatter is made per call rather than shared.
enum DateText {
    /// RFC 9110's IMF-fixdate, as in `Retry-After: Wed, 25 Nov 2026 09:00:05 GMT`.
    static func httpDate(_ date: Date) -> String {
        format(date, "EEE, dd MMM yyyy HH:mm:ss 'GMT'")
    }

    /// .NET's invariant `G` format, which ARM uses in token messages: `11/25/2026 9:00:05 AM`.
    static func dotNetGeneral(_ date: Date) -> String {
        format(date, "M/d/yyyy h:mm:ss a")
    }

    /// The `timestamp` of Microsoft Entra ID errors: `2026-11-25 09:00:05Z`.
    static func entraTimestamp(_ date: Date) -> String {
        format(date, "yyyy-MM-dd HH:mm:ss'Z'")
    }

    private static func format(_ date: Date, _ pattern: String) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = pattern
        return formatter.string(from: date)
    }
}
