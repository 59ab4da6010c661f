import Hummingbird
import NIOCore

/// Delivers the faults that damage the answer itself rather than replace it: a dropped
/// connection, a truncated body, a body that is not JSON.
enum FaultDelivery {
    /// Closes the connection; whatever is answered afterwards is never sent.
    static func drop(_ channel: any Channel) async {
        // Waiting for the close keeps the response that follows from racing it onto the wire.
        try? await channel.close().get()
    }

    /// The same response, but its body stops halfway: `Content-Length` promises every byte,
    /// half are sent, then the connection closes. A response without a body is sent whole.
    static func truncate(_ response: Response, closing channel: any Channel) async -> Response {
        let collector = BodyCollector()
        try? await response.body.write(collector)
        let body = collector.buffer
        guard body.readableBytes > 0 else { return response }
        var truncated = response
        truncated.body = ResponseBody(contentLength: body.readableBytes) { writer in
            try await writer.write(body.getSlice(at: body.readerIndex, length: body.readableBytes / 2) ?? ByteBuffer())
            // Writes reach the event loop in order, so the half is flushed before the close.
            try? await channel.close().get()
        }
        return truncated
    }

    /// A 200 whose body is an HTML error page under the JSON content type.
    static func invalidJSON() -> Response {
        JSONResponse.make(Fault.invalidJSONBody, status: .ok)
    }
}

/// Reads a response body back into one buffer, so a fault can cut it.
private final class BodyCollector: ResponseBodyWriter {
    var buffer = ByteBuffer()

    func write(_ buffer: ByteBuffer) async throws {
        var incoming = buffer
        self.buffer.writeBuffer(&incoming)
    }

    func finish(_ trailingHeaders: HTTPFields?) async throws {}
}
