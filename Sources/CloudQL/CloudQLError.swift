import Foundation

/// The one error type cloudql throws: a sentence that says what went wrong and what to do,
/// plus, for upstream failures, the facts needed to chase it (never a token or secret).
public struct CloudQLError: Error, Sendable, CustomStringConvertible, LocalizedError {
    /// Broad classes of failure, for programs that branch on them.
    public enum Kind: String, Sendable {
        /// The SQL could not be parsed or planned.
        case syntax
        /// A provider, service, resource or method name that does not exist.
        case unknownName
        /// No method of the resource can be used with the parameters given.
        case missingParameters
        /// Bad command-line or configuration input.
        case usage
        /// No usable credential.
        case authentication
        /// Azure answered with an error status.
        case upstream
        /// Azure could not be reached, or answered something unreadable.
        case transport
        /// A provider document is malformed.
        case catalog
        /// A bug or an unexpected state in cloudql itself.
        case `internal`
    }

    /// What an upstream call was and how it was answered.
    public struct HTTPDetails: Sendable, Hashable {
        public var method: String
        /// The request URL (it never carries credentials).
        public var url: String
        public var status: Int?
        public var azureCode: String?
        public var azureMessage: String?
        public var requestID: String?
    }

    public var kind: Kind
    /// The first sentence a person reads.
    public var message: String
    public var http: HTTPDetails?
    /// Further lines printed after the facts, such as which statement of a script failed.
    public var notes: [String] = []

    public init(_ kind: Kind, _ message: String, http: HTTPDetails? = nil) {
        self.kind = kind
        self.message = message
        self.http = http
    }

    /// The message, then one line each for the request and the request id.
    public var description: String {
        var lines = [message]
        if let http {
            lines.append("request: \(http.method) \(http.url)")
            if let requestID = http.requestID { lines.append("x-ms-request-id: \(requestID)") }
        }
        lines += notes
        return lines.joined(separator: "\n")
    }

    public var errorDescription: String? { description }
}
