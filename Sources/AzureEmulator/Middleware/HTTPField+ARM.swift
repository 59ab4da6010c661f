import HTTPTypes

extension HTTPField.Name {
    static let msRequestID = HTTPField.Name("x-ms-request-id")!
    static let msCorrelationRequestID = HTTPField.Name("x-ms-correlation-request-id")!
    /// The correlation id MSAL and the Azure SDKs send to Entra ID, which echoes it.
    static let clientRequestID = HTTPField.Name("client-request-id")!
    static let pragma = HTTPField.Name("Pragma")!
    /// The App Service managed identity secret (`IDENTITY_HEADER`).
    static let identityHeader = HTTPField.Name("X-IDENTITY-HEADER")!
    /// IMDS's SSRF guard, `Metadata: true`.
    static let metadata = HTTPField.Name("Metadata")!
}
