import Foundation

extension SessionEvent {
    /// Whether the event carries the whole new value of something another office may have changed
    /// in other parts meanwhile: such a change is merged part by part (`JournalMerge.merged`).
    var replacesWholeValue: Bool {
        switch self {
        case .detailsChanged, .attendeeChanged, .itemChanged, .itemsChanged, .pointChanged, .topicChanged, .contextChanged, .voteChanged:
            true
        default:
            false
        }
    }
}

extension JournalMerge {
    /// `event` merged part by part with what `session` holds, where `before` is the value the
    /// change was made from on its own side (its inverse there); and the parts of the kept value
    /// that gave way, each with what it said.
    static func merged(_ event: SessionEvent, madeFrom before: SessionEvent, into session: Session) -> (SessionEvent, [String]) {
        /// `mine` merged into the value kept (nil: gone, so `mine` as it is), wrapped as its event.
        func part<Value>(_ kept: Value?, _ mine: Value, _ merging: (Value) -> (Value, [String]),
                         _ wrap: (Value) -> SessionEvent) -> (SessionEvent, [String]) {
            guard let kept else { return (wrap(mine), []) }
            let (value, gaveWay) = merging(kept)
            return (wrap(value), gaveWay)
        }
        switch (event, before) {
        case (.detailsChanged(let mine), .detailsChanged(let base)):
            return part(session.details, mine, { $0.merging(mine, from: base) }) { .detailsChanged(details: $0) }
        case (.attendeeChanged(let mine), .attendeeChanged(let base)):
            return part(session.attendees[mine.id], mine, { $0.merging(mine, from: base) }) { .attendeeChanged(attendee: $0) }
        case (.itemChanged(let mine), .itemChanged(let base)):
            return part(session.agenda[mine.id], mine, { $0.merging(mine, from: base) }) { .itemChanged(item: $0) }
        case (.itemsChanged(let mine), .itemsChanged(let base)):
            var gaveWay: [String] = []
            let items = mine.map { item in
                guard let kept = session.agenda[item.id], let original = base.first(where: { $0.id == item.id }) else { return item }
                let merged = kept.merging(item, from: original)
                gaveWay += merged.replaced
                return merged.item
            }
            return (.itemsChanged(items: items), gaveWay)
        case (.pointChanged(let mine), .pointChanged(let base)):
            return part(session.points[mine.id], mine, { $0.merging(mine, from: base) }) { .pointChanged(point: $0) }
        case (.topicChanged(let mine), .topicChanged(let base)):
            return part(session.topics[mine.id], mine, { $0.merging(mine, from: base) }) { .topicChanged(topic: $0) }
        case (.contextChanged(let mine), .contextChanged(let base)):
            return part(session.contexts[mine.id], mine, { $0.merging(mine, from: base) }) { .contextChanged(context: $0) }
        case (.voteChanged(let mine), .voteChanged(let base)):
            return part(session.votes[mine.id], mine, { $0.merging(mine, from: base) }) { .voteChanged(vote: $0) }
        default:
            return (event, [])
        }
    }

    /// What a change changes, named so two changes of the same thing meet: "details", "point 12".
    static func target(of event: SessionEvent) -> String? {
        switch event {
        case .detailsChanged: "details"
        case .attendeeChanged(let attendee): "attendee \(attendee.id)"
        case .attendeeRemoved(let id): "attendee \(id)"
        case .itemChanged(let item): "item \(item.id)"
        case .itemRemoved(let id), .itemMoved(let id, _): "item \(id)"
        case .pointChanged(let point): "point \(point.id)"
        case .pointRemoved(let id), .pointMoved(let id, _): "point \(id)"
        case .topicChanged(let topic): "topic \(topic.id)"
        case .topicRemoved(let id): "topic \(id)"
        case .contextChanged(let context): "context \(context.id)"
        case .contextRemoved(let id), .ratingAdded(let id, _, _), .ratingRemoved(let id, _): "context \(id)"
        case .voteChanged(let vote): "vote \(vote.id)"
        case .voteRemoved(let id), .ballotCast(let id, _), .ballotWithdrawn(let id, _): "vote \(id)"
        case .proposalRemoved(let id): "proposal \(id)"
        default: nil
        }
    }

    /// The thing `target` names as a person reads it: "point 12 ‘Funding follows…’".
    static func place(_ target: String, in session: Session) -> String {
        let parts = target.split(separator: " ")
        guard parts.count == 2, let number = Int(parts[1]) else { return "the session" }
        let id = EntityID(number)
        func quoted(_ text: String?) -> String {
            guard let text, !text.isEmpty else { return "" }
            let line = VisibleText.of(text.split(separator: "\n").first.map(String.init) ?? "")
            return " ‘" + (line.count > 40 ? line.prefix(39) + "…" : line) + "’"
        }
        switch parts[0] {
        case "attendee": return "an attendee" + quoted(session.attendees[id]?.name)
        case "item": return "agenda item \(session.itemNumber(id).map(String.init) ?? "\(id)")" + quoted(session.agenda[id]?.title)
        case "point": return "point \(id)" + quoted(session.points[id]?.text)
        case "topic": return "the table" + quoted(session.topics[id]?.title)
        case "context": return "the context" + quoted(session.contexts[id]?.name)
        case "vote": return "the vote" + quoted(session.votes[id]?.question)
        case "proposal": return "a proposal"
        default: return "the session"
        }
    }
}
