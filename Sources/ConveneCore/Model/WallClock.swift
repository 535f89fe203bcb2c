import Foundation

/// Times of day as a facilitator writes and reads them, "16:30", in the local time zone.
public enum WallClock {
    /// "16:40".
    public static func text(_ date: Date) -> String {
        let parts = Calendar.current.dateComponents([.hour, .minute], from: date)
        return String(format: "%02d:%02d", parts.hour ?? 0, parts.minute ?? 0)
    }

    /// `16:30`, `9:05` or `1630` on the day of `day`; nil when it is not a time of day.
    public static func time(_ text: String, on day: Date) -> Date? {
        let digits = text.filter(\.isNumber)
        let pieces = text.contains(":") ? text.split(separator: ":").map(String.init) : [String(digits.dropLast(2)), String(digits.suffix(2))]
        guard pieces.count == 2, let hour = Int(pieces[0]), let minute = Int(pieces[1]), (0..<24).contains(hour), (0..<60).contains(minute),
              pieces[1].count == 2, text.allSatisfy({ $0.isNumber || $0 == ":" })
        else { return nil }
        return Calendar.current.date(bySettingHour: hour, minute: minute, second: 0, of: day)
    }

    /// Noon on a `YYYY-MM-DD` day in the local time zone: a session's date as a day to set times on.
    public static func day(_ date: String) -> Date? {
        let parts = date.split(separator: "-").compactMap { Int($0) }
        guard parts.count == 3 else { return nil }
        return Calendar.current.date(from: DateComponents(year: parts[0], month: parts[1], day: parts[2], hour: 12))
    }
}
