import ConveneCore

/// Under the Chatham House Rule, the notes are written only after the places where captured text
/// names an attendee or organisation have been seen: each can be opened and fixed (the screen goes
/// to its item, the fix opens over the review and closes back to it), or acknowledged. Acknowledged
/// places stay listed, marked, so that "nothing left to review" is never mistaken for "nothing found".
struct DisclosureOverlay: LiveOverlay {
    var selected = 0

    mutating func handle(_ key: Key, in context: inout KeyHandling) -> [LiveEffect] {
        let session = context.session
        let findings = DisclosureCheck.findings(in: session)
        if case .click(let target) = key {
            if case .entry(let index) = target, findings.indices.contains(index) { selected = index }
            return []
        }
        guard let action = KeyMap.action(for: key, in: context.keys.disclosure) else {
            return context.unbound(key, back: KeyMap.label(of: .close, in: context.keys.disclosure))
        }
        let finding = findings.indices.contains(selected) ? findings[selected] : nil
        switch action {
        case .close:
            context.close()
        case .writeAnyway:
            context.close()
            return [.writeNotes]
        case .selectPrevious:
            selected = max(0, selected - 1)
        case .selectNext:
            selected = min(max(0, findings.count - 1), selected + 1)
        case .acknowledge:
            guard let finding else { return [] }
            if session.acknowledgedFindings.contains(finding.key) {
                return [.apply(.findingUnacknowledged(key: finding.key), saying: "✓ ‘\(finding.matched)’ in \(finding.location.label) is to review again")]
            }
            // On to the next place still to review, as a reviewer goes down the list.
            let open = findings.indices.filter { $0 != selected && !session.acknowledgedFindings.contains(findings[$0].key) }
            selected = open.first { $0 > selected } ?? open.first ?? selected
            return [.apply(.findingAcknowledged(key: finding.key), saying: "✓ Acknowledged ‘\(finding.matched)’ in \(finding.location.label)")]
        case .fix:
            guard let finding else { return [] }
            guard let fix = Self.fix(for: finding.location, session: session) else {
                return context.notice("That text is edited on the command line; \(KeyMap.label(of: .acknowledge, in: context.keys.disclosure)) acknowledges it here")
            }
            // Go to the item the text was captured under, so the fix is made with its neighbours in view.
            if let item = finding.item {
                context.viewing = item == session.focusedItem?.id ? nil : item
            }
            // The cursor on the words found, not at the end of the text.
            context.open(Self.cursor(on: finding.matched, in: fix))
        }
        return []
    }

    private static func cursor(on words: String, in overlay: any LiveOverlay) -> any LiveOverlay {
        if var question = overlay as? Question {
            question.field.moveCursor(toStartOf: words)
            return question
        }
        if var composer = overlay as? Composer {
            composer.field.moveCursor(toStartOf: words)
            return composer
        }
        return overlay
    }

    /// The place a finding is in, opened to edit: the point in the composer, or the prompt for a
    /// theme, table cell, heading, context name or checklist response.
    private static func fix(for location: TextLocation, session: Session) -> (any LiveOverlay)? {
        let id = location.entity
        if location.isSessionHeading {
            return location.part == "title"
                ? Question(DetailsOverlay.Asking.title, label: "title", text: session.details.title)
                : Question(DetailsOverlay.Asking.purpose, label: "purpose", text: session.details.purpose)
        }
        if let point = session.points[id] {
            if location.part == "theme" || location.part == "subtheme" {
                return Question(PointsPanel.Asking.theme(point: id), label: "theme of the point (> sub-theme)",
                                text: ThemePath(theme: point.theme, subtheme: point.subtheme).typed)
            }
            if location.part == "answer" {
                return Question(PointsPanel.Asking.answer(point: id), label: "answer", text: point.answer ?? "")
            }
            return Composer(text: point.text, kind: point.kind, editing: id)
        }
        if let topic = session.topics[id] {
            let numbers = location.part.split(separator: "-").compactMap { Int($0) }
            switch location.part.split(separator: "-").first {
            case "title": return Question(DivergencePanel.Asking.topicTitle(topic: id), label: "topic", text: topic.title)
            case "perspective" where numbers.count == 1 && topic.perspectives.indices.contains(numbers[0] - 1):
                return Question(DivergencePanel.Asking.tableText(topic: id, row: -1, column: numbers[0] - 1), label: "perspective",
                                text: topic.perspectives[numbers[0] - 1])
            case "dimension" where numbers.count == 1 && topic.dimensions.indices.contains(numbers[0] - 1):
                return Question(DivergencePanel.Asking.tableText(topic: id, row: numbers[0] - 1, column: -1), label: "dimension",
                                text: topic.dimensions[numbers[0] - 1])
            case "description":
                return DivergencePanel.leadInQuestion(topic)
            case "row" where location.part == "row-header":
                return DivergencePanel.rowHeaderQuestion(topic)
            case "caveat" where numbers.count == 1 && topic.caveats.indices.contains(numbers[0] - 1):
                return Question(DivergencePanel.Asking.editCaveat(topic: id, index: numbers[0] - 1), label: "caveat", text: topic.caveats[numbers[0] - 1])
            case "dilemma" where numbers.count == 1 && topic.dilemmas.indices.contains(numbers[0] - 1):
                let dilemma = topic.dilemmas[numbers[0] - 1]
                return Question(DivergencePanel.Asking.editDilemma(topic: id, index: numbers[0] - 1), label: "dilemma ‘\(dilemma.title)’", text: dilemma.text)
            case "dilemmas" where location.part == "dilemmas-lead-in":
                return Question(DivergencePanel.Asking.dilemmasLeadIn(topic: id), label: "the paragraph leading into the dilemmas",
                                text: topic.dilemmasLeadIn)
            case "cell" where numbers.count == 2:
                return Question(DivergencePanel.Asking.tableText(topic: id, row: numbers[0] - 1, column: numbers[1] - 1), label: "cell",
                                text: topic.cell(row: numbers[0] - 1, column: numbers[1] - 1))
            default: return nil
            }
        }
        if let context = session.contexts[id] {
            return location.part == "name"
                ? Question(ContextsPanel.Asking.name(context: id), label: "context name", text: context.name)
                : Question(ContextsPanel.Asking.description(context: id, name: context.name), label: "what ‘\(context.name)’ is", text: context.description)
        }
        if let item = session.agenda[id], location.part.hasPrefix("response-"), let number = Int(location.part.dropFirst("response-".count)) {
            return Question(ChecklistPanel.Asking.response(item: id, index: number - 1), label: "response", text: item.response(to: number - 1))
        }
        return nil
    }

    func hints(_ keys: KeyMap) -> [(key: String, text: String)] { KeyMap.hints(keys.disclosure) }

    func draw(into frame: inout Frame, in rect: Rect, world: LiveWorld, keys: KeyMap) {
        let session = world.session
        let findings = DisclosureCheck.findings(in: session)
        let acknowledged = findings.filter { session.acknowledgedFindings.contains($0.key) }.count
        let open = findings.count - acknowledged
        guard !findings.isEmpty else {
            frame.put("✓ No attendee or organisation is named in what was captured.", in: rect, row: 1, style: Style(role: .success))
            frame.put("\(keys.label(.writeAnyway, in: \.disclosure)) writes the notes; \(keys.label(.close, in: \.disclosure)) goes back.", in: rect, row: 2, style: .muted)
            return
        }
        let heading = open == 0
            ? (findings.count == 1 ? "✓ The one place found is acknowledged" : "✓ All \(findings.count) places found are acknowledged")
                + " as not an attribution · \(keys.label(.writeAnyway, in: \.disclosure)) writes the notes"
            : "Before the notes are written: \(Self.places(open)) may identify someone" + (acknowledged > 0 ? " · \(acknowledged) acknowledged" : "")
        frame.put(TextLayout.truncate(heading, to: rect.width), in: rect, style: open == 0 ? Style(role: .success) : .warning)
        ListView(noun: ("place", "places"), keys: keys.listMarks).draw(count: findings.count, focus: .selected(selected), into: &frame, in: rect.inset(top: 2)) { index in
            let finding = findings[index]
            let isAcknowledged = session.acknowledgedFindings.contains(finding.key)
            return [ListRow((isAcknowledged ? "✓ acknowledged · " : "") + finding.location.label, style: isAcknowledged ? .muted : .heading),
                    ListRow("‘\(finding.matched)’ — \(finding.identifies)", indent: 2, highlights: false),
                    ListRow(TextLayout.truncate(finding.excerpt, to: rect.width - 2), style: .muted, indent: 2, highlights: false),
                    ListRow("", highlights: false)]
        }
    }

    private static func places(_ count: Int) -> String {
        count == 1 ? "1 place" : "\(count) places"
    }
}
