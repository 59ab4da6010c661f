/// The paging query parameters of a list operation: `pageSize`, `isDescending`, `initialSkip`.
struct PageRequest: Sendable {
    static let maximumPageSize = 1_000

    var pageSize: Int
    /// nil when the client did not send it (then it is left out of `nextLink` too).
    var isDescending: Bool?
    var initialSkip: Int

    /// Which items of a listing of `total` items this page holds.
    /// - Returns: the ascending range of positions (reverse it when `isDescending`), and the
    ///   `initialSkip` of the next page, nil on the last page.
    func window(total: Int) -> (positions: Range<Int>, nextSkip: Int?) {
        let start = min(initialSkip, total)
        let end = min(total, start + pageSize)
        let positions = isDescending == true ? (total - end)..<(total - start) : start..<end
        return (positions, end < total ? end : nil)
    }
}
