import ConveneCore
import Foundation

/// The context assessment, checklist and attendees: capture that is not a list of points.
extension LiveScreen {
    mutating func contexts(_ action: LiveAction, session: Session) -> [LiveEffect] {
        let ids = session.contexts.ids
        let selected = currentContext(in: session).flatMap { session.contexts[$0] }
        switch action {
        case .add:
            mode = .prompting(Prompt(.contextName(context: nil), label: "new context"))
        case .edit:
            guard let selected else { return notice("Select a context (↑/↓ or j/k)") }
            mode = .prompting(Prompt(.contextName(context: selected.id), label: "rename context", text: selected.name))
        case .rate:
            guard let selected else { return notice("Select a context to rate (↑/↓ or j/k)") }
            mode = .prompting(Self.ratingPrompt(for: selected))
        case .delete:
            guard let selected else { return notice("Select a context to delete (↑/↓ or j/k)") }
            selectedContext = nil
            return [.apply(.contextRemoved(id: selected.id), saying: "✓ Deleted (u to undo)")]
        case .selectPrevious, .selectNext, .selectFirst, .selectLast:
            selectedContext = Self.moved(action, from: currentContext(in: session).flatMap { ids.firstIndex(of: $0) }, count: ids.count).map { ids[$0] }
        default:
            return notice("In the context assessment: a adds a context, r rates it, e renames, d deletes")
        }
        return []
    }

    mutating func checklist(_ action: LiveAction, item: AgendaItem) -> [LiveEffect] {
        switch action {
        case .add, .edit:
            let index = min(selectedPrompt, item.checklist.count - 1)
            mode = .prompting(Prompt(.checklistResponse(item: item.id, index: index),
                                     label: "response", text: item.response(to: index)))
        case .delete:
            var cleared = item
            guard cleared.responses.indices.contains(selectedPrompt), !cleared.responses[selectedPrompt].isEmpty else { return [] }
            cleared.responses[selectedPrompt] = ""
            return [.apply(.itemChanged(item: cleared), saying: "✓ Response cleared (u to undo)")]
        case .selectPrevious, .selectNext, .selectFirst, .selectLast:
            selectedPrompt = Self.moved(action, from: selectedPrompt, count: item.checklist.count) ?? 0
        default:
            return notice("On a checklist: ↑/↓ choose a prompt, a or e writes its response, d clears it")
        }
        return []
    }

    mutating func attendees(_ key: Key, session: Session) -> [LiveEffect] {
        guard let action = KeyMap.action(for: key, in: KeyMap.attendees) else {
            if key == .character("q") { return [.quit] }
            return notice("\(key.label) does nothing here; Esc goes back")
        }
        let ids = session.attendees.ids
        let selected = selectedAttendee.flatMap { session.attendees[$0] }
        switch action {
        case .add:
            mode = .prompting(Prompt(.attendeeName(attendee: nil), label: "name"))
        case .edit:
            guard let selected else { return [] }
            mode = .prompting(Prompt(.attendeeName(attendee: selected.id), label: "name", text: selected.name))
        case .close:
            mode = .browsing
        case .selectPrevious, .selectNext:
            let move: LiveAction = action == .selectPrevious ? .selectPrevious : .selectNext
            selectedAttendee = Self.moved(move, from: selectedAttendee.flatMap { ids.firstIndex(of: $0) }, count: ids.count).map { ids[$0] }
        case .delete:
            guard let selected else { return [] }
            selectedAttendee = nil
            return [.apply(.attendeeRemoved(id: selected.id), saying: "✓ Removed (u to undo)")]
        case .cycleRole:
            guard var changed = selected else { return [] }
            let roles: [Attendee.Role] = [.participant, .chair, .speaker, .noteTaker]
            changed.role = roles[((roles.firstIndex(of: changed.role) ?? 0) + 1) % roles.count]
            return [.apply(.attendeeChanged(attendee: changed), saying: "✓ \(changed.name): \(changed.role.displayName.lowercased())")]
        case .toggleApologies:
            guard var changed = selected else { return [] }
            changed.apologies.toggle()
            return [.apply(.attendeeChanged(attendee: changed), saying: changed.apologies ? "✓ \(changed.name) sent apologies" : "✓ \(changed.name) attending")]
        }
        return []
    }
}
