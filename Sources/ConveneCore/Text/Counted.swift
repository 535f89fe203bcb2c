/// A number with its noun, as a person writes it: "1 attendee", "3 attendees", "0 places" —
/// never "attendee(s)" or "1 attendees".
public enum Counted {
    /// `count` and `noun`, the noun in the plural (`plural`, else the noun with "s") unless the
    /// count is one.
    public static func phrase(_ count: Int, _ noun: String, plural: String? = nil) -> String {
        "\(count) " + (count == 1 ? noun : plural ?? noun + "s")
    }
}
