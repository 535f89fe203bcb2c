import ConveneCore
import Foundation

/// Everyone invited, over the phase: name, organisation, role, and who sent apologies. Its prompts
/// (a name, then an organisation) open over it and close back to it.
struct AttendeesOverlay: LiveOverlay {
    var selected: EntityID?

    mutating func handle(_ key: Key, in context: inout KeyHandling) -> [LiveEffect] {
        if case .click(let target) = key {
            if case .entry(let index) = target, context.session.attendees.ids.indices.contains(index) {
                selected = context.session.attendees.ids[index]
            }
            return []
        }
        guard let action = KeyMap.action(for: key, in: context.keys.attendees) else {
            return context.unbound(key, back: KeyMap.label(of: .close, in: context.keys.attendees))
        }
        let session = context.session
        let ids = session.attendees.ids
        let person = selected.flatMap { session.attendees[$0] }
        switch action {
        case .add:
            context.open(Question(Asking.name(attendee: nil), label: "name"))
        case .edit:
            guard let person else { return [] }
            context.open(Question(Asking.name(attendee: person.id), label: "name", text: person.name))
        case .close:
            context.close()
        case .selectPrevious, .selectNext:
            let move: LiveAction = action == .selectPrevious ? .selectPrevious : .selectNext
            selected = moved(move, from: selected.flatMap { ids.firstIndex(of: $0) }, count: ids.count).map { ids[$0] }
        case .delete:
            guard let person else { return [] }
            let index = ids.firstIndex(of: person.id) ?? 0
            selected = index + 1 < ids.count ? ids[index + 1] : (index > 0 ? ids[index - 1] : nil)
            return [.apply(.attendeeRemoved(id: person.id), saying: "✓ Removed \(context.keys.undoNote)")]
        case .cycleRole:
            guard var changed = person else { return [] }
            let roles: [Attendee.Role] = [.participant, .chair, .speaker, .noteTaker]
            changed.role = roles[((roles.firstIndex(of: changed.role) ?? 0) + 1) % roles.count]
            return [.apply(.attendeeChanged(attendee: changed), saying: "✓ \(changed.name): \(changed.role.displayName.lowercased())")]
        case .importList:
            context.open(Question(Asking.registrationFile, label: "CSV file to import (a registration export)"))
        case .toggleApologies:
            guard var changed = person else { return [] }
            changed.apologies.toggle()
            return [.apply(.attendeeChanged(attendee: changed), saying: changed.apologies ? "✓ \(changed.name) sent apologies" : "✓ \(changed.name) attending")]
        }
        return []
    }

    /// Settles the name and organisation prompts opened from here; nil for any other prompt.
    mutating func settle(_ prompt: Question, in context: inout KeyHandling) -> [LiveEffect]? {
        let text = prompt.answer
        guard let asking = prompt.purpose as? Asking else { return nil }
        switch asking {
        case .registrationFile:
            guard !text.isEmpty else { return context.notice("Nothing imported") }
            return [.importAttendees(path: Self.expandingHome(text), nameColumn: nil)]
        case .registrationNameColumn(let path):
            guard !text.isEmpty else { return context.notice("Nothing imported") }
            return [.importAttendees(path: path, nameColumn: text)]
        case .name(let id):
            guard !text.isEmpty else { return context.notice(id == nil ? "No one added" : "A name cannot be empty") }
            let organisation = id.flatMap { context.session.attendees[$0]?.organisation } ?? ""
            context.open(Question(Asking.organisation(attendee: id, name: text), label: "\(text)'s organisation (optional)",
                                  text: organisation))
            return []
        case .organisation(let id, let name):
            let organisation = text.isEmpty ? nil : text
            if let id, var attendee = context.session.attendees[id] {
                attendee.name = name
                attendee.organisation = organisation
                return [.apply(.attendeeChanged(attendee: attendee), saying: "✓ Saved \(name)")]
            }
            let attendee = Attendee(id: context.session.nextID, name: name, organisation: organisation)
            selected = attendee.id
            return [.apply(.attendeeAdded(attendee: attendee), saying: "✓ Added \(name)")]
        }
    }

    func hints(_ keys: KeyMap) -> [(key: String, text: String)] { KeyMap.hints(keys.attendees) }

    func draw(into frame: inout Frame, in rect: Rect, world: LiveWorld, keys: KeyMap) {
        let session = world.session
        let people = session.attendees.elements
        frame.put("Attendees and apologies", in: rect, style: .heading)
        if session.isAnyPartUnderRule {
            let note = "Listed in the notes; the disclosure check looks for these names in what is captured."
            frame.put(TextLayout.truncate(note, to: rect.width), in: rect, row: 1, style: .muted)
        }
        guard !people.isEmpty else {
            frame.put("No one yet. Press \(keys.label(.add, in: \.attendees)) to add an attendee.", in: rect, row: 3, style: .muted)
            return
        }
        // The columns share the width by what they hold: short names leave long organisations room.
        let available = max(24, rect.width - 2 - 12) // two gaps and the status
        let longestName = people.map { DisplayWidth.of($0.name) }.max() ?? 0
        let longestOrganisation = people.map { DisplayWidth.of($0.organisation ?? "") }.max() ?? 0
        let nameWidth = max(12, min(longestName, available - min(longestOrganisation, available / 2)))
        let organisationWidth = max(10, available - nameWidth)
        let focus = selected.flatMap { id in people.firstIndex { $0.id == id } }.map(ListView.Focus.selected) ?? .top(0)
        ListView(noun: ("person", "people"), keys: keys.listMarks).draw(count: people.count, focus: focus, into: &frame, in: rect.inset(top: 3)) { index in
            let person = people[index]
            let status = person.apologies ? "apologies" : person.role.displayName.lowercased()
            let line = TextLayout.pad(person.name, to: nameWidth) + " " + TextLayout.pad(person.organisation ?? "", to: organisationWidth)
                + " " + status
            return [ListRow(line, style: person.apologies ? .muted : .plain)]
        }
    }

    /// `~/…` as a shell would read it.
    static func expandingHome(_ path: String) -> String {
        guard path.hasPrefix("~/"), let home = ProcessInfo.processInfo.environment["HOME"] else { return path }
        return home + path.dropFirst(1)
    }
}

extension AttendeesOverlay {
    /// What the attendees ask; answered while the attendees are under the question.
    enum Asking: QuestionPurpose, Equatable {
        /// A new attendee's (nil) or an existing one's name, then their organisation.
        case name(attendee: EntityID?)
        case organisation(attendee: EntityID?, name: String)
        /// A registration list to import: its path; then, when its headers say nothing of names,
        /// the header of the column that holds them.
        case registrationFile
        case registrationNameColumn(path: String)

        var allowsLineBreaks: Bool { false }
    }
}
