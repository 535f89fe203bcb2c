import ConveneCore
import Foundation

/// Capturing points: the body of every phase without a table, grid or checklist of its own.
extension LiveScreen {
    mutating func points(_ action: LiveAction, session: Session) -> [LiveEffect] {
        let visible = session.pointIDs(in: session.focusedItem?.id)
        let selected = selection.flatMap { id in visible.contains(id) ? session.points[id] : nil }
        switch action {
        case .add:
            // Adding after a selected point joins its theme; otherwise the theme last named stays.
            if let selected { theme = selected.theme }
            // The kind of the last point saved here, else the phase's own: twelve agreements in a row need no Tab.
            mode = .composing(resumableDraft(in: session) ?? Composer(kind: lastKind ?? Self.defaultKind(for: session.focusedItem?.phase)))
            draft = nil
        case .edit:
            guard let selected else { return notice("Select a point to edit (↑/↓ or j/k)") }
            mode = .composing(Composer(text: selected.text, kind: selected.kind, editing: selected.id))
        case .delete:
            guard let selected else { return notice("Select a point to delete (↑/↓ or j/k)") }
            let index = visible.firstIndex(of: selected.id) ?? 0
            selection = index + 1 < visible.count ? visible[index + 1] : (index > 0 ? visible[index - 1] : nil)
            return [.apply(.pointRemoved(id: selected.id), saying: "✓ Deleted (u to undo)")]
        case .selectPrevious, .selectNext, .selectFirst, .selectLast:
            let index = Self.moved(action, from: selection.flatMap { visible.firstIndex(of: $0) }, count: visible.count)
            selection = index.map { visible[$0] }
        case .moveUp, .moveDown:
            guard let selected, let index = visible.firstIndex(of: selected.id) else {
                return notice("Select a point to move (↑/↓ or j/k)")
            }
            let neighbour = action == .moveUp ? index - 1 : index + 1
            guard visible.indices.contains(neighbour), let target = session.points.index(of: visible[neighbour]) else { return [] }
            return [.apply(.pointMoved(id: selected.id, to: target), saying: "✓ Moved")]
        case .theme:
            // Opens on the current theme, selected: typing replaces it, a movement keeps it to edit.
            mode = .prompting(Prompt(.theme(point: selected?.id),
                                     label: selected == nil ? "theme of new points" : "theme of the point",
                                     text: selected?.theme ?? theme ?? "", selectingAll: true))
        case .rate:
            return notice("r rates contexts, in a context-assessment item")
        default:
            break
        }
        return []
    }

    /// The draft put aside, unless it edits a point that has since been deleted.
    func resumableDraft(in session: Session) -> Composer? {
        guard let draft else { return nil }
        if let edited = draft.editing, !session.points.contains(edited) { return nil }
        return draft
    }

    mutating func compose(_ key: Key, composer: inout Composer, session: Session, now: Date) -> [LiveEffect] {
        guard let action = KeyMap.action(for: key, in: KeyMap.compose) else {
            composer.edit(with: key)
            return []
        }
        switch action {
        case .commit:
            guard !composer.isBlank else { return notice("Nothing to save: type the point, or Esc to cancel") }
            mode = .browsing
            let event = commitEvent(composer, session: session, now: now)
            let saying = composer.editing == nil ? "✓ Saved \(composer.kind.displayName.lowercased()) point" : "✓ Saved the edit"
            return [.apply(event, saying: saying)]
        case .cancel:
            mode = .browsing
            guard composer.editing == nil, !composer.isBlank else { return notice("Cancelled") }
            draft = composer
            return notice("Put aside: a brings the text back")
        case .cycleKind:
            composer.cycleKind()
        case .cycleKindBack:
            composer.cycleKind(forward: false)
        case .newline:
            composer.insert("\n")
        case .editor:
            return [.editExternally(composer.text)]
        case .setKind(let kind):
            composer.kind = kind
        }
        return []
    }

    private mutating func commitEvent(_ composer: Composer, session: Session, now: Date) -> SessionEvent {
        let text = composer.text.trimmingCharacters(in: .whitespacesAndNewlines)
        if let id = composer.editing, var point = session.points[id] {
            point.text = text
            point.kind = composer.kind
            point.editedAt = now
            selection = id
            return .pointChanged(point: point)
        }
        // Attributed only where the rule is off: the reducer would refuse it otherwise.
        let speaker = session.details.chathamHouse ? nil : session.focusedItem?.speaker
        let point = Point(
            id: session.nextID, kind: composer.kind, text: text, theme: theme,
            item: session.focusedItem?.id, speaker: speaker, createdAt: now
        )
        // Not selected: selecting is always the note-taker's own move, so T and e never act on a
        // point they did not choose. The list shows the newest point anyway.
        selection = nil
        lastKind = composer.kind
        return .pointAdded(point: point)
    }

    /// The kind a new point starts as, from what the phase is for.
    static func defaultKind(for phase: PhaseKind?) -> PointKind {
        switch phase {
        case .agreement?: .agreement
        case .divergence?: .divergence
        case .nextSteps?: .action
        default: .note
        }
    }
}
