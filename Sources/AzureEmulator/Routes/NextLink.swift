/// Builds the absolute `nextLink` of a page: the same path, the same paging and filter
/// parameters, and the next `initialSkip`. Every value is percent-encoded with only RFC 3986
/// unreserved characters left as they are, so the link survives clients that re-parse it
/// (the Python SDK turns a literal `+` into a space).
enum NextLink {
    static func make(
        baseURL: String, rawPath: String, apiVersion: String, page: PageRequest, filter: String?, nextSkip: Int
    ) -> String {
        var link = baseURL + rawPath + "?api-version=" + PercentEncoding.encodeQueryValue(apiVersion)
        link += "&pageSize=\(page.pageSize)"
        if let isDescending = page.isDescending { link += "&isDescending=\(isDescending)" }
        if let filter { link += "&$filter=" + PercentEncoding.encodeQueryValue(filter) }
        link += "&initialSkip=\(nextSkip)"
        return link
    }

    /// `http://<Host header>` when the header looks like a host (so links work through any
    /// address the client used), else the address the server is bound to.
    static func baseURL(authority: String?, fallback: String) -> String {
        guard let authority, !authority.isEmpty,
            authority.unicodeScalars.allSatisfy({ $0.properties.isASCIIHexDigit || isHostCharacter($0) })
        else { return fallback }
        return "http://" + authority
    }

    private static func isHostCharacter(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar {
        case "a"..."z", "A"..."Z", "0"..."9", ".", "-", ":", "[", "]", "_": true
        default: false
        }
    }
}
