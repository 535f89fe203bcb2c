import ConveneCore
import Foundation

/// What the follow view asks its scene to do.
public enum FollowEffect: Hashable, Sendable {
    /// Re-read the session; the answer comes back as an outcome.
    case refresh
    case close
}

/// How a re-read went.
public enum FollowOutcome: Sendable {
    /// The session as it now is on disk, and the time it was read.
    case refreshed(Session, at: Date)
    case unreadable(String)
}

/// `convene follow`: what a second screen or a projector shows of a session under way, read-only:
/// the item under way with its prompt and clock (in large type when there is room), and below it
/// what the room is working on: the contexts on Ebrahim's 2×2 while they are rated, the divergence
/// table while it is filled, else the newest points. With `showsPoints` off (a projector in a room
/// under the Chatham House Rule) it shows only the agenda and the clock.
public struct FollowScreen: Screen {
    public private(set) var session: Session
    public private(set) var status = StatusLine("Following · read-only")
    public let showsPoints: Bool
    public static let minimumSize = (width: 40, height: 8)
    /// Room for the clock in large type and the prompt beside it.
    static let largeType = (width: 90, height: 24)

    /// The keys: only closing, as following is read-only.
    public let keys: KeyMap

    public init(session: Session, showsPoints: Bool = true, keys: KeyMap = .standard) {
        self.keys = keys
        self.session = session
        self.showsPoints = showsPoints
    }

    /// Every tick and key re-reads the session; the quit key (or Esc) closes. The world is the time.
    public mutating func update(_ message: Message<FollowOutcome>, in now: Date) -> [FollowEffect] {
        switch message {
        case .key(let key) where KeyMap.action(for: key, in: keys.follow) == .close: return [.close]
        case .key, .tick, .resize, .returned: return [.refresh]
        case .outcome(.refreshed(let latest, let time)):
            session = latest
            status = StatusLine("Following · read-only · updated \(time.formatted(date: .omitted, time: .standard))")
        case .outcome(.unreadable(let problem)):
            status = StatusLine("Cannot read the session now: \(problem)", isError: true)
        }
        return []
    }

    public func render(_ now: Date, into frame: inout Frame) {
        let (width, height) = (frame.width, frame.height)
        let badge = session.ruleBadge(for: session.currentItem?.id)
        let clock = session.sessionElapsed(at: now).map { " session \(ClockText.format($0)) " } ?? ""
        let right = DisplayWidth.of(badge.text) + DisplayWidth.of(clock)
        frame.titleBar(" " + session.details.title, limit: width - right - 1)
        frame.put(badge.text, row: 0, column: width - right, style: badge.style)
        frame.put(clock, row: 0, column: width - DisplayWidth.of(clock), style: Style(role: .accent, reverse: true))

        let large = width >= Self.largeType.width && height >= Self.largeType.height
        let headerRows = drawItem(into: &frame, now: now, large: large)
        frame.put(String(repeating: "─", count: width), row: headerRows, column: 0, style: .muted)
        let body = frame.bounds.inset(left: 1, right: 1, top: headerRows + 1, bottom: 2)
        drawBody(into: &frame, in: body)

        // The status on the left, the hint at the right: a projector shows little else.
        let hints = KeyMap.hints(keys.follow)
        let hintWidth = hints.reduce(0) { $0 + DisplayWidth.of($1.key) + DisplayWidth.of($1.text) + 3 }
        let bottom = frame.bounds.row(-1).columns([.flexible(), .fixed(hintWidth)])
        status.draw(into: &frame, in: bottom[0])
        frame.hintLine(hints, row: bottom[1].y, from: bottom[1].x)
    }

    /// The item under way, its prompt and its clock (the time left, large when there is room);
    /// returns the rows it took below the title bar.
    private func drawItem(into frame: inout Frame, now: Date, large: Bool) -> Int {
        let width = frame.width
        guard let item = session.currentItem, let number = session.itemNumber(item.id) else {
            let started = session.agenda.elements.contains { $0.startedAt != nil }
            frame.put(started ? " The agenda is complete." : " Not started yet.", row: 2, column: 0, style: .heading)
            return 4
        }
        let (timing, over) = ClockText.timebox(of: item, at: now)
        // What `n` will start, as the facilitator's screen sees it.
        let next = session.nextItem.map { " Next: \($0.title)" }
        guard large else {
            frame.put(" Now: \(number)/\(session.agenda.count)  \(item.title) · \(item.phase.displayName)", row: 2, column: 0,
                      style: .heading, limit: width - DisplayWidth.of(timing) - 2)
            frame.put(timing + " ", row: 2, column: width - DisplayWidth.of(timing) - 1, style: over ? .danger : .plain)
            if let next { frame.put(next, row: 3, column: 0, style: .muted, limit: width - 2) }
            return 4
        }
        // The time left (or over) in large type at the right; the item and its prompt at the left.
        let left = item.timeLeft(at: now)
        let big = (left < 0 ? "+" : "") + ClockText.format(abs(left))
        let bigWidth = BigDigits.width(big)
        for (offset, line) in BigDigits.lines(big).enumerated() {
            frame.put(line, row: 2 + offset, column: width - bigWidth - 2, style: over ? .danger : .heading)
        }
        frame.put(left < 0 ? "over its \(item.timebox) min" : "left of \(item.timebox) min", row: 2 + BigDigits.height,
                  column: width - bigWidth - 2, style: over ? .danger : .muted)
        let textWidth = width - bigWidth - 6
        frame.put(" Now: \(number)/\(session.agenda.count)  \(item.title)", row: 2, column: 0, style: .heading, limit: textWidth)
        frame.put(" \(item.phase.displayName)", row: 3, column: 0, style: .muted, limit: textWidth)
        let prompt = TextLayout.wrap(item.prompt, width: max(10, textWidth - 2)).prefix(3)
        for (offset, line) in prompt.enumerated() { frame.put(" " + line, row: 5 + offset, column: 0, limit: textWidth) }
        if let next { frame.put(next, row: 2 + BigDigits.height + 1, column: 0, style: .muted, limit: textWidth) }
        return 2 + BigDigits.height + 3
    }

    /// What the room is working on, or the agenda alone.
    private func drawBody(into frame: inout Frame, in rect: Rect) {
        guard showsPoints else { return drawAgenda(into: &frame, in: rect) }
        let item = session.currentItem
        // A vote under way, or the one just held on this item: what the room is looking at.
        if let vote = session.votes.elements.last(where: { $0.isOpen || $0.item == session.focusedItem?.id }) {
            return drawVote(vote, into: &frame, in: rect)
        }
        let contexts = session.contexts.elements.filter { $0.item == nil || $0.item == item?.id }
        if item?.phase == .contextAssessment, !contexts.isEmpty {
            return drawContexts(contexts, into: &frame, in: rect)
        }
        if item?.phase == .divergence, let topic = session.topics.elements.last(where: { $0.item == item?.id }) {
            let drawn = DivergenceTable(topic: topic, cursor: nil, position: "").draw(width: rect.width)
            guard drawn.frame.height > rect.height, rect.height > 1 else {
                return frame.paste(drawn.frame, from: 0, rows: drawn.frame.height, to: rect.y, column: rect.x)
            }
            // The newest rows are what is being filled: the end of the table, saying what is above it.
            let shown = rect.height - 1
            let above = drawn.frame.height - shown
            frame.put("↑ \(Counted.phrase(above, "more line")) of ‘\(topic.title)’ above", row: rect.y, column: rect.x + 1,
                      style: .muted, limit: rect.width - 2)
            frame.paste(drawn.frame, from: above, rows: shown, to: rect.y + 1, column: rect.x)
            return
        }
        // Before the first item starts, the points captured under no item (a script's, a note-taker's).
        drawPoints(of: item?.id, into: &frame, in: rect)
    }

    /// A dot vote's totals, most first, as bars.
    private func drawVote(_ vote: Vote, into frame: inout Frame, in rect: Rect) {
        let state = vote.isOpen ? "voting · \(Counted.phrase(vote.ballots.count, "person")) voted so far"
            : "closed · \(Counted.phrase(vote.ballots.count, "person")) voted"
        frame.put(TextLayout.truncate("\(vote.question) · \(state)", to: rect.width - 2), row: rect.y, column: rect.x + 1, style: .heading)
        let ranked = vote.ranked
        let most = max(1, ranked.first?.dots ?? 1)
        let barWidth = max(4, rect.width / 3)
        for (index, entry) in ranked.enumerated().prefix(max(0, rect.height - 2)) {
            let bar = String(repeating: "█", count: entry.dots * barWidth / most)
            let line = TextLayout.pad("\(entry.dots)", to: 4) + TextLayout.pad(bar, to: barWidth) + "  " + entry.option
            frame.put(TextLayout.truncate(line, to: rect.width - 2), row: rect.y + 2 + index, column: rect.x + 1)
        }
    }

    /// The 2×2 with each rated context's number where its ratings put it, and the names beside it.
    private func drawContexts(_ contexts: [ContextAssessment], into frame: inout Frame, in rect: Rect) {
        let gridWidth = min(rect.width, max(30, rect.width * 3 / 5))
        let grid = Rect(x: rect.x, y: rect.y, width: gridWidth, height: min(rect.height, 20))
        QuadrantGrid(contexts: contexts, guide: session.quadrantGuide, selected: nil).draw(into: &frame, in: grid)
        let list = Rect(x: rect.x + gridWidth + 2, y: rect.y, width: max(0, rect.width - gridWidth - 2), height: rect.height)
        guard list.width >= 12 else { return }
        for (index, context) in contexts.enumerated().prefix(list.height) {
            let ratings = context.ratings.count
            let rated = ratings == 0 ? "not rated yet" : "\(ratings) rating\(ratings == 1 ? "" : "s")"
            frame.put(TextLayout.truncate("\(index < 9 ? String(index + 1) : "•") \(context.name) · \(rated)", to: list.width),
                      row: list.y + index, column: list.x, style: ratings == 0 ? .muted : .plain)
        }
    }

    /// The newest points of `item`, newest at the bottom, as many as fit, under their themes and
    /// sub-themes as the live screen groups them.
    private func drawPoints(of item: EntityID?, into frame: inout Frame, in list: Rect) {
        let ids = session.pointIDs(in: item)
        ListView(noun: ("point", "points"), keys: nil).draw(count: ids.count, focus: .newest, into: &frame, in: list) { index in
            guard let point = session.points[ids[index]] else { return [] }
            let previous = index > 0 ? session.points[ids[index - 1]] : nil
            var rows: [ListRow] = []
            if let theme = point.theme, theme != previous?.theme {
                rows.append(ListRow(TextLayout.truncate("◆ " + theme, to: list.width - 2), style: .heading, indent: 1, highlights: false))
            }
            if let subtheme = point.subtheme, subtheme != previous?.subtheme || point.theme != previous?.theme {
                rows.append(ListRow(TextLayout.truncate("◇ " + subtheme, to: list.width - 4), style: .heading, indent: 3, highlights: false))
            }
            let speaker = session.isUnderRule(point.item) ? nil : point.speaker
            return rows + WordWrap.lines(point.text + (speaker.map { " — \($0)" } ?? ""), width: max(10, list.width - 10)).enumerated().map { line, text in
                ListRow(text, indent: 10, lead: line == 0 ? Span(point.kind.shortName, point.kind.style) : nil, highlights: false)
            }
        }
        if ids.isEmpty { frame.put(item == nil ? "No points yet." : "No points on this item yet.", row: list.y + 1, column: list.x + 1, style: .muted) }
    }

    /// The agenda with its minutes, the item under way marked: all a projector shows under `--no-points`.
    private func drawAgenda(into frame: inout Frame, in rect: Rect) {
        let current = session.currentItem?.id
        for (index, item) in session.agenda.elements.enumerated().prefix(rect.height) {
            let mark = item.agendaMark(current: current)
            let minutes = item.isSkipped ? "skipped" : "\(item.timebox) min"
            let label = TextLayout.pad("\(mark) \(index + 1)  \(item.title)", to: max(10, rect.width - DisplayWidth.of(minutes) - 2))
            let style: Style = item.id == current ? .heading : item.endedAt != nil || item.isSkipped ? .muted : .plain
            frame.put(label + "  " + minutes, row: rect.y + index, column: rect.x, style: style, limit: rect.width)
        }
    }
}
