import ConveneCore
import Foundation

/// Under the Chatham House Rule, the notes are written only after the places where captured text
/// names an attendee or organisation have been seen: each can be opened and fixed, or acknowledged.
extension LiveScreen {
    mutating func review(_ key: Key, session: Session) -> [LiveEffect] {
        let findings = DisclosureCheck.unacknowledged(in: session)
        guard let action = KeyMap.action(for: key, in: KeyMap.disclosure) else {
            return notice("\(key.label) does nothing here; Esc goes back")
        }
        let selected = findings.indices.contains(selectedFinding) ? findings[selectedFinding] : nil
        switch action {
        case .close:
            reviewing = false
            mode = .browsing
        case .writeAnyway:
            reviewing = false
            mode = .browsing
            return [.writeNotes]
        case .selectPrevious:
            selectedFinding = max(0, selectedFinding - 1)
        case .selectNext:
            selectedFinding = min(max(0, findings.count - 1), selectedFinding + 1)
        case .acknowledge:
            guard let selected else { return [] }
            return [.apply(.findingAcknowledged(key: selected.key), saying: "✓ Acknowledged ‘\(selected.matched)’ in \(selected.location.label)")]
        case .fix:
            guard let selected else { return [] }
            guard let editor = fixMode(for: selected.location, session: session) else {
                return notice("That text is edited on the command line; x acknowledges it here")
            }
            reviewing = true
            mode = editor
        }
        return []
    }

    /// Opens the place a finding is in: the point in the composer, or the prompt for a table cell,
    /// heading, context name or checklist response.
    private func fixMode(for location: TextLocation, session: Session) -> Mode? {
        let id = location.entity
        if let point = session.points[id] {
            if location.part == "theme" {
                return .prompting(Prompt(.theme(point: id), label: "theme of the point", text: point.theme ?? ""))
            }
            return .composing(Composer(text: point.text, kind: point.kind, editing: id))
        }
        if let topic = session.topics[id] {
            let numbers = location.part.split(separator: "-").compactMap { Int($0) }
            switch location.part.split(separator: "-").first {
            case "title": return .prompting(Prompt(.topicTitle(topic: id), label: "topic", text: topic.title))
            case "perspective" where numbers.count == 1 && topic.perspectives.indices.contains(numbers[0] - 1):
                return .prompting(Prompt(.tableText(topic: id, row: -1, column: numbers[0] - 1), label: "perspective",
                                         text: topic.perspectives[numbers[0] - 1]))
            case "dimension" where numbers.count == 1 && topic.dimensions.indices.contains(numbers[0] - 1):
                return .prompting(Prompt(.tableText(topic: id, row: numbers[0] - 1, column: -1), label: "dimension",
                                         text: topic.dimensions[numbers[0] - 1]))
            case "cell" where numbers.count == 2:
                return .prompting(Prompt(.tableText(topic: id, row: numbers[0] - 1, column: numbers[1] - 1), label: "cell",
                                         text: topic.cell(row: numbers[0] - 1, column: numbers[1] - 1)))
            default: return nil
            }
        }
        if let context = session.contexts[id], location.part == "name" {
            return .prompting(Prompt(.contextName(context: id), label: "rename context", text: context.name))
        }
        if let item = session.agenda[id], location.part.hasPrefix("response-"),
           let number = Int(location.part.dropFirst("response-".count)) {
            return .prompting(Prompt(.checklistResponse(item: id, index: number - 1), label: "response",
                                     text: item.response(to: number - 1)))
        }
        return nil
    }

    func drawDisclosure(into frame: inout Frame, session: Session, area: Area) {
        let findings = DisclosureCheck.unacknowledged(in: session)
        let width = frame.width - area.left - 2
        guard !findings.isEmpty else {
            frame.put("✓ No attendee or organisation is named in what was captured.", row: area.top + 1, column: area.left + 1, style: Style(role: .success))
            frame.put("w writes the notes; Esc goes back.", row: area.top + 2, column: area.left + 1, style: .muted)
            return
        }
        frame.put(TextLayout.truncate("Before the notes are written: \(findings.count) place(s) may identify someone", to: width),
                  row: area.top, column: area.left + 1, style: .warning)
        var row = area.top + 2
        let first = max(0, selectedFinding - (area.bottom - area.top - 3) / 3 + 1)
        for (index, finding) in findings.enumerated().dropFirst(first) where row + 1 < area.bottom {
            let who = finding.reason == .organisation ? "organisation of \(finding.attendees.joined(separator: ", "))"
                : finding.attendees.joined(separator: ", ")
            let selected = index == selectedFinding
            frame.put(TextLayout.pad("‘\(finding.matched)’ (\(who)) in \(finding.location.label)", to: width), row: row,
                      column: area.left + 1, style: selected ? .selected : .heading)
            frame.put(TextLayout.truncate(finding.excerpt, to: width - 2), row: row + 1, column: area.left + 3, style: .muted)
            row += 3
        }
    }
}
