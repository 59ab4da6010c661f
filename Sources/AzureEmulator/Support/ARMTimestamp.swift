/// Formats instants the way the Desktop Virtualization service does: UTC with seven
/// fractional digits (.NET ticks), e.g. `2026-11-20T08:01:54.9571247Z`.
///
/// Works on plain integers so scenario data never depends on the clock or on a date formatter.
enum ARMTimestamp {
    static let ticksPerSecond = 10_000_000

    /// Seconds since 1970-01-01T00:00:00Z of the given UTC civil time.
    static func epochSeconds(year: Int, month: Int, day: Int, hour: Int = 0, minute: Int = 0, second: Int = 0) -> Int {
        daysFromCivil(year: year, month: month, day: day) * 86_400 + hour * 3_600 + minute * 60 + second
    }

    /// - Parameters:
    ///   - epochSeconds: whole seconds since the Unix epoch.
    ///   - ticks: the fraction of the second in 100 ns units (0..<10_000_000).
    static func string(epochSeconds: Int, ticks: Int = 0) -> String {
        let days = epochSeconds >= 0 ? epochSeconds / 86_400 : (epochSeconds - 86_399) / 86_400
        let secondOfDay = epochSeconds - days * 86_400
        let (year, month, day) = civilFromDays(days)
        // Digits are written into a fixed layout: formatting is on the rendering hot path.
        var text: [UInt8] = Array("0000-00-00T00:00:00.0000000Z".utf8)
        put(year, width: 4, at: 0, into: &text)
        put(month, width: 2, at: 5, into: &text)
        put(day, width: 2, at: 8, into: &text)
        put(secondOfDay / 3_600, width: 2, at: 11, into: &text)
        put(secondOfDay / 60 % 60, width: 2, at: 14, into: &text)
        put(secondOfDay % 60, width: 2, at: 17, into: &text)
        put(ticks, width: 7, at: 20, into: &text)
        return String(decoding: text, as: UTF8.self)
    }

    private static func put(_ value: Int, width: Int, at offset: Int, into text: inout [UInt8]) {
        var remaining = value
        for position in stride(from: offset + width - 1, through: offset, by: -1) {
            text[position] = UInt8(ascii: "0") + UInt8(remaining % 10)
            remaining /= 10
        }
    }

    // Howard Hinnant's days_from_civil / civil_from_days (proleptic Gregorian calendar).
    private static func daysFromCivil(year: Int, month: Int, day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    private static func civilFromDays(_ days: Int) -> (Int, Int, Int) {
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1_460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let mp = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * mp + 2) / 5 + 1
        let month = mp < 10 ? mp + 3 : mp - 9
        return (yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day)
    }
}
