import ConveneCore

/// A checklist item: each prompt of the item with its response beneath.
struct ChecklistPanel: PhasePanel {
    var selected = 0

    static func shows(_ item: AgendaItem) -> Bool { !item.checklist.isEmpty }

    /// The agenda item whose prompts these are.
    let item: EntityID?

    init(item: AgendaItem?) {
        self.item = item?.id
    }

    /// A click on a prompt selects it, as ↑/↓ would.
    mutating func handle(_ key: Key, in context: inout KeyHandling) -> [LiveEffect]? {
        guard case .click(.entry(let index)) = key, let item = item.flatMap({ context.session.agenda[$0] }),
              item.checklist.indices.contains(index) else { return nil }
        selected = index
        return []
    }

    mutating func act(_ action: LiveAction, in context: inout KeyHandling) -> [LiveEffect] {
        guard let item = item.flatMap({ context.session.agenda[$0] }), !item.checklist.isEmpty else { return [] }
        let index = min(selected, item.checklist.count - 1)
        switch action {
        case .add, .edit:
            // The label names the prompt answered, so a response cannot land on the wrong one unseen.
            let label = "response to \(index + 1). ‘\(TextLayout.truncate(item.checklist[index], to: 40))’"
            context.open(Question(Asking.response(item: item.id, index: index), label: label, text: item.response(to: index)))
        case .delete:
            var cleared = item
            guard cleared.responses.indices.contains(index), !cleared.responses[index].isEmpty else { return [] }
            cleared.responses[index] = ""
            return [.apply(.itemChanged(item: cleared), saying: "✓ Response cleared \(context.keys.undoNote)")]
        case .selectPrevious, .selectNext, .selectFirst, .selectLast:
            selected = moved(action, from: selected, count: item.checklist.count) ?? 0
        default:
            return context.notice("On a checklist: ↑/↓ choose a prompt, a or e writes its response, d clears it")
        }
        return []
    }

    mutating func settle(_ prompt: Question, in context: inout KeyHandling) -> [LiveEffect]? {
        guard case .response(let id, let index)? = prompt.purpose as? Asking else { return nil }
        guard var item = context.session.agenda[id], item.checklist.indices.contains(index) else { return [] }
        let text = prompt.answer
        while item.responses.count < item.checklist.count { item.responses.append("") }
        item.responses[index] = text
        return [.apply(.itemChanged(item: item), saying: text.isEmpty ? "✓ Response cleared" : "✓ Response saved")]
    }

    func draw(into frame: inout Frame, in rect: Rect, session: Session, keys: KeyMap) {
        guard let item = item.flatMap({ session.agenda[$0] }) else { return }
        ListView(noun: ("prompt", "prompts"), keys: keys.listMarks).draw(count: item.checklist.count, focus: .selected(selected), into: &frame, in: rect) { index in
            let response = item.response(to: index)
            let mark = response.isEmpty ? "○" : "●"
            let style: Style = response.isEmpty ? .plain : .heading
            return WordWrap.lines(item.checklist[index], width: rect.width - 2).enumerated().map { line, text in
                ListRow(text, style: style, indent: 2, lead: line == 0 ? Span(mark, style) : nil)
            }
                + (response.isEmpty ? [] : WordWrap.lines(response, width: rect.width - 3).map { ListRow($0, indent: 3, highlights: false) })
        }
    }
}
