import ConveneCore
import Foundation

/// Divergence items: a table per topic, perspectives across and dimensions down, with caveats and
/// dilemmas. The cursor is a cell; headings are cells too (row -1, column -1).
extension LiveScreen {
    /// The topic on screen: the selected one, else the newest of this item's.
    func currentTopic(in session: Session) -> DivergenceTopic? {
        let topics = itemTopics(in: session)
        return topics.first { $0.id == selectedTopic } ?? topics.last
    }

    func itemTopics(in session: Session) -> [DivergenceTopic] {
        let item = session.focusedItem?.id
        return session.topics.elements.filter { $0.item == item }
    }

    /// Live keys on a divergence item: a new topic, e edit under the cursor, d clear it, ↑/↓ rows.
    mutating func topics(_ action: LiveAction, session: Session) -> [LiveEffect] {
        guard let topic = currentTopic(in: session) else {
            if action == .add { mode = .prompting(Prompt(.topicTitle(topic: nil), label: "divergence topic")) }
            else { notice("Press a to lay out a divergence: a topic, then perspectives (P) and dimensions (D)") }
            return []
        }
        switch action {
        case .add:
            mode = .prompting(Prompt(.topicTitle(topic: nil), label: "new divergence topic"))
        case .edit:
            mode = .prompting(editPrompt(topic))
        case .delete where cell.row >= topic.dimensions.count:
            return deleteBelowTable(topic)
        case .delete:
            var cleared = topic
            guard cell.row >= 0, cell.column >= 0, !topic.cell(row: cell.row, column: cell.column).isEmpty else {
                return notice("d clears a cell; headings are renamed with e")
            }
            Self.setCell(&cleared, row: cell.row, column: cell.column, to: "")
            return [.apply(.topicChanged(topic: cleared), saying: "✓ Cell cleared (u to undo)")]
        case .selectPrevious, .selectNext, .selectFirst, .selectLast:
            // The header, one row per dimension, then each caveat and each dilemma.
            let rows = 1 + topic.dimensions.count + topic.caveats.count + topic.dilemmas.count
            let index = Self.moved(action, from: cell.row + 1, count: rows) ?? 0
            cell.row = index - 1
        default:
            notice("On a divergence table: P perspective, D dimension, e edit, c caveat, i dilemma")
        }
        return []
    }

    mutating func divergence(_ action: DivergenceAction, session: Session) -> [LiveEffect] {
        guard let topic = currentTopic(in: session) else {
            return notice("Press a to name the divergence topic first")
        }
        selectedTopic = topic.id
        switch action {
        case .addPerspective:
            mode = .prompting(Prompt(.newPerspective(topic: topic.id), label: "perspective \(topic.perspectives.count + 1)"))
        case .addDimension:
            mode = .prompting(Prompt(.newDimension(topic: topic.id), label: "dimension \(topic.dimensions.count + 1)"))
        case .addCaveat:
            mode = .prompting(Prompt(.caveat(topic: topic.id), label: "caveat"))
        case .addDilemma:
            mode = .prompting(Prompt(.dilemmaTitle(topic: topic.id), label: "dilemma"))
        case .left:
            cell.column = max(-1, cell.column - 1)
        case .right:
            cell.column = min(max(0, topic.perspectives.count - 1), cell.column + 1)
        case .nextTopic:
            let topics = itemTopics(in: session)
            let index = topics.firstIndex { $0.id == topic.id } ?? 0
            selectedTopic = topics[(index + 1) % topics.count].id
            cell = (-1, 0)
        }
        return []
    }

    /// Deletes the caveat or dilemma under the cursor.
    private mutating func deleteBelowTable(_ topic: DivergenceTopic) -> [LiveEffect] {
        var changed = topic
        let index = cell.row - topic.dimensions.count
        if topic.caveats.indices.contains(index) {
            changed.caveats.remove(at: index)
            return [.apply(.topicChanged(topic: changed), saying: "✓ Caveat deleted (u to undo)")]
        }
        let dilemma = index - topic.caveats.count
        guard topic.dilemmas.indices.contains(dilemma) else { return [] }
        changed.dilemmas.remove(at: dilemma)
        return [.apply(.topicChanged(topic: changed), saying: "✓ Dilemma deleted (u to undo)")]
    }

    /// The prompt for what is under the cursor: the title (header row, name column), a perspective,
    /// a dimension, a cell, a caveat or a dilemma's text.
    private func editPrompt(_ topic: DivergenceTopic) -> Prompt {
        let below = cell.row - topic.dimensions.count
        if topic.caveats.indices.contains(below) {
            return Prompt(.editCaveat(topic: topic.id, index: below), label: "caveat", text: topic.caveats[below])
        }
        if topic.dilemmas.indices.contains(below - topic.caveats.count) {
            let dilemma = topic.dilemmas[below - topic.caveats.count]
            return Prompt(.editDilemma(topic: topic.id, index: below - topic.caveats.count), label: "what makes ‘\(dilemma.title)’ hard",
                          text: dilemma.text)
        }
        switch (cell.row, cell.column) {
        case (-1, -1):
            return Prompt(.topicTitle(topic: topic.id), label: "topic", text: topic.title)
        case (-1, let column) where topic.perspectives.indices.contains(column):
            return Prompt(.tableText(topic: topic.id, row: -1, column: column), label: "perspective \(column + 1)",
                          text: topic.perspectives[column])
        case (let row, -1) where topic.dimensions.indices.contains(row):
            return Prompt(.tableText(topic: topic.id, row: row, column: -1), label: "dimension", text: topic.dimensions[row])
        case (let row, let column) where topic.dimensions.indices.contains(row) && topic.perspectives.indices.contains(column):
            let label = "\(topic.dimensions[row]) × \(topic.perspectives[column])"
            return Prompt(.tableText(topic: topic.id, row: row, column: column), label: label,
                          text: topic.cell(row: row, column: column))
        default:
            return Prompt(.topicTitle(topic: topic.id), label: "topic", text: topic.title)
        }
    }

    /// Settles a divergence prompt into the topic's new state, or nil when there is nothing to save.
    mutating func settleDivergence(_ purpose: Prompt.Purpose, text: String, session: Session) -> [LiveEffect]? {
        func change(_ id: EntityID, _ saying: String, _ edit: (inout DivergenceTopic) -> Void) -> [LiveEffect] {
            guard var topic = session.topics[id] else { return [] }
            edit(&topic)
            return [.apply(.topicChanged(topic: topic), saying: saying)]
        }
        switch purpose {
        case .topicTitle(let id):
            guard !text.isEmpty else { return notice("A topic needs a title") }
            if let id { return change(id, "✓ Renamed") { $0.title = text } }
            let topic = DivergenceTopic(id: session.nextID, title: text, item: session.focusedItem?.id)
            selectedTopic = topic.id
            cell = (-1, 0)
            mode = .prompting(Prompt(.newPerspective(topic: topic.id), label: "perspective 1"))
            return [.apply(.topicAdded(topic: topic), saying: "✓ Topic added: type its first perspective, Enter, then P for each next one")]
        case .newPerspective(let id):
            guard !text.isEmpty else { return notice("No perspective added") }
            return change(id, "✓ Perspective added") { topic in
                topic.perspectives.append(text)
                cell = (-1, topic.perspectives.count - 1)
            }
        case .newDimension(let id):
            guard !text.isEmpty else { return notice("No dimension added") }
            return change(id, "✓ Dimension added: e fills its cells") { topic in
                topic.dimensions.append(text)
                cell = (topic.dimensions.count - 1, 0)
            }
        case .tableText(let id, let row, let column):
            if (row == -1 || column == -1) && text.isEmpty { return notice("Headings cannot be empty") }
            return change(id, "✓ Saved") { topic in
                if row == -1 { topic.perspectives[column] = text }
                else if column == -1 { topic.dimensions[row] = text }
                else { Self.setCell(&topic, row: row, column: column, to: text) }
            }
        case .caveat(let id):
            guard !text.isEmpty else { return notice("No caveat added") }
            // The cursor goes to the new caveat, so the view shows it.
            return change(id, "✓ Caveat added") { topic in
                topic.caveats.append(text)
                cell.row = topic.dimensions.count + topic.caveats.count - 1
            }
        case .editCaveat(let id, let index):
            guard !text.isEmpty else { return notice("A caveat cannot be empty: d deletes it") }
            return change(id, "✓ Caveat saved") { topic in
                if topic.caveats.indices.contains(index) { topic.caveats[index] = text }
            }
        case .editDilemma(let id, let index):
            return change(id, "✓ Dilemma saved") { topic in
                if topic.dilemmas.indices.contains(index) { topic.dilemmas[index].text = text }
            }
        case .dilemmaTitle(let id):
            guard !text.isEmpty else { return notice("No dilemma added") }
            mode = .prompting(Prompt(.dilemmaText(topic: id, title: text), label: "what makes ‘\(text)’ hard"))
            return []
        case .dilemmaText(let id, let title):
            return change(id, "✓ Dilemma added") { topic in
                topic.dilemmas.append(.init(title: title, text: text))
                cell.row = topic.dimensions.count + topic.caveats.count + topic.dilemmas.count - 1
            }
        default:
            return nil
        }
    }

    /// Writes a cell, growing the grid of cells as far as needed.
    static func setCell(_ topic: inout DivergenceTopic, row: Int, column: Int, to text: String) {
        while topic.cells.count <= row { topic.cells.append([]) }
        while topic.cells[row].count <= column { topic.cells[row].append("") }
        topic.cells[row][column] = text
    }
}
