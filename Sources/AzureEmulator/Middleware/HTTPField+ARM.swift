import HTTPTypes

extension HTTPField.Name {
    static let msRequestID = HTTPField.Name("x-ms-request-id")!
    static let msCorrelationRequestID = HTTPField.Name("x-ms-correlation-request-id")!
}
