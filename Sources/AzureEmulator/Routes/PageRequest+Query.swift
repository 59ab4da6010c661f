extension PageRequest {
    /// Reads `pageSize` (1…1000), `isDescending` (true/false) and `initialSkip` (≥ 0).
    /// - Throws: `InvalidParameter` naming the parameter and the accepted values.
    init(_ query: QueryParameters, defaultPageSize: Int) throws(ARMError) {
        pageSize = defaultPageSize
        initialSkip = 0
        if let text = query["pageSize"] {
            guard let value = Int(text), (1...Self.maximumPageSize).contains(value) else {
                throw .invalidParameter("pageSize", value: text, expectation: "it must be an integer from 1 to \(Self.maximumPageSize)")
            }
            pageSize = value
        }
        if let text = query["isDescending"] {
            guard let value = Bool(caseInsensitive: text) else {
                throw .invalidParameter("isDescending", value: text, expectation: "it must be true or false")
            }
            isDescending = value
        }
        if let text = query["initialSkip"] {
            guard let value = Int(text), value >= 0, value <= Int(Int32.max) else {
                throw .invalidParameter("initialSkip", value: text, expectation: "it must be an integer of at least 0")
            }
            initialSkip = value
        }
    }
}
