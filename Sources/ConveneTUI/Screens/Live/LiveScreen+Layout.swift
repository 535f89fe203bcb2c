import ConveneCore
import Foundation

/// Drawing the live screen: the header, the agenda beside the body where there is room, the body
/// (the panel, or the attendees or the review over it), the field or status, and the hints.
extension LiveScreen {
    /// The smallest terminal the live screen lays out in; below it a notice asks for more room.
    public static let minimumSize = (width: 60, height: 12)
    /// Wide enough to show the agenda beside the body.
    static let agendaPanelThreshold = 100
    /// The agenda beside the body is at least this wide, and wider where its titles need it.
    static let agendaPanelMinimumWidth = 30
    /// Where the composer's text starts, after its kind label.
    static let composerTextLeft = 14

    public func render(_ world: LiveWorld, into frame: inout Frame) {
        let (width, height) = (frame.width, frame.height)
        let (session, now) = (world.session, world.now)
        let promptLines = Self.promptLines(of: shownItem(in: session), width: width)
        let typing = typing(width: width)
        // All of what is being typed, up to half the screen while leaving the body a few rows.
        let fieldRows = typing.map { min($0.layout.rows.count, max(1, min(height / 2, height - 10))) } ?? 1
        let parts = frame.bounds.rows([.fixed(1), .fixed(1), .fixed(max(1, promptLines.count)), .fixed(1),
                                       .flexible(), .fixed(1), .fixed(fieldRows), .fixed(1)])
        let (title, itemLine, prompt, headerRule, body, bodyRule, field, hints) = (parts[0], parts[1], parts[2], parts[3], parts[4], parts[5], parts[6], parts[7])
        drawTitle(into: &frame, in: title, session: session, now: now)
        drawItem(into: &frame, in: itemLine, session: session, now: now)
        for (offset, line) in promptLines.enumerated() { frame.put(" " + line, in: prompt, row: offset, style: .muted) }
        frame.put(String(repeating: "─", count: width), in: headerRule, style: .muted)
        drawPresence(world, into: &frame, in: headerRule)

        var content = body
        if width >= Self.agendaPanelThreshold {
            // The agenda, a rule, a gap, then the body.
            let columns = body.columns([.fixed(Self.agendaPanelWidth(for: session, width: width)), .fixed(1), .fixed(1), .flexible()])
            drawAgenda(into: &frame, in: columns[0].inset(right: 1), session: session)
            for row in 0..<columns[1].height { frame.put("│", in: columns[1], row: row, style: .muted) }
            content = columns[3]
        }
        drawBody(into: &frame, in: content.inset(left: 1, right: 1), session: session, now: now)

        frame.put(String(repeating: "─", count: width), in: bodyRule, style: .muted)
        if isTyping, let status {
            // The field holds the status row, so what was last said (a problem with what was typed,
            // or what to do next) shows on the rule just above it.
            status.draw(into: &frame, in: bodyRule.inset(left: 1, right: 1), framed: true)
        }
        if let typing {
            drawField(typing, into: &frame, in: field, hints: hints, session: session)
        } else if let status {
            // A refusal is read whole, over the rows above if it needs them: why, and what to do.
            if status.isError {
                status.draw(into: &frame, endingAt: field.y, maxLines: 3)
            } else {
                status.draw(into: &frame, in: field)
            }
        }
        frame.hintLine(hintsShown(session: session), row: hints.y)
        if let help = top as? LiveHelp { HelpOverlay.draw(into: &frame, lines: helpLines, offset: help.offset, keys: keys) }
    }

    /// The top overlay that is not a field (also under a question of its), else the panel. The
    /// help is drawn over everything instead (`render`).
    private func drawBody(into frame: inout Frame, in rect: Rect, session: Session, now: Date) {
        if let overlay = overlays.last(where: { !$0.isField && !($0 is LiveHelp) }) {
            return overlay.draw(into: &frame, in: rect, world: LiveWorld(session: session, now: now), keys: keys)
        }
        panel(in: session).draw(into: &frame, in: rect, session: session, keys: keys)
    }

    /// The field being typed in (the composer's or a prompt's), its label and the column its text
    /// starts at, laid out for a frame `width` wide: the same for measuring and drawing.
    private struct Typing {
        var field: TextField
        var label: (text: String, style: Style)
        var left: Int
        var layout: TextField.Layout
    }

    private func typing(width: Int) -> Typing? {
        let field: TextField
        let label: (text: String, style: Style)
        let left: Int
        if let composer {
            field = composer.field
            label = (" " + TextLayout.pad((composer.editing == nil ? "" : "edit ") + composer.kind.shortName, to: 11) + "›", composer.kind.style)
            left = Self.composerTextLeft
        } else if let question {
            field = question.field
            label = (" " + TextLayout.truncate(question.label, to: width / 2) + " ›", .heading)
            left = DisplayWidth.of(label.text) + 1
        } else {
            return nil
        }
        return Typing(field: field, label: label, left: left, layout: field.layout(width: width - left - 1))
    }

    /// All of the text when it fits; else the rows around the cursor, which is always shown, with
    /// arrows at the right edge saying there is more above or below.
    private func drawField(_ typing: Typing, into frame: inout Frame, in rect: Rect, hints: Rect, session: Session) {
        frame.put(typing.label.text, in: rect, style: typing.label.style)
        if let composer, composer.editing == nil, let theme = (panel(in: session) as? PointsPanel)?.theme {
            let tag = " ◆ " + TextLayout.truncate(theme, to: 24) + " "
            frame.put(tag, row: hints.y, column: hints.right - DisplayWidth.of(tag), style: .heading)
        }
        let layout = typing.layout
        let lines = rect.height
        let firstRow = max(0, min(layout.cursorRow - lines + 1, layout.rows.count - lines))
        let style: Style = typing.field.isAllSelected ? .selected : .plain
        for (offset, row) in layout.rows.dropFirst(firstRow).prefix(lines).enumerated() {
            frame.put(row, in: rect, row: offset, column: typing.left, style: style)
        }
        if firstRow > 0 { frame.put("↑", in: rect, column: rect.width - 1, style: .muted) }
        if firstRow + lines < layout.rows.count { frame.put("↓", in: rect, row: lines - 1, column: rect.width - 1, style: .muted) }
        frame.cursor = (rect.y + layout.cursorRow - firstRow, rect.x + typing.left + layout.cursorColumn)
    }

    /// The hints of what has the keys: the top overlay, else the panel.
    private func hintsShown(session: Session) -> [(key: String, text: String)] {
        top?.hints(keys) ?? panel(in: session).hints(keys)
    }

    /// The facilitator's prompt for the item, wrapped on words onto at most two lines (the second
    /// ending in "…" only when even two cannot hold it).
    private static func promptLines(of item: AgendaItem?, width: Int) -> [String] {
        guard let prompt = item?.prompt, !prompt.isEmpty else { return [] }
        let lines = TextLayout.wrap(prompt, width: width - 2)
        guard lines.count > 2 else { return lines }
        return [lines[0], TextLayout.truncate(lines[1...].joined(separator: " "), to: width - 2)]
    }

    private func drawTitle(into frame: inout Frame, in rect: Rect, session: Session, now: Date) {
        let elapsed = session.sessionElapsed(at: now).map { "session \(ClockText.format($0))" }
        // Whether the session will end on time, always in view (see `AgendaOverlay.schedule`).
        let schedule = session.isEnded ? nil : AgendaOverlay.schedule(of: session, at: now)
        // An ended session is being amended: its end, not a clock.
        let ended = session.details.endedAt.map { "ended \(WallClock.text($0)) · amending" }
        let right = (ended.map { [$0] } ?? [schedule?.text, elapsed].compactMap { $0 }).joined(separator: " · ") + " "
        let badge = session.ruleBadge(for: shownItem(in: session)?.id)
        let rightWidth = DisplayWidth.of(right) + DisplayWidth.of(badge.text) + 1
        frame.titleBar(" Convene · " + session.details.title, limit: max(0, rect.width - rightWidth - 1))
        let badgeColumn = rect.width - rightWidth
        frame.put(badge.text, in: rect, column: badgeColumn, style: badge.style)
        let late = schedule?.late ?? false
        frame.put(right, in: rect, column: badgeColumn + DisplayWidth.of(badge.text) + 1, style: Style(role: late ? .danger : .accent, reverse: true))
    }

    /// Who is in a shared session, on the rule under the header: each name with its role, this
    /// screen's own marked. Nothing when the screen is alone in the session.
    private func drawPresence(_ world: LiveWorld, into frame: inout Frame, in rect: Rect) {
        var parts: [String] = []
        if world.people.count > 1 || world.me.map({ $0.role != .facilitator }) == true {
            let names = world.people.map { person in
                let editing = person.editing.flatMap { world.session.place(ofPoint: $0) }.map { " ✎ \($0)" } ?? ""
                return (person.isSame(as: world.me) ? "you, " : "") + "\(person.name) \(person.role.name)" + editing
            }
            parts.append("\(world.people.count) here: " + names.joined(separator: " · "))
        }
        // What participants proposed, for whoever can take it into the record.
        let waiting = world.session.proposals.count
        if waiting > 0, world.me.map({ $0.role == .facilitator || $0.role == .noteTaker }) != false {
            parts.append("\(Counted.phrase(waiting, "proposal")) waiting (\(keys[.proposals]))")
        }
        // A vote under way, for everyone to take part in.
        if let vote = world.session.votes.elements.last(where: \.isOpen) {
            parts.append("vote open, \(vote.ballots.count) voted (\(keys[.vote]))")
        }
        guard !parts.isEmpty else { return }
        let text = " " + parts.joined(separator: " · ") + " "
        frame.put(TextLayout.truncate(text, to: max(0, rect.width - 2)), in: rect, column: 2, style: .muted)
    }

    private func drawItem(into frame: inout Frame, in rect: Rect, session: Session, now: Date) {
        guard let item = shownItem(in: session), let number = session.itemNumber(item.id) else { return }
        var state = item.startedAt == nil ? "not started · \(keys[.nextItem]) to begin" : item.endedAt != nil ? "ended" : item.isClockRunning ? "▶" : "⏸ paused"
        if viewing != nil, let underWay = session.focusedItem.flatMap({ session.itemNumber($0.id) }) {
            // Looking back (or ahead) while the agenda runs on: say so where the clock would be.
            state = "looking · on \(underWay) · \(keys[.viewCurrent]) back  " + (item.startedAt == nil ? "not started" : item.endedAt != nil ? "ended" : state)
        }
        let (clock, overrun) = ClockText.timebox(of: item, at: now)
        let clockText = "\(state)  \(clock) "
        let clockWidth = DisplayWidth.of(clockText)
        let speaker = session.isUnderRule(item.id) ? "" : item.speaker.map { " — \($0)" } ?? ""
        // Where only part of the session is under the Rule, each item says which it is.
        let mixed = session.isAnyPartUnderRule && !session.isWhollyUnderRule
        // First after the number, so a long title is what gets cut.
        let rule = mixed ? (session.isUnderRule(item.id) ? "under the Rule · " : "attributed · ") : ""
        // Short of room, the title is cut (with "…") before the phase's name, which goes only when
        // the title would keep fewer than a dozen columns.
        let lead = " \(number)/\(session.agenda.count)  \(rule)"
        let phase = " · \(item.phase.displayName)"
        let room = rect.width - clockWidth - 1 - DisplayWidth.of(lead)
        let titleRoom = room - DisplayWidth.of(phase)
        let heading = titleRoom >= 12 || DisplayWidth.of(item.title + speaker) <= titleRoom
            ? TextLayout.truncate(item.title + speaker, to: titleRoom) + phase
            : TextLayout.truncate(item.title + speaker, to: room)
        frame.put(lead + heading, row: rect.y, column: rect.x, style: .heading, limit: rect.width - clockWidth - 1)
        // An alert flashes the clock: reversed for a few seconds.
        let flashing = clockFlashUntil.map { now < $0 } ?? false
        let clockStyle = flashing ? Style(role: .danger, bold: true, reverse: true) : overrun ? .danger : .plain
        frame.put(clockText, in: rect, column: rect.width - clockWidth, style: clockStyle)
    }

    /// Wide enough for the longest title with its mark, number and minutes, within a third of the screen.
    static func agendaPanelWidth(for session: Session, width: Int) -> Int {
        let widest = session.agenda.elements.enumerated().map { offset, item in
            DisplayWidth.of("▶ \(offset + 1) \(item.title)") + 1 + DisplayWidth.of(agendaMinutes(item)) + 2
        }.max() ?? 0
        return min(max(agendaPanelMinimumWidth, widest), max(agendaPanelMinimumWidth, width / 3))
    }

    private static func agendaMinutes(_ item: AgendaItem) -> String {
        item.isSkipped ? "skip" : item.actualMinutes.map { "\($0)/\(item.timebox)" } ?? "\(item.timebox)"
    }

    private func drawAgenda(into frame: inout Frame, in rect: Rect, session: Session) {
        let items = session.agenda.elements
        let focused = session.focusedItem?.id
        let shown = shownItem(in: session)?.id
        let focus = items.firstIndex { $0.id == shown } ?? 0
        ListView(noun: ("item", "items"), keys: nil, target: { .agendaItem(items[$0].id) })
            .draw(count: items.count, focus: .selected(focus), into: &frame, in: rect) { index in
            let item = items[index]
            let mark = item.agendaMark(current: focused)
            let minutes = Self.agendaMinutes(item)
            let label = TextLayout.pad("\(mark) \(index + 1) \(item.title)", to: rect.width - DisplayWidth.of(minutes) - 1)
            let style: Style = item.id == shown ? .heading : item.endedAt != nil || item.isSkipped ? .muted : .plain
            return [ListRow(label + " " + minutes, style: style, highlights: false)]
        }
    }
}
