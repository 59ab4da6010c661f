import Hummingbird

/// An Azure Resource Manager error response: an HTTP status and the CloudError envelope
/// `{"error":{"code":…,"message":…}}`, plus any headers the error needs (`WWW-Authenticate`,
/// `Retry-After`, `Allow`).
struct ARMError: HTTPResponseError, Sendable {
    let status: HTTPResponse.Status
    let code: String
    let message: String
    var headers: HTTPFields = [:]

    init(_ status: HTTPResponse.Status, code: String, message: String, headers: HTTPFields = [:]) {
        self.status = status
        self.code = code
        self.message = message
        self.headers = headers
    }

    func response(from request: Request, context: some RequestContext) throws -> Response {
        response()
    }

    /// The envelope response; needs no request, so middleware can render errors it caught.
    func response() -> Response {
        var writer = JSONWriter(capacity: 64 + message.utf8.count)
        writer.beginObject()
        writer.key("error")
        writer.beginObject()
        writer.field("code", code)
        writer.field("message", message)
        writer.endObject()
        writer.endObject()
        var fields = headers
        fields[.contentType] = JSONResponse.contentType
        return Response(status: status, headers: fields, body: ResponseBody(byteBuffer: ByteBuffer(bytes: writer.bytes)))
    }
}
