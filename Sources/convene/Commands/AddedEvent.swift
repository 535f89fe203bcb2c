import ArgumentParser
import ConveneCore

/// The event one `convene add` makes of its arguments, given the session as it stands.
struct AddedEvent {
    let add: Add
    let session: Session

    init(_ add: Add, session: Session) {
        self.add = add
        self.session = session
    }

    func event() throws -> SessionEvent {
        let id = session.nextID
        switch add.what {
        case .point:
            let point = Point(
                id: id, kind: add.kind, text: typedText(add.text), theme: add.theme.map(oneLine),
                subtheme: add.subtheme.map(oneLine), item: try item(), speaker: add.speaker.map(oneLine), createdAt: .nowToTheSecond,
                owner: add.owner.map(oneLine).flatMap { $0.isEmpty ? nil : $0 }, due: add.due, layout: add.layout
            )
            return .pointAdded(point: point)
        case .attendee:
            let attendee = Attendee(
                id: id, name: typedText(add.text, singleLine: true), organisation: add.org.map(oneLine), role: add.role,
                apologies: add.apologies, aliases: add.alias.isEmpty ? nil : add.alias.map(oneLine)
            )
            return .attendeeAdded(attendee: attendee)
        case .attendees:
            // Imported from a file by `Add.importAttendees`, never built here.
            throw CommandFailure("attendees are imported from a CSV file: convene add SESSION attendees FILE.csv")
        case .context:
            return try context(id: id)
        case .topic:
            let topic = DivergenceTopic(
                id: id, title: typedText(add.text, singleLine: true), description: add.description.map(long) ?? "",
                rowHeader: add.rowHeader.map(oneLine) ?? "", item: try item()
            )
            return .topicAdded(topic: topic)
        case .perspective, .dimension, .cell, .caveat, .dilemma, .dilemmasLeadIn:
            return .topicChanged(topic: try changedTopic())
        case .response:
            return .itemChanged(item: try answeredItem())
        }
    }

    private func oneLine(_ text: String) -> String { TextRules.cleaned(text, singleLine: true) }
    private func long(_ text: String) -> String { TextRules.cleaned(text) }

    /// The agenda item named by `--item`, else the one under way.
    private func item() throws -> EntityID? {
        guard let number = add.item else { return session.currentItem?.id }
        return try session.agendaItem(numbered: number).id
    }

    private func context(id: EntityID) throws -> SessionEvent {
        let name = typedText(add.text, singleLine: true)
        let rating = add.uncertainty.flatMap { u in add.control.map { Rating(uncertainty: u, control: $0) } }
        if var existing = session.contexts.elements.first(where: { $0.name.lowercased() == name.lowercased() }) {
            if let rating { existing.ratings.append(rating) }
            if let description = add.description { existing.description = long(description) }
            return .contextChanged(context: existing)
        }
        let context = ContextAssessment(
            id: id, name: name, description: add.description.map(long) ?? "", item: try item(),
            ratings: rating.map { [$0] } ?? []
        )
        return .contextAdded(context: context)
    }

    /// The topic `--topic` names, by number or title, else the newest, with the new part added.
    private func changedTopic() throws -> DivergenceTopic {
        var topic = try target()
        switch add.what {
        case .perspective:
            topic.perspectives.append(typedText(add.text, singleLine: true).trimmingCharacters(in: .whitespaces))
        case .dimension:
            topic.dimensions.append(typedText(add.text, singleLine: true))
        case .caveat:
            topic.caveats.append(typedText(add.text))
        case .dilemma:
            topic.dilemmas.append(.init(title: typedText(add.text, singleLine: true), text: add.body.map(long) ?? ""))
        case .dilemmasLeadIn:
            // One paragraph (or several) per topic: a second replaces the first, as on screen.
            topic.dilemmasLeadIn = typedText(add.text)
        default:
            let row = (add.row ?? 0) - 1
            let column = (add.column ?? 0) - 1
            guard topic.dimensions.indices.contains(row) else {
                throw CommandFailure("‘\(topic.title)’ has \(Counted.phrase(topic.dimensions.count, "dimension")); there is no row \(row + 1)")
            }
            guard topic.perspectives.indices.contains(column) else {
                throw CommandFailure("‘\(topic.title)’ has \(Counted.phrase(topic.perspectives.count, "perspective")); there is no column \(column + 1)")
            }
            while topic.cells.count <= row { topic.cells.append([]) }
            while topic.cells[row].count <= column { topic.cells[row].append("") }
            topic.cells[row][column] = typedText(add.text)
        }
        return topic
    }

    private func target() throws -> DivergenceTopic {
        let topics = session.topics.elements
        guard let name = add.topic else {
            guard let newest = topics.last else { throw CommandFailure("the session has no divergence topic yet: add one with `topic`") }
            return newest
        }
        if let number = Int(name) {
            guard topics.indices.contains(number - 1) else {
                throw CommandFailure("the session has \(Counted.phrase(topics.count, "topic")); there is no topic \(number)")
            }
            return topics[number - 1]
        }
        let matching = topics.filter { $0.title.lowercased() == name.lowercased() }
        let candidates = matching.isEmpty ? topics.filter { $0.title.lowercased().hasPrefix(name.lowercased()) } : matching
        guard candidates.count == 1, let found = candidates.first else {
            throw CommandFailure(candidates.isEmpty
                ? "no topic is called ‘\(name)’; the topics are: \(topics.map { "‘\($0.title)’" }.joined(separator: ", "))"
                : "‘\(name)’ could be any of \(candidates.map { "‘\($0.title)’" }.joined(separator: ", ")); give more of the title")
        }
        return found
    }

    /// The checklist item with the response written in.
    private func answeredItem() throws -> AgendaItem {
        // `--item` is required for a response (checked in `AddOptionRules`).
        var answered = try session.agendaItem(numbered: add.item ?? 0)
        let index = (add.prompt ?? 0) - 1
        guard answered.checklist.indices.contains(index) else {
            throw CommandFailure("‘\(answered.title)’ has \(Counted.phrase(answered.checklist.count, "checklist prompt")); there is no prompt \(index + 1)")
        }
        while answered.responses.count <= index { answered.responses.append("") }
        answered.responses[index] = typedText(add.text)
        return answered
    }

    /// What a change did, in words; a point named by its place in `session` (as search and check
    /// name it), when the session holds it.
    static func summary(of event: SessionEvent, in session: Session? = nil) -> String {
        switch event {
        case .pointAdded(let point, _): "added \(session?.place(ofPoint: point.id) ?? "point") (\(point.kind.rawValue))"
        case .attendeeAdded(let attendee, _): "added \(attendee.apologies ? "apologies from" : "attendee") \(attendee.name)"
        case .contextAdded(let context, _): "added context \(context.name) (\(Counted.phrase(context.ratings.count, "rating")))"
        case .contextChanged(let context): "updated context \(context.name) (\(Counted.phrase(context.ratings.count, "rating")))"
        case .ratingAdded(let id, _, _): "added a rating of \(session?.contexts[id]?.name ?? "a context")"
        case .ratingRemoved(let id, _): "removed a rating of \(session?.contexts[id]?.name ?? "a context")"
        case .proposalAdded(let proposal, _): "proposed a \(proposal.kind.rawValue)"
        case .proposalRemoved: "took a proposal off the queue"
        case .topicAdded(let topic, _): "added topic \(topic.title)"
        case .topicChanged(let topic):
            "updated topic \(topic.title) (\(Counted.phrase(topic.perspectives.count, "perspective")), "
                + "\(Counted.phrase(topic.dimensions.count, "dimension")), \(Counted.phrase(topic.caveats.count, "caveat")), "
                + "\(Counted.phrase(topic.dilemmas.count, "dilemma")))"
        case .itemChanged(let item): "updated \(item.title)"
        case .batch(let events):
            "imported \(Counted.phrase(events.count, "attendee")), \(events.count { if case .attendeeAdded(let person, _) = $0 { person.apologies } else { false } }) with apologies"
        default: "saved"
        }
    }
}
