import ConveneCore
import Foundation

/// Capturing points: the body of every phase without a table, grid or checklist of its own.
struct PointsPanel: PhasePanel {
    /// The selected point.
    var selection: EntityID?
    /// The theme new points are grouped under, set from the selected point's theme when adding.
    var theme: String?
    /// The sub-theme new points go under, within `theme`.
    var subtheme: String?
    /// The kind of the point last saved here: the next one starts as that kind.
    var lastKind: PointKind?
    /// The item's phase, for the kind a first point starts as.
    let phase: PhaseKind?
    /// The agenda item whose points these are.
    let item: EntityID?

    static func shows(_ item: AgendaItem) -> Bool { true }

    init(item: AgendaItem?) {
        phase = item?.phase
        self.item = item?.id
    }

    /// The column, within the panel, where a point's text starts after its kind tag.
    private static let tagWidth = 9

    /// A click on a point selects it, as ↑/↓ would.
    mutating func handle(_ key: Key, in context: inout KeyHandling) -> [LiveEffect]? {
        guard case .click(.point(let id)) = key, context.session.points.contains(id) else { return nil }
        selection = id
        return []
    }

    mutating func act(_ action: LiveAction, in context: inout KeyHandling) -> [LiveEffect] {
        let session = context.session
        let visible = session.pointIDs(in: item)
        let selected = selection.flatMap { id in visible.contains(id) ? session.points[id] : nil }
        switch action {
        case .add:
            // Adding after a selected point joins its theme; otherwise the theme last named stays.
            if let selected { (theme, subtheme) = (selected.theme, selected.subtheme) }
            // The kind of the last point saved here, else the phase's own: twelve agreements in a row need no Tab.
            context.open(resumableDraft(context) ?? Composer(kind: lastKind ?? Self.defaultKind(for: phase)))
            context.draft = nil
        case .edit:
            guard let selected else { return context.notice("Select a point to edit (↑/↓ or j/k)") }
            context.open(Composer(text: selected.text, kind: selected.kind, editing: selected.id))
        case .delete:
            guard let selected else { return context.notice("Select a point to delete (↑/↓ or j/k)") }
            let index = visible.firstIndex(of: selected.id) ?? 0
            selection = index + 1 < visible.count ? visible[index + 1] : (index > 0 ? visible[index - 1] : nil)
            return [.apply(.pointRemoved(id: selected.id), saying: "✓ Deleted \(context.keys.undoNote)")]
        case .selectPrevious, .selectNext, .selectFirst, .selectLast:
            selection = moved(action, from: selection.flatMap { visible.firstIndex(of: $0) }, count: visible.count).map { visible[$0] }
        case .moveUp, .moveDown:
            guard let selected, let index = visible.firstIndex(of: selected.id) else {
                return context.notice("Select a point to move (↑/↓ or j/k)")
            }
            let neighbour = action == .moveUp ? index - 1 : index + 1
            guard visible.indices.contains(neighbour), let target = session.points.index(of: visible[neighbour]) else { return [] }
            return [.apply(.pointMoved(id: selected.id, to: target), saying: "✓ Moved")]
        case .theme:
            // Opens on the current theme, selected: typing replaces it, a movement keeps it to edit.
            let current = selected.map { ThemePath(theme: $0.theme, subtheme: $0.subtheme) } ?? ThemePath(theme: theme, subtheme: subtheme)
            context.open(Question(Asking.theme(point: selected?.id), label: (selected == nil ? "theme of new points" : "theme of the point") + " (> sub-theme)",
                                        text: current.typed, selectingAll: true))
        case .layout:
            guard var point = selected else { return context.notice("Select a point to set it as a bullet or a paragraph (↑/↓ or j/k)") }
            // Next steps write paragraphs, every other section bullets: the toggle is from how it stands now.
            let paragraphNow = point.layout.map { $0 == .paragraph } ?? (phase == .nextSteps)
            point.layout = paragraphNow ? .bullet : .paragraph
            point.editedAt = context.now
            return [.apply(.pointChanged(point: point),
                           saying: paragraphNow ? "✓ A bullet in the notes" : "✓ A paragraph of its own in the notes")]
        case .closeItem, .dropItem:
            guard let selected, selected.kind == .action || selected.kind == .question else {
                return context.notice("Select an action or a question to mark (↑/↓ or j/k)")
            }
            return mark(selected, action, in: &context)
        case .rate:
            return context.notice("\(context.keys[.rate]) rates contexts, in a context-assessment item")
        default:
            break
        }
        return []
    }

    /// Closes an action or a question (done, answered, dropped) or, closed already, opens it again.
    /// Answering a question asks for the answer first.
    private func mark(_ point: Point, _ action: LiveAction, in context: inout KeyHandling) -> [LiveEffect] {
        let wanted: PointStatus = action == .dropItem ? .dropped : .done
        var changed = point
        changed.editedAt = context.now
        if (point.status ?? .open) == wanted {
            changed.status = nil
            return [.apply(.pointChanged(point: changed), saying: "✓ Open again \(context.keys.undoNote)")]
        }
        if point.kind == .question && wanted == .done {
            context.open(Question(Asking.answer(point: point.id), label: "answer (Enter with none: answered without one)",
                                  text: point.answer ?? ""))
            return []
        }
        changed.status = wanted
        return [.apply(.pointChanged(point: changed), saying: "✓ \(wanted.name(for: point.kind).capitalized) \(context.keys.undoNote)")]
    }

    /// The draft put aside, unless it edits a point that has since been deleted.
    private func resumableDraft(_ context: KeyHandling) -> Composer? {
        guard let draft = context.draft else { return nil }
        if let edited = draft.editing, !context.session.points.contains(edited) { return nil }
        return draft
    }

    mutating func commit(_ composer: Composer, in context: inout KeyHandling) -> [LiveEffect]? {
        let session = context.session
        let text = composer.text.trimmingCharacters(in: .whitespacesAndNewlines)
        if let id = composer.editing, var point = session.points[id] {
            point.text = text
            point.kind = composer.kind
            point.editedAt = context.now
            selection = id
            return [.apply(.pointChanged(point: point), saying: "✓ Saved the edit")]
        }
        // Attributed only where the rule is off (the reducer would refuse it otherwise), and never a
        // question: it comes from the room, not from the one presenting.
        let speaker = session.isUnderRule(item) || composer.kind == .question ? nil : item.flatMap { session.agenda[$0] }?.speaker
        var point = Point(id: session.nextID, kind: composer.kind, text: text, theme: theme, item: item,
                          speaker: speaker, createdAt: context.now)
        point.subtheme = theme == nil ? nil : subtheme
        // Not selected: selecting is always the note-taker's own move, so T and e never act on a
        // point they did not choose. The list shows the newest point anyway.
        selection = nil
        lastKind = composer.kind
        return [.apply(.pointAdded(point: point), saying: "✓ Saved \(composer.kind.displayName.lowercased()) point")]
    }

    mutating func settle(_ prompt: Question, in context: inout KeyHandling) -> [LiveEffect]? {
        if case .answer(let id)? = prompt.purpose as? Asking, var point = context.session.points[id] {
            let answer = prompt.answer.trimmingCharacters(in: .whitespacesAndNewlines)
            point.answer = answer.isEmpty ? nil : answer
            point.status = .done
            point.editedAt = context.now
            return [.apply(.pointChanged(point: point), saying: "✓ Answered \(context.keys.undoNote)")]
        }
        guard case .theme(let point)? = prompt.purpose as? Asking else { return nil }
        let current = point.flatMap { context.session.points[$0] }.map { ThemePath(theme: $0.theme, subtheme: $0.subtheme) }
            ?? ThemePath(theme: theme, subtheme: subtheme)
        let path = ThemePath(typed: prompt.answer, under: current)
        (theme, subtheme) = (path.theme, path.subtheme)
        guard let point, var changed = context.session.points[point] else {
            return context.notice(path.theme == nil ? "New points have no theme" : "New points go under \(path.shown)")
        }
        (changed.theme, changed.subtheme) = (path.theme, path.subtheme)
        changed.editedAt = context.now
        return [.apply(.pointChanged(point: changed), saying: path.theme == nil ? "✓ No theme" : "✓ Under \(path.shown)")]
    }

    /// What the list says under a point: how it stands in the notes when set ("¶ paragraph"), and
    /// for an action or a question "✓ done · Ana · due 2026-05-01 · from Spring roundtable,
    /// 2026-04-02"; nil when there is nothing to say.
    static func facts(of point: Point) -> String? {
        var facts: [String] = []
        if let layout = point.layout { facts.append(layout == .paragraph ? "¶ paragraph" : "• bullet") }
        guard point.kind == .action || point.kind == .question else { return facts.isEmpty ? nil : facts.joined(separator: " · ") }
        switch point.status ?? .open {
        case .open: break
        case .done: facts.append("✓ " + PointStatus.done.name(for: point.kind))
        case .dropped: facts.append("✗ dropped")
        }
        if point.kind == .action, let owner = point.owner { facts.append(owner) }
        if point.kind == .action, let due = point.due { facts.append("due " + due) }
        if let origin = point.origin { facts.append("from \(origin.session.title), \(origin.session.date)") }
        return facts.isEmpty ? nil : facts.joined(separator: " · ")
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

    func draw(into frame: inout Frame, in rect: Rect, session: Session, keys: KeyMap) {
        let ids = session.pointIDs(in: item)
        guard !ids.isEmpty else {
            let hint = session.isUnderRule(item)
                ? "No points yet. Press \(keys[.add]) to add one; nothing is attributed under the Chatham House Rule."
                : "No points yet. Press \(keys[.add]) to add one."
            for (offset, line) in WordWrap.lines(hint, width: rect.width).enumerated() {
                frame.put(line, in: rect, row: 1 + offset, style: .muted)
            }
            return
        }
        let focus: ListView.Focus = selection.flatMap { ids.lastIndex(of: $0) }.map { .selected($0) } ?? .newest
        ListView(noun: ("point", "points"), keys: keys.listMarks, target: { .point(ids[$0]) }).draw(count: ids.count, focus: focus, into: &frame, in: rect) { index in
            guard let point = session.points[ids[index]] else { return [] }
            var rows: [ListRow] = []
            let previous = index > 0 ? session.points[ids[index - 1]] : nil
            if let theme = point.theme, theme != previous?.theme { rows.append(ListRow("◆ " + theme, style: .heading, highlights: false)) }
            if let subtheme = point.subtheme, point.theme != previous?.theme || subtheme != previous?.subtheme {
                rows.append(ListRow("◇ " + subtheme, style: .heading, indent: 2, highlights: false))
            }
            let width = max(1, rect.width - Self.tagWidth)
            for (line, text) in WordWrap.lines(point.text, width: width).enumerated() {
                rows.append(ListRow(text, indent: Self.tagWidth, lead: line == 0 ? Span(point.kind.shortName, point.kind.style) : nil))
            }
            if let facts = Self.facts(of: point) {
                rows += WordWrap.lines(facts, width: width).map { ListRow($0, style: .muted, indent: Self.tagWidth) }
            }
            if let answer = point.answer, point.kind == .question {
                rows += WordWrap.lines("↳ " + answer, width: width).map { ListRow($0, style: .muted, indent: Self.tagWidth) }
            }
            return rows
        }
    }
}
