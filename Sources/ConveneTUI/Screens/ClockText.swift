import ConveneCore
import Foundation

/// Durations as a facilitator reads them: `12:05`, `1:02:09`.
enum ClockText {
    static func format(_ seconds: TimeInterval) -> String {
        let total = Int(max(0, seconds))
        let (hours, minutes, secs) = (total / 3600, total / 60 % 60, total % 60)
        return hours > 0
            ? String(format: "%d:%02d:%02d", hours, minutes, secs)
            : String(format: "%02d:%02d", minutes, secs)
    }

    /// An item's clock against its timebox, "12:30 / 25:00" or "27:10 / 25:00  +02:10 over",
    /// and whether a started item has run over.
    static func timebox(of item: AgendaItem, at now: Date) -> (text: String, overrun: Bool) {
        let elapsed = item.elapsed(at: now)
        let budget = TimeInterval(item.timebox * 60)
        let overrun = item.startedAt != nil && elapsed > budget
        let text = "\(format(elapsed)) / \(format(budget))" + (overrun ? "  +\(format(elapsed - budget)) over" : "")
        return (text, overrun)
    }
}
