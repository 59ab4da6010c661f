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
    let store: EmulatorStore
    let faultPhases: Set<Fault.Phase>

    /// - Returns: the page, and the listing fault (`nextlink-loop`, `nextlink-host`) that hit it, if any.
    func respond(
        filter: String? = nil, page fetch: (PageRequest) async throws(ARMError) -> ListPage
    ) async throws(ARMError) -> ARMAnswer {
        let pageRequest = try PageRequest(query, defaultPageSize: defaultPageSize)
        let page = try await fetch(pageRequest)
        let phase: Fault.Phase = page.nextSkip == nil ? .lastPage : .linkedPage
        var fault: Fault?
        if faultPhases.contains(phase) {
            fault = await store.takeFault(phase, method: request.method.rawValue, decodedPath: target.decodedPath)
        }
        var baseURL = NextLink.baseURL(authority: request.head.authority, fallback: fallbackBaseURL())
        var nextSkip = page.nextSkip
        switch fault?.kind {
        case .nextLinkLoop: nextSkip = 0
        case .nextLinkHost(let origin): baseURL = origin
        default: break
        }
        let nextLink = nextSkip.map { skip in
            NextLink.make(
                baseURL: baseURL, rawPath: target.rawPath, apiVersion: apiVersion, page: pageRequest, filter: filter, nextSkip: skip)
        }
        return ARMAnswer(JSONResponse.make(Self.body(page.items, nextLink: nextLink)), faults: fault.map { [$0] } ?? [])
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
