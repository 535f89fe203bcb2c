import ConveneCore
import Foundation

/// The context assessment: contexts with their mean ratings, spread and quadrant on the left,
/// Ebrahim's 2×2 on the right.
struct ContextsPanel: PhasePanel {
    var selected: EntityID?

    static func shows(_ item: AgendaItem) -> Bool { item.phase == .contextAssessment }

    /// The agenda item the contexts are rated under.
    let item: EntityID?

    init(item: AgendaItem?) {
        self.item = item?.id
    }

    /// The contexts rated under this item (and any from before contexts belonged to an item).
    func contexts(in session: Session) -> [ContextAssessment] {
        session.contexts.elements.filter { $0.item == item || $0.item == nil }
    }

    /// The context that `r`, `e` and `d` act on: the one selected, else the first, so that coming to
    /// a context assessment and pressing `r` rates something.
    func current(in session: Session) -> EntityID? {
        let ids = contexts(in: session).map(\.id)
        return selected.flatMap { ids.contains($0) ? $0 : nil } ?? ids.first
    }

    /// A click on a context in the list selects it, as ↑/↓ would.
    mutating func handle(_ key: Key, in context: inout KeyHandling) -> [LiveEffect]? {
        let contexts = contexts(in: context.session)
        guard case .click(.entry(let index)) = key, contexts.indices.contains(index) else { return nil }
        selected = contexts[index].id
        return []
    }

    mutating func act(_ action: LiveAction, in context: inout KeyHandling) -> [LiveEffect] {
        let session = context.session
        let ids = contexts(in: session).map(\.id)
        let chosen = current(in: session).flatMap { session.contexts[$0] }
        switch action {
        case .add:
            context.open(Question(Asking.name(context: nil), label: "new context"))
        case .edit:
            guard let chosen else { return context.notice("Select a context (↑/↓ or j/k)") }
            // The name, then what the context is: the description column of the notes.
            context.open(Question(Asking.name(context: chosen.id), label: "context name", text: chosen.name))
        case .rate:
            guard let chosen else { return context.notice("Press \(context.keys[.add]) to name a context first, then \(context.keys[.rate]) rates it") }
            context.open(Self.ratingQuestion(for: chosen))
        case .correctRatings:
            guard let chosen, !chosen.ratings.isEmpty else { return context.notice("No ratings to correct yet: \(context.keys[.rate]) rates the context") }
            // Every rating in one field, in the order given: fix one, or take one out.
            context.open(Question(Asking.ratings(context: chosen.id), label: "each rating of ‘\(chosen.name)’, uncertainty control; …",
                                  text: Rating.typed(chosen.ratings)))
        case .delete:
            guard let chosen else { return context.notice("Select a context to delete (↑/↓ or j/k)") }
            selected = nil
            return [.apply(.contextRemoved(id: chosen.id), saying: "✓ Deleted \(context.keys.undoNote)")]
        case .selectPrevious, .selectNext, .selectFirst, .selectLast:
            selected = moved(action, from: current(in: session).flatMap { ids.firstIndex(of: $0) }, count: ids.count).map { ids[$0] }
        default:
            return context.notice("In the context assessment: \(context.keys[.add]) adds a context, \(context.keys[.rate]) rates it, "
                + "\(context.keys[.edit]) edits its name and description, \(context.keys[.delete]) deletes")
        }
        return []
    }

    mutating func settle(_ prompt: Question, in context: inout KeyHandling) -> [LiveEffect]? {
        let text = prompt.answer
        guard let asking = prompt.purpose as? Asking else { return nil }
        switch asking {
        case .name(let id):
            guard !text.isEmpty else { return context.notice("A context needs a name") }
            if let id, let existing = context.session.contexts[id] {
                context.open(Question(Asking.description(context: id, name: text), label: "what ‘\(text)’ is (optional)",
                                            text: existing.description))
                return []
            }
            let added = ContextAssessment(id: context.session.nextID, name: text, item: item)
            selected = added.id
            // Straight on to its first rating: the usual next step.
            context.open(Self.ratingQuestion(for: added))
            return [.apply(.contextAdded(context: added), saying: "✓ Added ‘\(text)’: now its ratings")]
        case .description(let id, let name):
            guard var changed = context.session.contexts[id] else { return [] }
            (changed.name, changed.description) = (name, text)
            guard changed != context.session.contexts[id] else { return context.notice("Left as it was") }
            return [.apply(.contextChanged(context: changed), saying: "✓ Saved ‘\(name)’")]
        case .ratings(let id):
            guard var rated = context.session.contexts[id] else { return [] }
            switch Rating.list(typed: text) {
            case .failure(let error):
                context.open(prompt)
                return context.problem("\(error)")
            case .success(let ratings):
                guard ratings != rated.ratings else { return context.notice("Left as it was") }
                rated.ratings = ratings
                return [.apply(.contextChanged(context: rated), saying: "✓ ‘\(rated.name)’ has \(Counted.phrase(ratings.count, "rating")) \(context.keys.undoNote)")]
            }
        case .rating(let id):
            guard let rated = context.session.contexts[id] else { return [] }
            guard let rating = Rating(typed: text) else {
                context.open(prompt)
                return context.problem("Two ratings from 1 to 5: uncertainty, then control (e.g. 4 2)")
            }
            // The rating alone, not the whole context: two people rating at once both count.
            return [.apply(.ratingAdded(context: id, rating: rating), saying: "✓ Rating \(rated.ratings.count + 1) of ‘\(rated.name)’ saved")]
        }
    }

    static func ratingQuestion(for context: ContextAssessment) -> Question {
        // The format first: a long name is what gets cut when the label does not fit.
        Question(Asking.rating(context: context.id), label: "uncertainty, control 1–5 (e.g. 4 2) for ‘\(context.name)’")
    }

    func draw(into frame: inout Frame, in rect: Rect, session: Session, keys: KeyMap) {
        let contexts = contexts(in: session)
        guard !contexts.isEmpty else {
            let help = "No contexts yet. Press \(keys[.add]) to name one, then rate it: uncertainty about cause and effect, "
                + "then control over outcomes, each from 1 to 5. r adds another person's ratings."
            for (offset, line) in WordWrap.lines(help, width: rect.width).enumerated() {
                frame.put(line, in: rect, row: 1 + offset, style: .muted)
            }
            return
        }
        let gridWidth = min(41, max(21, rect.width / 2))
        let parts = rect.columns([.flexible(), .fixed(1), .fixed(gridWidth)])
        let list = parts[0]
        let current = current(in: session)
        let focus = contexts.firstIndex { $0.id == current } ?? 0
        ListView(noun: ("context", "contexts"), keys: keys.listMarks).draw(count: contexts.count, focus: .selected(focus), into: &frame, in: list) { index in
            let context = contexts[index]
            let detail: String
            if let uncertainty = context.meanUncertainty, let control = context.meanControl, let spread = context.spread {
                let agreed = spread.uncertainty.count == 1 && spread.control.count == 1
                detail = String(format: "U %.1f  C %.1f  ", uncertainty, control)
                    + (agreed ? "" : "spread \(Self.range(spread.uncertainty))/\(Self.range(spread.control))  ")
                    + "n=\(context.ratings.count)"
            } else {
                detail = "not rated yet: \(keys[.rate]) to rate"
            }
            var rows = [ListRow("\(index + 1) " + context.name, style: .heading)]
            if !context.description.isEmpty {
                let description = context.description.onOneLine
                rows.append(ListRow(TextLayout.truncate(description, to: max(1, list.width - 2)), style: .muted, indent: 2, highlights: false))
            }
            rows.append(ListRow(detail, indent: 2, highlights: false))
            // Each person's rating, anonymous, in the order given: what the mean and spread come from.
            if context.ratings.count > 1 {
                let each = "each " + context.ratings.map(\.shown).joined(separator: " · ")
                rows += WordWrap.lines(each, width: max(1, list.width - 2)).map { ListRow($0, style: .muted, indent: 2, highlights: false) }
            }
            return rows + [ListRow(Self.placement(context, guide: session.quadrantGuide), style: .muted, indent: 2, highlights: false)]
        }
        QuadrantGrid(contexts: contexts, guide: session.quadrantGuide, selected: current)
            .draw(into: &frame, in: Rect(x: parts[2].x, y: rect.y, width: gridWidth, height: min(17, rect.height)))
    }

    /// "2–4", or "3" when everyone gave the same.
    private static func range(_ values: ClosedRange<Int>) -> String {
        values.count == 1 ? "\(values.lowerBound)" : "\(values.lowerBound)–\(values.upperBound)"
    }

    static func placement(_ context: ContextAssessment, guide: [EbrahimQuadrant: QuadrantGuide]) -> String {
        let labels = context.quadrants.map { guide[$0]?.label ?? $0.axesName }
        return switch labels.count {
        case 0: ""
        case 1: "→ " + labels[0]
        case 4: "→ at the centre of the grid"
        default: "→ between " + labels.joined(separator: " and ")
        }
    }
}
