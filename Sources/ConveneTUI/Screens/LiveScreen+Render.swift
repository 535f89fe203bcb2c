import ConveneCore
import Foundation

extension LiveScreen {
    /// The smallest terminal the live screen lays out in; below it a notice asks for more room.
    public static let minimumSize = (width: 60, height: 12)
    /// Wide enough to show the agenda beside the points.
    static let agendaPanelThreshold = 100
    /// The agenda beside the points is at least this wide, and wider where its titles need it.
    static let agendaPanelMinimumWidth = 30
    /// Where the composer's text starts, after its kind label.
    static let composerTextLeft = 14

    public func render(session: Session, now: Date, width: Int, height: Int) -> Frame {
        var frame = Frame(width: width, height: height)
        guard width >= Self.minimumSize.width, height >= Self.minimumSize.height else {
            TooSmallNotice.draw(into: &frame, minimum: Self.minimumSize)
            return frame
        }
        let promptLines = Self.promptLines(of: session.focusedItem, width: width)
        drawHeader(into: &frame, session: session, now: now, promptLines: promptLines)
        let composerLines = fieldRows(width: width, height: height) - 1
        let bodyTop = 3 + max(1, promptLines.count)
        let bodyBottom = height - 3 - composerLines // exclusive
        var pointsLeft = 0
        if width >= Self.agendaPanelThreshold {
            let panelWidth = Self.agendaPanelWidth(for: session, width: width)
            drawAgenda(into: &frame, session: session, top: bodyTop, bottom: bodyBottom, width: panelWidth)
            for row in bodyTop..<bodyBottom { frame.put("│", row: row, column: panelWidth, style: .muted) }
            pointsLeft = panelWidth + 2
        }
        let body = (top: bodyTop, bottom: bodyBottom, left: pointsLeft)
        if mode == .disclosure {
            drawDisclosure(into: &frame, session: session, area: body)
        } else if mode == .attendees || isAnsweringForAttendees {
            // While a name or organisation is typed, the list it goes into stays in view.
            drawAttendees(into: &frame, session: session, area: body)
        } else if let item = session.focusedItem, item.phase == .divergence {
            drawDivergence(into: &frame, session: session, area: body)
        } else if let item = session.focusedItem, item.phase == .contextAssessment {
            drawContexts(into: &frame, session: session, area: body)
        } else if let item = session.focusedItem, !item.checklist.isEmpty {
            drawChecklist(into: &frame, item: item, area: body)
        } else {
            drawPoints(into: &frame, session: session, area: body)
        }
        frame.put(String(repeating: "─", count: width), row: bodyBottom, column: 0, style: .muted)
        if isComposing, let status {
            // The prompt holds the status row, so what was last said (a problem with what was
            // typed, or what to do next) shows just above it.
            frame.put(" " + TextLayout.truncate(status.text, to: width - 4) + " ", row: bodyBottom, column: 1,
                      style: status.isError ? .danger : Style(role: .success))
        }
        drawComposerOrStatus(into: &frame, top: bodyBottom + 1, lines: composerLines + 1)
        drawHints(into: &frame, row: height - 1, session: session)
        if mode == .help { HelpOverlay.draw(into: &frame, offset: helpOffset) }
        return frame
    }

    private var isAnsweringForAttendees: Bool {
        if case .prompting(let prompt) = mode { return prompt.purpose.returnsToAttendees }
        return false
    }

    /// The field being typed in (the composer's or a prompt's), laid out for a frame `width` wide,
    /// with the column its text starts at: the same for measuring and drawing.
    private func typing(width: Int) -> (field: TextField, left: Int, layout: TextField.Layout)? {
        let (field, left): (TextField, Int)
        switch mode {
        case .composing(let composer): (field, left) = (composer.field, Self.composerTextLeft)
        case .prompting(let prompt): (field, left) = (prompt.field, DisplayWidth.of(Self.promptLabel(prompt, width: width)) + 1)
        default: return nil
        }
        return (field, left, field.layout(width: width - left - 1))
    }

    private static func promptLabel(_ prompt: Prompt, width: Int) -> String {
        " " + TextLayout.truncate(prompt.label, to: width / 2) + " ›"
    }

    /// Rows for the field being typed (at least the one the status uses otherwise): all its text,
    /// up to half the screen while leaving the body a few rows.
    private func fieldRows(width: Int, height: Int) -> Int {
        guard let typing = typing(width: width) else { return 1 }
        return min(typing.layout.rows.count, max(1, min(height / 2, height - 10)))
    }

    /// The facilitator's prompt for the item, wrapped on words onto at most two lines (the second
    /// ending in "…" only when even two cannot hold it).
    private static func promptLines(of item: AgendaItem?, width: Int) -> [String] {
        guard let prompt = item?.prompt, !prompt.isEmpty else { return [] }
        let lines = TextLayout.wrap(prompt, width: width - 2)
        guard lines.count > 2 else { return lines }
        return [lines[0], TextLayout.truncate(lines[1...].joined(separator: " "), to: width - 2)]
    }

    private func drawHeader(into frame: inout Frame, session: Session, now: Date, promptLines: [String]) {
        let width = frame.width
        var right = ""
        if let elapsed = session.sessionElapsed(at: now) { right = "session \(ClockText.format(elapsed)) " }
        let badge = session.details.ruleBadge
        let rightWidth = DisplayWidth.of(right) + DisplayWidth.of(badge.text) + 1
        frame.titleBar(" Convene · " + session.details.title, limit: max(0, width - rightWidth - 1))
        let badgeColumn = width - rightWidth
        frame.put(badge.text, row: 0, column: badgeColumn, style: badge.style)
        frame.put(right, row: 0, column: badgeColumn + DisplayWidth.of(badge.text) + 1, style: Style(role: .accent, reverse: true))

        guard let item = session.focusedItem, let number = session.itemNumber(item.id) else { return }
        let state = item.startedAt == nil ? "not started · n to begin" : item.endedAt != nil ? "ended" : item.isClockRunning ? "▶" : "⏸ paused"
        let (clock, overrun) = ClockText.timebox(of: item, at: now)
        let clockText = "\(state)  \(clock) "
        let clockWidth = DisplayWidth.of(clockText)
        let speaker = session.details.chathamHouse ? "" : item.speaker.map { " — \($0)" } ?? ""
        frame.put(" \(number)/\(session.agenda.count)  \(item.title)\(speaker) · \(item.phase.displayName)", row: 1, column: 0,
                  style: .heading, limit: width - clockWidth - 1)
        frame.put(clockText, row: 1, column: width - clockWidth, style: overrun ? .danger : .plain)
        for (offset, line) in promptLines.enumerated() {
            frame.put(" " + line, row: 2 + offset, column: 0, style: .muted)
        }
        frame.put(String(repeating: "─", count: width), row: 2 + max(1, promptLines.count), column: 0, style: .muted)
    }

    /// Wide enough for the longest title with its mark, number and minutes, within a third of the screen.
    static func agendaPanelWidth(for session: Session, width: Int) -> Int {
        let items = session.agenda.elements
        let widest = items.enumerated().map { offset, item in
            DisplayWidth.of("▶ \(offset + 1) \(item.title)") + 1 + DisplayWidth.of(Self.agendaMinutes(item)) + 2
        }.max() ?? 0
        return min(max(agendaPanelMinimumWidth, widest), max(agendaPanelMinimumWidth, width / 3))
    }

    private static func agendaMinutes(_ item: AgendaItem) -> String {
        item.actualMinutes.map { "\($0)/\(item.minutes)" } ?? "\(item.minutes)"
    }

    private func drawAgenda(into frame: inout Frame, session: Session, top: Int, bottom: Int, width: Int) {
        let focused = session.focusedItem?.id
        for (offset, item) in session.agenda.elements.enumerated() where top + offset < bottom {
            let mark = item.id == focused ? "▶" : item.endedAt != nil ? "✓" : " "
            let minutes = Self.agendaMinutes(item)
            let label = TextLayout.pad("\(mark) \(offset + 1) \(item.title)", to: width - DisplayWidth.of(minutes) - 2)
            let style: Style = item.id == focused ? .heading : item.endedAt != nil ? .muted : .plain
            frame.put(label + " " + minutes, row: top + offset, column: 0, style: style, limit: width - 1)
        }
    }

    private typealias PointRow = (text: String, style: Style, tag: (String, Style)?, point: EntityID?)

    private func drawPoints(into frame: inout Frame, session: Session, area: Area) {
        let (top, bottom, left) = area
        let ids = session.pointIDs(in: session.focusedItem?.id)
        let width = frame.width - left
        guard !ids.isEmpty else {
            let hint = session.details.chathamHouse
                ? "No points yet. Press a to add one; nothing is attributed under the Chatham House Rule."
                : "No points yet. Press a to add one."
            for (offset, line) in TextLayout.wrap(hint, width: width - 2).enumerated() where top + 1 + offset < bottom {
                frame.put(line, row: top + 1 + offset, column: left + 1, style: .muted)
            }
            return
        }
        // Only the points that can show are laid out, from the selection (or the newest point)
        // outwards, so a frame costs the same with ten points or ten thousand.
        let focus = selection.flatMap { ids.lastIndex(of: $0) } ?? ids.count - 1
        let tagWidth = 10
        func rows(at index: Int) -> [PointRow] {
            guard let point = session.points[ids[index]] else { return [] }
            var rows: [PointRow] = []
            let previousTheme = index > 0 ? session.points[ids[index - 1]]?.theme : nil
            if let theme = point.theme, theme != previousTheme { rows.append(("◆ " + theme, .heading, nil, nil)) }
            for (line, text) in TextLayout.wrap(point.text, width: max(1, width - tagWidth - 1)).enumerated() {
                rows.append((text, .plain, line == 0 ? (point.kind.tag, point.kind.style) : nil, point.id))
            }
            return rows
        }
        /// The rows around the focused point that fill `visibleRows`, the first of them to show,
        /// and which points lie wholly before and after them.
        func window(_ visibleRows: Int) -> (rows: [PointRow], first: Int, before: Int, after: Int) {
            var laidOut = rows(at: focus)
            var focusEnd = laidOut.count // rows up to and including the focused point
            var before = focus - 1
            while before >= 0 && focusEnd < visibleRows {
                let earlier = rows(at: before)
                laidOut.insert(contentsOf: earlier, at: 0)
                focusEnd += earlier.count
                before -= 1
            }
            var after = focus + 1
            while after < ids.count && laidOut.count < focusEnd + visibleRows {
                laidOut += rows(at: after)
                after += 1
            }
            return (laidOut, max(0, min(focusEnd - visibleRows, laidOut.count - visibleRows)), before, after)
        }
        var contentTop = top
        var visibleRows = bottom - top
        var shown = window(visibleRows)
        let overflows = shown.before >= 0 || shown.after < ids.count || shown.rows.count > visibleRows
        if overflows {
            // A row above and a row below say how many points are out of view: they never cover text.
            contentTop += 1
            visibleRows = max(1, visibleRows - 2)
            shown = window(visibleRows)
        }
        let visible = shown.rows.dropFirst(shown.first).prefix(visibleRows)
        for (offset, row) in visible.enumerated() {
            let y = contentTop + offset
            let selected = row.point != nil && row.point == selection
            if let tag = row.tag { frame.put(tag.0, row: y, column: left + 1, style: tag.1) }
            frame.put(row.text, row: y, column: left + (row.point == nil ? 1 : tagWidth), style: selected ? .selected : row.style)
            if selected { frame.fill(row: y, from: left + tagWidth - 1, style: .selected) }
        }
        guard overflows else { return }
        // Points with at least a row on screen count as shown.
        let shownPoints = visible.compactMap(\.point)
        let above = shownPoints.first.flatMap { ids.firstIndex(of: $0) } ?? focus
        let below = ids.count - 1 - (shownPoints.last.flatMap { ids.lastIndex(of: $0) } ?? focus)
        let marker = Style(role: .muted)
        if above > 0 { frame.put("↑ \(above) more point\(above == 1 ? "" : "s") · k", row: top, column: left + 1, style: marker) }
        if below > 0 { frame.put("↓ \(below) more point\(below == 1 ? "" : "s") · j", row: bottom - 1, column: left + 1, style: marker) }
    }

    private func drawComposerOrStatus(into frame: inout Frame, top: Int, lines: Int) {
        guard let typing = typing(width: frame.width) else {
            if let status {
                frame.put(" " + status.text, row: top, column: 0, style: status.isError ? .danger : Style(role: .success))
            }
            return
        }
        switch mode {
        case .prompting(let prompt):
            frame.put(Self.promptLabel(prompt, width: frame.width), row: top, column: 0, style: .heading)
        case .composing(let composer):
            let label = (composer.editing == nil ? "" : "edit ") + composer.kind.tag
            frame.put(" " + TextLayout.pad(label, to: 11) + "›", row: top, column: 0, style: composer.kind.style)
            if let theme, composer.editing == nil {
                let tag = " ◆ " + TextLayout.truncate(theme, to: 24) + " "
                frame.put(tag, row: frame.height - 1, column: frame.width - DisplayWidth.of(tag), style: .heading)
            }
        default:
            break
        }
        // All of the text when it fits; else the rows around the cursor, which is always shown.
        let layout = typing.layout
        let firstRow = max(0, min(layout.cursorRow - lines + 1, layout.rows.count - lines))
        let style: Style = typing.field.isAllSelected ? .selected : .plain
        for (offset, row) in layout.rows.dropFirst(firstRow).prefix(lines).enumerated() {
            frame.put(row, row: top + offset, column: typing.left, style: style)
        }
        if firstRow > 0 { frame.put("↑", row: top, column: frame.width - 1, style: .muted) }
        if firstRow + lines < layout.rows.count { frame.put("↓", row: top + lines - 1, column: frame.width - 1, style: .muted) }
        frame.cursor = (top + layout.cursorRow - firstRow, typing.left + layout.cursorColumn)
    }

    private func drawHints(into frame: inout Frame, row: Int, session: Session) {
        let hints = switch mode {
        case .composing: KeyMap.hints(KeyMap.compose)
        case .prompting(let prompt): KeyMap.hints(KeyMap.prompt).filter { $0.key != "Ctrl-J" || prompt.purpose.allowsLineBreaks }
        case .attendees: KeyMap.hints(KeyMap.attendees)
        case .disclosure: KeyMap.hints(KeyMap.disclosure)
        default: session.focusedItem?.phase == .divergence
            ? KeyMap.hints(KeyMap.live).prefix(4) + KeyMap.hints(KeyMap.divergence)
            : KeyMap.hints(KeyMap.live)
        }
        frame.hintLine(hints, row: row)
    }
}
