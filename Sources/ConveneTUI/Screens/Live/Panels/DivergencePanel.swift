import ConveneCore
import Foundation

/// A divergence item: a table per topic, perspectives across and dimensions down, with caveats and
/// dilemmas. The cursor is a cell; headings are cells too (row -1, column -1; the top-left one
/// is the row header), rows after the last dimension are the caveats, then the dilemmas, and the
/// two rows above the table are the title and the lead-in (see `DivergenceTable`).
struct DivergencePanel: PhasePanel {
    var selectedTopic: EntityID?
    var cell = (row: -1, column: 0)

    static func shows(_ item: AgendaItem) -> Bool { item.phase == .divergence }

    /// The agenda item whose topics these are.
    let item: EntityID?

    init(item: AgendaItem?) {
        self.item = item?.id
    }

    func hints(_ keys: KeyMap) -> [(key: String, text: String)] { Array(KeyMap.hints(keys.live).prefix(4)) + KeyMap.hints(keys.divergence) }

    /// The topic on screen: the selected one, else the newest of this item's.
    func currentTopic(in session: Session) -> DivergenceTopic? {
        let topics = topics(in: session)
        return topics.first { $0.id == selectedTopic } ?? topics.last
    }

    func topics(in session: Session) -> [DivergenceTopic] {
        session.topics.elements.filter { $0.item == item }
    }

    mutating func handle(_ key: Key, in context: inout KeyHandling) -> [LiveEffect]? {
        if case .click(.cell(let row, let column)) = key, let topic = currentTopic(in: context.session) {
            selectedTopic = topic.id
            cell = (row, column)
            return []
        }
        guard let action = KeyMap.action(for: key, in: context.keys.divergence) else { return nil }
        guard let topic = currentTopic(in: context.session) else {
            return context.notice("Press \(context.keys[.add]) to name the divergence topic first")
        }
        selectedTopic = topic.id
        switch action {
        case .addPerspective:
            context.open(Question(Asking.newPerspective(topic: topic.id), label: "perspective \(topic.perspectives.count + 1)"))
        case .addDimension:
            context.open(Question(Asking.newDimension(topic: topic.id), label: "dimension \(topic.dimensions.count + 1)"))
        case .addCaveat:
            context.open(Question(Asking.caveat(topic: topic.id), label: "caveat"))
        case .addDilemma:
            context.open(Question(Asking.dilemmaTitle(topic: topic.id), label: "dilemma"))
        case .dilemmasLeadIn:
            context.open(Question(Asking.dilemmasLeadIn(topic: topic.id), label: "the paragraph leading into the dilemmas (empty: none)",
                                  text: topic.dilemmasLeadIn))
        case .left:
            cell.column = max(-1, cell.column - 1)
        case .right:
            cell.column = min(max(0, topic.perspectives.count - 1), cell.column + 1)
        case .nextTopic:
            let topics = topics(in: context.session)
            let index = topics.firstIndex { $0.id == topic.id } ?? 0
            selectedTopic = topics[(index + 1) % topics.count].id
            cell = (-1, 0)
        }
        return []
    }

    /// Live keys on a divergence item: a new topic, e edit under the cursor, d clear it, ↑/↓ rows.
    mutating func act(_ action: LiveAction, in context: inout KeyHandling) -> [LiveEffect] {
        guard let topic = currentTopic(in: context.session) else {
            if action == .add { context.open(Question(Asking.topicTitle(topic: nil), label: "divergence topic")) }
            else {
                let keys = context.keys
                context.notice("Press \(keys[.add]) to lay out a divergence: a topic, then perspectives (\(keys.label(.addPerspective, in: \.divergence))) "
                    + "and dimensions (\(keys.label(.addDimension, in: \.divergence)))")
            }
            return []
        }
        switch action {
        case .add:
            context.open(Question(Asking.topicTitle(topic: nil), label: "new divergence topic"))
        case .edit:
            context.open(editQuestion(topic))
        case .delete where cell.row >= topic.dimensions.count:
            return deleteBelowTable(topic, keys: context.keys)
        case .delete where cell.row == DivergenceTable.descriptionRow:
            guard !topic.description.isEmpty else { return context.notice("No lead-in to clear") }
            var cleared = topic
            cleared.description = ""
            return [.apply(.topicChanged(topic: cleared), saying: "✓ Lead-in cleared \(context.keys.undoNote)")]
        case .delete:
            var cleared = topic
            guard cell.row >= 0, cell.column >= 0, !topic.cell(row: cell.row, column: cell.column).isEmpty else {
                return context.notice("d clears a cell; headings are renamed with e")
            }
            Self.setCell(&cleared, row: cell.row, column: cell.column, to: "")
            return [.apply(.topicChanged(topic: cleared), saying: "✓ Cell cleared \(context.keys.undoNote)")]
        case .selectPrevious, .selectNext, .selectFirst, .selectLast:
            // The title, the lead-in, the header, one row per dimension, then each caveat and each dilemma.
            let first = DivergenceTable.titleRow
            let rows = -first + topic.dimensions.count + topic.caveats.count + topic.dilemmas.count
            cell.row = (moved(action, from: cell.row - first, count: rows) ?? 0) + first
        default:
            let keys = context.keys
            context.notice("On a divergence table: \(keys.label(.addPerspective, in: \.divergence)) perspective, "
                + "\(keys.label(.addDimension, in: \.divergence)) dimension, \(keys[.edit]) edit, "
                + "\(keys.label(.addCaveat, in: \.divergence)) caveat, \(keys.label(.addDilemma, in: \.divergence)) dilemma")
        }
        return []
    }

    /// Deletes the caveat or dilemma under the cursor.
    private func deleteBelowTable(_ topic: DivergenceTopic, keys: KeyMap) -> [LiveEffect] {
        var changed = topic
        let index = cell.row - topic.dimensions.count
        if topic.caveats.indices.contains(index) {
            changed.caveats.remove(at: index)
            return [.apply(.topicChanged(topic: changed), saying: "✓ Caveat deleted \(keys.undoNote)")]
        }
        let dilemma = index - topic.caveats.count
        guard topic.dilemmas.indices.contains(dilemma) else { return [] }
        changed.dilemmas.remove(at: dilemma)
        return [.apply(.topicChanged(topic: changed), saying: "✓ Dilemma deleted \(keys.undoNote)")]
    }

    /// The prompt for what is under the cursor: the title (header row, name column), a perspective,
    /// a dimension, a cell, a caveat or a dilemma's text.
    private func editQuestion(_ topic: DivergenceTopic) -> Question {
        let below = cell.row - topic.dimensions.count
        if topic.caveats.indices.contains(below) {
            return Question(Asking.editCaveat(topic: topic.id, index: below), label: "caveat", text: topic.caveats[below])
        }
        if topic.dilemmas.indices.contains(below - topic.caveats.count) {
            let dilemma = topic.dilemmas[below - topic.caveats.count]
            return Question(Asking.editDilemma(topic: topic.id, index: below - topic.caveats.count), label: "what makes ‘\(dilemma.title)’ hard",
                          text: dilemma.text)
        }
        switch (cell.row, cell.column) {
        case (DivergenceTable.descriptionRow, _):
            return Self.leadInQuestion(topic)
        case (-1, -1):
            return Self.rowHeaderQuestion(topic)
        case (-1, let column) where topic.perspectives.indices.contains(column):
            return Question(Asking.tableText(topic: topic.id, row: -1, column: column), label: "perspective \(column + 1)",
                          text: topic.perspectives[column])
        case (let row, -1) where topic.dimensions.indices.contains(row):
            return Question(Asking.tableText(topic: topic.id, row: row, column: -1), label: "dimension", text: topic.dimensions[row])
        case (let row, let column) where topic.dimensions.indices.contains(row) && topic.perspectives.indices.contains(column):
            return Question(Asking.tableText(topic: topic.id, row: row, column: column), label: "\(topic.dimensions[row]) × \(Self.perspectiveName(topic, column))",
                          text: topic.cell(row: row, column: column))
        default:
            return Question(Asking.topicTitle(topic: topic.id), label: "topic", text: topic.title)
        }
    }

    /// The paragraph(s) before the table, as the seed note leads into its table.
    /// A column as a prompt names it: its heading, or "perspective N" for one left unnamed (the
    /// seed note's columns have none), so two unnamed columns never read the same.
    static func perspectiveName(_ topic: DivergenceTopic, _ column: Int) -> String {
        let name = topic.perspectives.indices.contains(column) ? topic.perspectives[column] : ""
        return name.trimmingCharacters(in: .whitespaces).isEmpty ? "perspective \(column + 1)" : name
    }

    static func leadInQuestion(_ topic: DivergenceTopic) -> Question {
        Question(Asking.topicDescription(topic: topic.id), label: "lead-in before the table", text: topic.description)
    }

    /// The top-left cell, naming what the rows are ("How outcomes are…").
    static func rowHeaderQuestion(_ topic: DivergenceTopic) -> Question {
        Question(Asking.tableText(topic: topic.id, row: -1, column: -1), label: "row header (top-left cell)", text: topic.rowHeader)
    }

    mutating func settle(_ prompt: Question, in context: inout KeyHandling) -> [LiveEffect]? {
        let text = prompt.answer
        let session = context.session
        func change(_ id: EntityID, _ saying: String, _ edit: (inout DivergenceTopic) -> Void) -> [LiveEffect] {
            guard var topic = session.topics[id] else { return [] }
            edit(&topic)
            return [.apply(.topicChanged(topic: topic), saying: saying)]
        }
        guard let asking = prompt.purpose as? Asking else { return nil }
        switch asking {
        case .topicTitle(let id):
            guard !text.isEmpty else { return context.notice("A topic needs a title") }
            if let id { return change(id, "✓ Renamed") { $0.title = text } }
            let topic = DivergenceTopic(id: session.nextID, title: text, item: item)
            selectedTopic = topic.id
            cell = (-1, 0)
            // Straight on to the first column: there is no table without one.
            context.open(Question(Asking.newPerspective(topic: topic.id), label: "perspective 1"))
            return [.apply(.topicAdded(topic: topic), saying: "✓ Topic added: type its first perspective, Enter, then \(context.keys.label(.addPerspective, in: \.divergence)) for each next one")]
        case .newPerspective(let id):
            // The seed note's columns have no names: an empty answer adds an unnamed one.
            return change(id, text.isEmpty ? "✓ Unnamed perspective added (e names it)" : "✓ Perspective added") { topic in
                topic.perspectives.append(text)
                cell = (-1, topic.perspectives.count - 1)
            }
        case .newDimension(let id):
            guard !text.isEmpty else { return context.notice("No dimension added") }
            return change(id, "✓ Dimension added: e fills its cells") { topic in
                topic.dimensions.append(text)
                cell = (topic.dimensions.count - 1, 0)
            }
        case .tableText(let id, -1, -1):
            return change(id, text.isEmpty ? "✓ Row header cleared" : "✓ Row header saved") { $0.rowHeader = text }
        case .topicDescription(let id):
            return change(id, text.isEmpty ? "✓ Lead-in cleared" : "✓ Lead-in saved") { $0.description = text }
        case .tableText(let id, let row, let column):
            if column == -1 && text.isEmpty { return context.notice("A dimension needs a name: \(context.keys[.delete]) on its row clears cells, \(context.keys[.undo]) undoes") }
            return change(id, "✓ Saved") { topic in
                if row == -1 { topic.perspectives[column] = text }
                else if column == -1 { topic.dimensions[row] = text }
                else { Self.setCell(&topic, row: row, column: column, to: text) }
            }
        case .caveat(let id):
            guard !text.isEmpty else { return context.notice("No caveat added") }
            // The cursor goes to the new caveat, so the view shows it.
            return change(id, "✓ Caveat added") { topic in
                topic.caveats.append(text)
                cell.row = topic.dimensions.count + topic.caveats.count - 1
            }
        case .editCaveat(let id, let index):
            guard !text.isEmpty else { return context.notice("A caveat cannot be empty: d deletes it") }
            return change(id, "✓ Caveat saved") { topic in
                if topic.caveats.indices.contains(index) { topic.caveats[index] = text }
            }
        case .editDilemma(let id, let index):
            return change(id, "✓ Dilemma saved") { topic in
                if topic.dilemmas.indices.contains(index) { topic.dilemmas[index].text = text }
            }
        case .dilemmasLeadIn(let id):
            return change(id, text.isEmpty ? "✓ No lead-in to the dilemmas" : "✓ Lead-in to the dilemmas saved") { topic in
                topic.dilemmasLeadIn = text
            }
        case .dilemmaTitle(let id):
            guard !text.isEmpty else { return context.notice("No dilemma added") }
            context.open(Question(Asking.dilemmaText(topic: id, title: text), label: "what makes ‘\(text)’ hard"))
            return []
        case .dilemmaText(let id, let title):
            return change(id, "✓ Dilemma added") { topic in
                topic.dilemmas.append(.init(title: title, text: text))
                cell.row = topic.dimensions.count + topic.caveats.count + topic.dilemmas.count - 1
            }
        }
    }

    /// Writes a cell, growing the grid of cells as far as needed.
    static func setCell(_ topic: inout DivergenceTopic, row: Int, column: Int, to text: String) {
        while topic.cells.count <= row { topic.cells.append([]) }
        while topic.cells[row].count <= column { topic.cells[row].append("") }
        topic.cells[row][column] = text
    }

    /// The topic as a table, scrolled so the cursor's row is in view; rows at the top and bottom say
    /// what is out of view, so the markers never cover text.
    func draw(into frame: inout Frame, in rect: Rect, session: Session, keys: KeyMap) {
        let topics = topics(in: session)
        guard let topic = currentTopic(in: session) else {
            let help = "No divergence laid out yet. Press a to name the topic where views part; then P adds each "
                + "perspective (a column) and D each dimension (a row). Move with the arrows or h/j/k/l, e fills the cell, "
                + "c adds a caveat, i a dilemma."
            for (offset, line) in WordWrap.lines(help, width: rect.width).enumerated() {
                frame.put(line, in: rect, row: 1 + offset, style: .muted)
            }
            return
        }
        let index = topics.firstIndex { $0.id == topic.id } ?? 0
        let table = DivergenceTable(topic: topic, cursor: cell, position: topics.count > 1 ? "\(index + 1)/\(topics.count), \(keys.label(.nextTopic, in: \.divergence)) for next" : "",
                                    perspectiveKey: keys.label(.addPerspective, in: \.divergence))
        let drawn = table.draw(width: rect.width)
        let total = drawn.frame.height
        guard total > rect.height else {
            frame.paste(drawn.frame, from: 0, rows: rect.height, to: rect.y, column: rect.x)
            return
        }
        var (first, window) = (0, rect.inset(bottom: 1))
        if drawn.cursorEnd >= window.height {
            // Scrolled: the top row says so. What the cursor is on shows whole where it fits, else from its start.
            window = rect.inset(top: 1, bottom: 1)
            first = max(1, min(drawn.cursorEnd - window.height + 1, drawn.cursorLine, total - window.height))
        }
        frame.paste(drawn.frame, from: first, rows: window.height, to: window.y, column: rect.x)
        let marker = Style(role: .muted)
        if first > 0 { frame.put("↑ \(first) more line\(first == 1 ? "" : "s") · \(keys.listMarks.up) to scroll up", in: rect, style: marker) }
        let hidden = first + window.height
        if hidden < total {
            let caveats = drawn.caveatLines.filter { $0 >= hidden }.count
            let dilemmas = drawn.dilemmaLines.filter { $0 >= hidden }.count
            var parts: [String] = []
            if caveats > 0 { parts.append("\(caveats) caveat\(caveats == 1 ? "" : "s")") }
            if dilemmas > 0 { parts.append("\(dilemmas) dilemma\(dilemmas == 1 ? "" : "s")") }
            let below = parts.isEmpty ? "\(total - hidden) more lines" : parts.joined(separator: ", ")
            frame.put("↓ \(below) · \(keys.listMarks.down) to scroll down", in: rect, row: rect.height - 1, style: marker)
        }
    }
}
