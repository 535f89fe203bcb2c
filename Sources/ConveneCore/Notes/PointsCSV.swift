/// The points of a session as CSV, for people who analyse records in a spreadsheet: one row per
/// point in record order, with its kind, theme, sub-theme, agenda item and text, and the speaker
/// only where the Chatham House Rule does not apply.
///
/// Fields are quoted as RFC 4180 says (commas, quotes and line breaks kept inside one field). A
/// field that a spreadsheet would run as a formula (starting with =, +, -, @ or a tab) gets a
/// leading apostrophe, so a point can never become a formula in someone's spreadsheet.
public enum PointsCSV {
    public static let header = ["kind", "theme", "subtheme", "item", "item title", "text", "speaker"]

    public static func render(_ session: Session) -> String {
        var lines = [line(header)]
        for id in session.points.ids {
            guard let point = session.points[id] else { continue }
            let item = point.item.flatMap { session.agenda[$0] }
            let speaker = session.isUnderRule(point.item) ? nil : point.speaker
            lines.append(line([
                point.kind.rawValue, point.theme ?? "", point.subtheme ?? "", point.item.flatMap(session.itemNumber).map(String.init) ?? "",
                item?.title ?? "", point.text, speaker ?? "",
            ]))
        }
        return lines.joined(separator: "\r\n") + "\r\n"
    }

    static func line(_ fields: [String]) -> String {
        fields.map(field).joined(separator: ",")
    }

    static func field(_ text: String) -> String {
        var text = text
        if let first = text.unicodeScalars.first, ["=", "+", "-", "@", "\t", "\r"].contains(first) { text = "'" + text }
        guard text.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" || $0 == "\r\n" }) else { return text }
        return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
