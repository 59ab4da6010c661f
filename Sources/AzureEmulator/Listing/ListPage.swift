/// One page of a listing: the items' JSON in response order and where the next page starts.
struct ListPage: Sendable {
    var items: [[UInt8]]
    /// The `initialSkip` of the next page; nil on the last page.
    var nextSkip: Int?

    /// Collects the page from a window over ascending positions.
    static func collect(
        _ request: PageRequest, total: Int, item: (Int) -> [UInt8]
    ) -> ListPage {
        let (positions, nextSkip) = request.window(total: total)
        var items: [[UInt8]] = []
        items.reserveCapacity(positions.count)
        for position in positions { items.append(item(position)) }
        if request.isDescending == true { items.reverse() }
        return ListPage(items: items, nextSkip: nextSkip)
    }
}
