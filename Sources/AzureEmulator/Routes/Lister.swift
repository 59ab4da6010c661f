import Hummingbird
import NIOCore

/// Turns one page of a listing into `{"value":[…],"nextLink":"…"}`.
///
/// The page's items arrive as pre-rendered JSON and are copied into one buffer outside the
/// store, so large pages do not hold up other requests.
struct Lister: Sendable {
    let request: Request
    let target: RequestTarget
    let query: QueryParameters
    let apiVersion: String
    let defaultPageSize: Int
    let fallbackBaseURL: @Sendable () -> String

    func respond(filter: String? = nil, page fetch: (PageRequest) async throws(ARMError) -> ListPage) async throws(ARMError) -> Response {
        let pageRequest = try PageRequest(query, defaultPageSize: defaultPageSize)
        let page = try await fetch(pageRequest)
        let nextLink = page.nextSkip.map { skip in
            NextLink.make(
                baseURL: NextLink.baseURL(authority: request.head.authority, fallback: fallbackBaseURL()),
                rawPath: target.rawPath, apiVersion: apiVersion, page: pageRequest, filter: filter, nextSkip: skip)
        }
        return JSONResponse.make(Self.body(page.items, nextLink: nextLink))
    }

    static func body(_ items: [[UInt8]], nextLink: String?) -> ByteBuffer {
        var linkWriter = JSONWriter(capacity: 256)
        if let nextLink { linkWriter.string(nextLink) }
        var buffer = ByteBufferAllocator().buffer(capacity: items.reduce(32 + linkWriter.bytes.count) { $0 + $1.count + 1 })
        buffer.writeString("{\"value\":[")
        for (index, item) in items.enumerated() {
            if index > 0 { buffer.writeInteger(UInt8(ascii: ",")) }
            buffer.writeBytes(item)
        }
        buffer.writeString("]")
        if nextLink != nil {
            buffer.writeString(",\"nextLink\":")
            buffer.writeBytes(linkWriter.bytes)
        }
        buffer.writeString("}")
        return buffer
    }
}
