extension Duration {
    /// Whole milliseconds, rounded toward zero, as fault rules write delays.
    var wholeMilliseconds: Int64 {
        components.seconds * 1_000 + components.attoseconds / 1_000_000_000_000_000
    }
}
