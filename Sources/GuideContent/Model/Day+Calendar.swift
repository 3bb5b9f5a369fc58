import Foundation

/// Calendar arithmetic for `verified:` dates: what today is, how old a date is.
extension Day {
    /// Today in the machine's time zone: the day an editor at this machine would write.
    public static func today(timeZone: TimeZone = .current) -> Day {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        let parts = calendar.dateComponents([.year, .month, .day], from: Date())
        return Day(String(format: "%04d-%02d-%02d", parts.year!, parts.month!, parts.day!))!
    }

    /// The same day `months` months later (earlier when negative), clamped to the month's last
    /// day: 31 March minus one month is 28 or 29 February.
    public func adding(months: Int) -> Day {
        let total = year * 12 + (month - 1) + months
        let (newYear, newMonth) = (total / 12, total % 12 + 1)
        let newDay = Swift.min(day, Day.days(inMonth: newMonth, year: newYear))
        return Day(String(format: "%04d-%02d-%02d", newYear, newMonth, newDay))!
    }

    /// "8 months", "1 year", "2 years 3 months": how long before `today` this day was.
    public func age(at today: Day) -> String {
        let months = Swift.max(0, self.months(until: today))
        func plural(_ count: Int, _ word: String) -> String { "\(count) \(word)\(count == 1 ? "" : "s")" }
        if months < 12 { return plural(months, "month") }
        let rest = months % 12
        return plural(months / 12, "year") + (rest == 0 ? "" : " " + plural(rest, "month"))
    }
}
