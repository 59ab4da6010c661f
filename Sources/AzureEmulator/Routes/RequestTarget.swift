/// A request's path and query exactly as they arrived on the wire.
///
/// Hummingbird's `request.uri.path` is the raw request-target path: nothing is percent-decoded
/// or normalised (`%2F` stays `%2F`, `..` stays `..`). Routing splits that raw path on `/`
/// and decodes each segment only afterwards, so a decoded name can never change the route.
struct RequestTarget: Sendable {
    /// The path, still percent-encoded.
    let rawPath: String
    /// The query without `?`, still percent-encoded; empty when absent.
    let rawQuery: String

    /// The raw segments between slashes; the leading slash and one trailing slash are ignored.
    var segments: [Substring] {
        var parts = rawPath.split(separator: "/", omittingEmptySubsequences: false)
        if parts.first == "" { parts.removeFirst() }
        if parts.last == "", !parts.isEmpty { parts.removeLast() }
        return parts
    }

    /// The path with escapes decoded, for fault matching and error messages.
    var decodedPath: String {
        PercentEncoding.decode(rawPath[...]) ?? rawPath
    }
}
