import Foundation

/// A series: the next session picks up what the last one left open.
extension Session {
    /// The series this session belongs to, naming a new one after its title when it has none.
    public var seriesName: String { details.series ?? details.title }

    /// Questions for next time and actions: what a follow-up session should start from.
    public var openItems: [Point] {
        points.elements.filter { point in
            point.kind == .action || (point.kind == .question && point.item.flatMap { agenda[$0] }?.phase == .nextSteps)
        }
    }

    /// The events that carry `previous`'s open questions and actions into this new session, as
    /// points under its first agenda item, themed by where they came from.
    public func carryingOver(from previous: Session, at date: Date) -> [SessionEvent] {
        let theme = "Carried over from \(previous.details.date)"
        var next = lastID
        return previous.openItems.map { point in
            next += 1
            return .pointAdded(point: Point(
                id: EntityID(next), kind: point.kind, text: point.text, theme: theme,
                item: agenda.ids.first, createdAt: date
            ))
        }
    }
}
