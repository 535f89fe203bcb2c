import ConveneCore
import Foundation

/// The points and questions participants proposed from their own screens, oldest first, for a
/// note-taker to accept into the record (as they are, or edited first) or dismiss. Accepting is one
/// change: the proposal leaves the queue and the point enters the record, under the item it was
/// proposed on, as the note-taker's (nobody's name is attached to it).
struct ProposalsOverlay: LiveOverlay {
    var selected: EntityID?

    mutating func handle(_ key: Key, in context: inout KeyHandling) -> [LiveEffect] {
        if case .click(let target) = key {
            if case .entry(let index) = target, context.session.proposals.ids.indices.contains(index) {
                selected = context.session.proposals.ids[index]
            }
            return []
        }
        guard let action = KeyMap.action(for: key, in: context.keys.proposals) else {
            return context.unbound(key, back: KeyMap.label(of: .close, in: context.keys.proposals))
        }
        let ids = context.session.proposals.ids
        let current = selected.flatMap { context.session.proposals[$0] } ?? ids.first.flatMap { context.session.proposals[$0] }
        switch action {
        case .close:
            context.close()
        case .selectPrevious, .selectNext:
            let move: LiveAction = action == .selectPrevious ? .selectPrevious : .selectNext
            selected = moved(move, from: current.flatMap { ids.firstIndex(of: $0.id) }, count: ids.count).map { ids[$0] }
        case .accept:
            guard let current else { return context.notice("No proposals waiting") }
            return accept(current, as: current.text, in: &context)
        case .edit:
            guard let current else { return context.notice("No proposals waiting") }
            context.open(Question(Asking.edit(proposal: current.id), label: "\(current.kind.rawValue), then Enter accepts", text: current.text))
        case .dismiss:
            guard let current else { return context.notice("No proposals waiting") }
            selectNeighbour(of: current.id, in: ids)
            return [.apply(.proposalRemoved(id: current.id), saying: "✓ Dismissed \(context.keys.undoNote)")]
        }
        return []
    }

    mutating func settle(_ question: Question, in context: inout KeyHandling) -> [LiveEffect]? {
        guard case .edit(let id)? = question.purpose as? Asking else { return nil }
        guard let proposal = context.session.proposals[id] else { return context.notice("That proposal was taken off the queue meanwhile") }
        let text = question.answer
        guard !text.isEmpty else { return context.notice("Left as it was") }
        return accept(proposal, as: text, in: &context)
    }

    private mutating func accept(_ proposal: Proposal, as text: String, in context: inout KeyHandling) -> [LiveEffect] {
        selectNeighbour(of: proposal.id, in: context.session.proposals.ids)
        let point = proposal.accepted(as: text, id: context.session.nextID, at: context.now)
        if context.session.proposals.count == 1 { context.close() }
        return [.apply(.batch(events: [.proposalRemoved(id: proposal.id), .pointAdded(point: point)]),
                       saying: "✓ Accepted into the record \(context.keys.undoNote)")]
    }

    private mutating func selectNeighbour(of id: EntityID, in ids: [EntityID]) {
        let index = ids.firstIndex(of: id) ?? 0
        selected = index + 1 < ids.count ? ids[index + 1] : (index > 0 ? ids[index - 1] : nil)
    }

    func hints(_ keys: KeyMap) -> [(key: String, text: String)] { KeyMap.hints(keys.proposals) }

    func draw(into frame: inout Frame, in rect: Rect, world: LiveWorld, keys: KeyMap) {
        let session = world.session
        let proposals = session.proposals.elements
        frame.put("Proposed by participants", in: rect, style: .heading)
        let note = session.isAnyPartUnderRule ? "Nobody's name is kept with a proposal under the Chatham House Rule."
            : "Accepted, a proposal becomes a point of the item it was proposed on."
        frame.put(TextLayout.truncate(note, to: rect.width), in: rect, row: 1, style: .muted)
        guard !proposals.isEmpty else {
            frame.put("Nothing waiting.", in: rect, row: 3, style: .muted)
            return
        }
        let focus = selected.flatMap { id in proposals.firstIndex { $0.id == id } }.map(ListView.Focus.selected) ?? .selected(0)
        ListView(noun: ("proposal", "proposals"), keys: keys.listMarks).draw(count: proposals.count, focus: focus, into: &frame,
                                                                             in: rect.inset(top: 3)) { index in
            // Whole, wrapped under its label: a proposal is read before it is accepted.
            let proposal = proposals[index]
            let label = (proposal.item.flatMap { session.itemNumber($0) }.map { "item \($0) · " } ?? "") + proposal.kind.rawValue
            let labelWidth = DisplayWidth.of(label) + 2
            let lines = WordWrap.lines(proposal.text, width: max(10, rect.width - 4 - labelWidth))
            return lines.enumerated().map { offset, line in
                offset == 0 ? ListRow(label + "  " + line) : ListRow(line, indent: labelWidth)
            }
        }
    }
}

extension ProposalsOverlay {
    enum Asking: QuestionPurpose, Equatable {
        /// The proposal's text, to change before it is accepted.
        case edit(proposal: EntityID)

        var allowsLineBreaks: Bool { true }
    }
}
