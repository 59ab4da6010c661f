import Foundation
import Hummingbird
import NIOCore

/// The request context: Hummingbird's core storage plus the ARM request id, which the
/// response headers and the request log share.
struct EmulatorRequestContext: RequestContext {
    var coreContext: CoreRequestContextStorage
    /// The `x-ms-request-id` of this request's response.
    let requestID: String
    /// The connection, whose local address gives the port for links.
    let channel: any Channel

    init(source: ApplicationRequestContextSource) {
        coreContext = .init(source: source)
        requestID = UUID().uuidString.lowercased()
        channel = source.channel
    }
}
