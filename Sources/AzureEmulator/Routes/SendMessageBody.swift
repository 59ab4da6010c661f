import Foundation
import Hummingbird

/// The optional body of SendMessage: `{"messageTitle": "…", "messageBody": "…"}`, both
/// optional strings. Unknown keys are ignored, as ARM does.
struct SendMessageBody: Decodable, Sendable {
    var messageTitle: String?
    var messageBody: String?

    /// Parses the body; an empty body, whitespace or `null` mean no message content.
    /// - Throws: `InvalidRequestContent` when the body is not JSON or a field has the wrong type.
    static func parse(_ buffer: ByteBuffer) throws(ARMError) -> SendMessageBody {
        let bytes = Data(buffer.readableBytesView)
        let trimmed = String(decoding: bytes, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        if trimmed.isEmpty || trimmed == "null" { return SendMessageBody() }
        do {
            return try JSONDecoder().decode(SendMessageBody.self, from: bytes)
        } catch let error as DecodingError {
            throw .invalidRequestContent(error.jsonPath.isEmpty ? error.problem : "\(error.jsonPath): \(error.problem)")
        } catch {
            throw .invalidRequestContent("the body is not valid JSON")
        }
    }
}
