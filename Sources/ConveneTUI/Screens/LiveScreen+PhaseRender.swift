import ConveneCore
import Foundation

/// Drawing the phases that are not lists of points.
extension LiveScreen {
    typealias Area = (top: Int, bottom: Int, left: Int)

    /// Contexts with their mean ratings, spread and quadrant on the left; Ebrahim's 2×2 on the right.
    func drawContexts(into frame: inout Frame, session: Session, area: Area) {
        let contexts = session.contexts.elements
        let gridWidth = min(41, max(21, (frame.width - area.left) / 2))
        let listWidth = frame.width - area.left - gridWidth - 2
        guard !contexts.isEmpty else {
            frame.put("No contexts yet. Press a to name one, then rate it: uncertainty about cause and effect,",
                      row: area.top + 1, column: area.left + 1, style: .muted, limit: frame.width - area.left - 2)
            frame.put("then control over outcomes, each from 1 to 5. r adds another person's ratings.",
                      row: area.top + 2, column: area.left + 1, style: .muted, limit: frame.width - area.left - 2)
            return
        }
        var row = area.top
        for (index, context) in contexts.enumerated() where row + 2 < area.bottom {
            let selected = context.id == currentContext(in: session)
            let name = "\(index + 1) " + context.name
            frame.put(TextLayout.pad(name, to: listWidth), row: row, column: area.left + 1, style: selected ? .selected : .heading)
            let detail: String
            if let uncertainty = context.meanUncertainty, let control = context.meanControl, let spread = context.spread {
                detail = String(format: "U %.1f  C %.1f  ", uncertainty, control)
                    + "spread \(spread.uncertainty.lowerBound)–\(spread.uncertainty.upperBound)/"
                    + "\(spread.control.lowerBound)–\(spread.control.upperBound)  n=\(context.ratings.count)"
            } else {
                detail = "not rated yet: r to rate"
            }
            frame.put(detail, row: row + 1, column: area.left + 3, style: .plain, limit: listWidth - 2)
            let placement = Self.placement(context, guide: session.quadrantGuide)
            frame.put(placement, row: row + 2, column: area.left + 3, style: .muted, limit: listWidth - 2)
            row += 3
        }
        drawGrid(into: &frame, contexts: contexts, guide: session.quadrantGuide, selected: currentContext(in: session),
                 left: frame.width - gridWidth - 1, top: area.top, width: gridWidth, height: min(17, area.bottom - area.top))
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

    /// The 2×2: control over outcomes across, uncertainty about cause and effect up.
    private func drawGrid(into frame: inout Frame, contexts: [ContextAssessment], guide: [EbrahimQuadrant: QuadrantGuide],
                          selected current: EntityID?, left: Int, top: Int, width: Int, height: Int) {
        guard height >= 7, width >= 15 else { return }
        let inner = (width: width - 2, height: height - 3)
        let middle = frame.crossedBox(left: left, top: top, width: width, height: inner.height + 2)
        let half = inner.width / 2 - 1
        // Each quadrant's label on up to two lines, wrapped on words ("Interim outcomes / and influence").
        func label(_ quadrant: EbrahimQuadrant, row: Int, column: Int, upwards: Bool) {
            let lines = TextLayout.wrap(guide[quadrant]?.label ?? quadrant.axesName, width: half)
            var shown = Array(lines.prefix(2))
            if lines.count > 2, let last = shown.popLast() { shown.append(TextLayout.truncate(last + " " + lines[2], to: half)) }
            for (offset, line) in shown.enumerated() {
                frame.put(line, row: upwards ? row - (shown.count - 1) + offset : row + offset, column: column, style: .muted)
            }
        }
        label(.highUncertaintyLowControl, row: top + 1, column: left + 1, upwards: false)
        label(.highUncertaintyHighControl, row: top + 1, column: middle.x + 1, upwards: false)
        label(.lowUncertaintyLowControl, row: top + inner.height, column: left + 1, upwards: true)
        label(.lowUncertaintyHighControl, row: top + inner.height, column: middle.x + 1, upwards: true)
        for (index, context) in contexts.enumerated() {
            guard let uncertainty = context.meanUncertainty, let control = context.meanControl else { continue }
            let x = left + 1 + Int(((control - 1) / 4 * Double(inner.width - 1)).rounded())
            let y = top + 1 + Int(((5 - uncertainty) / 4 * Double(inner.height - 1)).rounded())
            let selected = context.id == current
            frame.put(index < 9 ? String(index + 1) : "•", row: y, column: x, style: selected ? .selected : .heading)
        }
        frame.put("control over outcomes →", row: top + inner.height + 2, column: left + 1, style: .muted, limit: width - 1)
        frame.put("↑ uncertainty", row: top, column: left + 2, style: .muted, limit: width - 4)
    }

    /// Each prompt of the checklist with its response beneath.
    func drawChecklist(into frame: inout Frame, item: AgendaItem, area: Area) {
        var row = area.top
        let width = frame.width - area.left - 4
        for (index, prompt) in item.checklist.enumerated() where row < area.bottom {
            let response = item.response(to: index)
            let selected = index == selectedPrompt
            let mark = response.isEmpty ? "○" : "●"
            frame.put(TextLayout.pad("\(mark) \(prompt)", to: width + 2), row: row, column: area.left + 1,
                      style: selected ? .selected : (response.isEmpty ? .plain : .heading))
            row += 1
            for line in TextLayout.wrap(response, width: width) where row < area.bottom && !response.isEmpty {
                frame.put(line, row: row, column: area.left + 4, style: .plain)
                row += 1
            }
        }
    }

    /// Everyone invited: name, organisation, role, and who sent apologies.
    func drawAttendees(into frame: inout Frame, session: Session, area: Area) {
        let people = session.attendees.elements
        frame.put("Attendees and apologies", row: area.top, column: area.left + 1, style: .heading)
        if session.details.chathamHouse {
            let note = "Listed in the notes; the disclosure check looks for these names in what is captured."
            frame.put(TextLayout.truncate(note, to: frame.width - area.left - 2), row: area.top + 1, column: area.left + 1, style: .muted)
        }
        guard !people.isEmpty else {
            frame.put("No one yet. Press a to add an attendee.", row: area.top + 3, column: area.left + 1, style: .muted)
            return
        }
        // The columns share the width by what they hold: short names leave long organisations room.
        let available = max(24, frame.width - area.left - 2 - 2 - 12) // two gaps and the status
        let longestName = people.map { DisplayWidth.of($0.name) }.max() ?? 0
        let longestOrganisation = people.map { DisplayWidth.of($0.organisation ?? "") }.max() ?? 0
        let nameWidth = max(12, min(longestName, available - min(longestOrganisation, available / 2)))
        let organisationWidth = max(10, available - nameWidth)
        for (offset, person) in people.enumerated() where area.top + 3 + offset < area.bottom {
            let row = area.top + 3 + offset
            let status = person.apologies ? "apologies" : person.role.displayName.lowercased()
            let line = TextLayout.pad(person.name, to: nameWidth) + " " + TextLayout.pad(person.organisation ?? "", to: organisationWidth)
                + " " + status
            let selected = person.id == selectedAttendee
            frame.put(line, row: row, column: area.left + 1, style: selected ? .selected : (person.apologies ? .muted : .plain))
        }
    }
}

extension LiveScreen {
    /// The item's divergence topic as a table, scrolled so the cursor's row is in view.
    func drawDivergence(into frame: inout Frame, session: Session, area: Area) {
        let topics = itemTopics(in: session)
        guard let topic = currentTopic(in: session) else {
            let lines = [
                "No divergence laid out yet. Press a to name the topic where views part;",
                "then P adds each perspective (a column) and D each dimension (a row).",
                "Move with the arrows or h/j/k/l, e fills the cell, c adds a caveat, i a dilemma.",
            ]
            for (offset, line) in lines.enumerated() {
                frame.put(TextLayout.truncate(line, to: frame.width - area.left - 2), row: area.top + 1 + offset, column: area.left + 1, style: .muted)
            }
            return
        }
        let index = topics.firstIndex { $0.id == topic.id } ?? 0
        let table = DivergenceTable(topic: topic, cursor: cell, position: topics.count > 1 ? "\(index + 1)/\(topics.count), Tab for next" : "")
        let drawn = table.draw(width: frame.width - area.left - 2)
        let rows = area.bottom - area.top
        let total = drawn.frame.height
        guard total > rows else {
            frame.paste(drawn.frame, from: 0, rows: rows, to: area.top, column: area.left + 1)
            return
        }
        // Too tall: a row at the top and one at the bottom say what is out of view, so the markers
        // never cover text; the cursor's line is always in the rows between.
        var (first, start, window) = (0, area.top, max(1, rows - 1))
        if drawn.cursorEnd >= window {
            // Scrolled: the top row says so. What the cursor is on shows whole where it fits, else from its start.
            (start, window) = (area.top + 1, max(1, rows - 2))
            first = max(1, min(drawn.cursorEnd - window + 1, drawn.cursorLine, total - window))
        }
        frame.paste(drawn.frame, from: first, rows: window, to: start, column: area.left + 1)
        let marker = Style(role: .muted)
        if first > 0 { frame.put("↑ \(first) more line\(first == 1 ? "" : "s") · k to scroll up", row: area.top, column: area.left + 1, style: marker) }
        let hidden = first + window
        if hidden < total {
            let caveats = drawn.caveatLines.filter { $0 >= hidden }.count
            let dilemmas = drawn.dilemmaLines.filter { $0 >= hidden }.count
            var parts: [String] = []
            if caveats > 0 { parts.append("\(caveats) caveat\(caveats == 1 ? "" : "s")") }
            if dilemmas > 0 { parts.append("\(dilemmas) dilemma\(dilemmas == 1 ? "" : "s")") }
            let below = parts.isEmpty ? "\(total - hidden) more lines" : parts.joined(separator: ", ")
            frame.put("↓ \(below) · j to scroll down", row: area.bottom - 1, column: area.left + 1, style: marker)
        }
    }
}
