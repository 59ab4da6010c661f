import Hummingbird

/// Builds `application/json; charset=utf-8` responses from bytes that are already JSON.
enum JSONResponse {
    static let contentType = "application/json; charset=utf-8"

    static func make(_ bytes: [UInt8], status: HTTPResponse.Status = .ok) -> Response {
        make(ByteBuffer(bytes: bytes), status: status)
    }

    static func make(_ buffer: ByteBuffer, status: HTTPResponse.Status = .ok) -> Response {
        Response(
            status: status, headers: [.contentType: contentType, .contentLength: String(buffer.readableBytes)],
            body: ResponseBody(byteBuffer: buffer))
    }

    /// A 200 with no body, as Disconnect, SendMessage and Delete answer.
    static func emptyOK() -> Response {
        Response(status: .ok, headers: [.contentLength: "0"], body: ResponseBody())
    }
}
