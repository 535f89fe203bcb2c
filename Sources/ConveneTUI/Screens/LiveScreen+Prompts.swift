import ConveneCore
import Foundation

/// Answering one-line prompts: Enter sets, Esc leaves things as they were.
extension LiveScreen {
    mutating func answer(_ key: Key, prompt: inout Prompt, session: Session, now: Date) -> [LiveEffect] {
        switch KeyMap.action(for: key, in: KeyMap.prompt) {
        case .commit?:
            return settle(prompt, session: session, now: now)
        case .cancel?:
            mode = prompt.purpose.returnsToAttendees ? .attendees : .browsing
            return notice("Left as it was")
        default:
            prompt.field.edit(with: key)
            return []
        }
    }

    private mutating func settle(_ prompt: Prompt, session: Session, now: Date) -> [LiveEffect] {
        let text = prompt.answer
        mode = .browsing
        if let effects = settleDivergence(prompt.purpose, text: text, session: session) { return effects }
        switch prompt.purpose {
        case .theme(let point):
            theme = text.isEmpty ? nil : text
            guard let point, var changed = session.points[point] else {
                return notice(theme.map { "New points go under ◆ \($0)" } ?? "New points have no theme")
            }
            changed.theme = theme
            changed.editedAt = now
            return [.apply(.pointChanged(point: changed), saying: theme.map { "✓ Under ◆ \($0)" } ?? "✓ No theme")]

        case .contextName(let id):
            guard !text.isEmpty else { return notice("A context needs a name") }
            if let id, var context = session.contexts[id] {
                context.name = text
                return [.apply(.contextChanged(context: context), saying: "✓ Renamed")]
            }
            let context = ContextAssessment(id: session.nextID, name: text, item: session.focusedItem?.id)
            selectedContext = context.id
            // Straight on to its first rating: the usual next step.
            mode = .prompting(Self.ratingPrompt(for: context))
            return [.apply(.contextAdded(context: context), saying: "✓ Added ‘\(text)’: now its ratings")]

        case .rating(let id):
            guard var context = session.contexts[id] else { return [] }
            guard let rating = Self.rating(from: text) else {
                mode = .prompting(prompt)
                report("Two ratings from 1 to 5: uncertainty, then control (e.g. 4 2)", isError: true)
                return []
            }
            context.ratings.append(rating)
            return [.apply(.contextChanged(context: context), saying: "✓ Rating \(context.ratings.count) of ‘\(context.name)’ saved")]

        case .checklistResponse(let id, let index):
            guard var item = session.agenda[id], item.checklist.indices.contains(index) else { return [] }
            while item.responses.count < item.checklist.count { item.responses.append("") }
            item.responses[index] = text
            return [.apply(.itemChanged(item: item), saying: text.isEmpty ? "✓ Response cleared" : "✓ Response saved")]

        case .attendeeName(let id):
            mode = .attendees
            guard !text.isEmpty else { return notice(id == nil ? "No one added" : "A name cannot be empty") }
            let organisation = id.flatMap { session.attendees[$0]?.organisation } ?? ""
            mode = .prompting(Prompt(.attendeeOrganisation(attendee: id, name: text), label: "\(text)'s organisation (optional)",
                                     text: organisation))
            return []

        case .attendeeOrganisation(let id, let name):
            mode = .attendees
            let organisation = text.isEmpty ? nil : text
            if let id, var attendee = session.attendees[id] {
                attendee.name = name
                attendee.organisation = organisation
                return [.apply(.attendeeChanged(attendee: attendee), saying: "✓ Saved \(name)")]
            }
            let attendee = Attendee(id: session.nextID, name: name, organisation: organisation)
            selectedAttendee = attendee.id
            return [.apply(.attendeeAdded(attendee: attendee), saying: "✓ Added \(name)")]

        case .speaker(let id):
            guard var item = session.agenda[id] else { return [] }
            item.speaker = text.isEmpty ? nil : text
            return [.apply(.itemChanged(item: item), saying: text.isEmpty ? "✓ No speaker" : "✓ Points here are attributed to \(text)")]

        case .topicTitle, .tableText, .newPerspective, .newDimension, .caveat, .editCaveat, .editDilemma, .dilemmaTitle, .dilemmaText:
            return [] // settled above
        }
    }

    static func ratingPrompt(for context: ContextAssessment) -> Prompt {
        // The format first: a long name is what gets cut when the label does not fit.
        Prompt(.rating(context: context.id), label: "uncertainty, control 1–5 (e.g. 4 2) for ‘\(context.name)’")
    }

    /// "4 2", "4,2" or "42": uncertainty about cause and effect, then control over outcomes.
    static func rating(from text: String) -> Rating? {
        let digits = text.compactMap(\.wholeNumberValue)
        guard digits.count == 2, text.allSatisfy({ $0.isNumber || $0 == " " || $0 == "," || $0 == "/" }),
              Rating.scale.contains(digits[0]), Rating.scale.contains(digits[1]) else { return nil }
        return Rating(uncertainty: digits[0], control: digits[1])
    }
}

extension Prompt.Purpose {
    var returnsToAttendees: Bool {
        switch self {
        case .attendeeName, .attendeeOrganisation: true
        default: false
        }
    }
}
