import ConveneCore
import Foundation

extension KeyMap {
    /// Following is read-only: the only key closes it.
    public static let follow: [KeyBinding<FollowEffect>] = [
        KeyBinding(keys: [.character("q")], action: .close, help: "stop following", hint: "quit"),
    ]
}

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

/// `convene follow`: what a second screen or a projector shows of a session under way, read-only.
public struct FollowScreen: Sendable {
    public private(set) var session: Session
    public private(set) var status = StatusLine("Following · read-only")
    public static let minimumSize = (width: 40, height: 8)

    public init(session: Session) {
        self.session = session
    }

    /// Every tick and key re-reads the session; q closes.
    public mutating func update(_ message: Message<FollowOutcome>) -> [FollowEffect] {
        switch message {
        case .key(let key) where KeyMap.action(for: key, in: KeyMap.follow) == .close: return [.close]
        case .key, .tick, .resize, .returned: return [.refresh]
        case .outcome(.refreshed(let latest, let time)):
            session = latest
            status = StatusLine("Following · read-only · updated \(time.formatted(date: .omitted, time: .standard))")
        case .outcome(.unreadable(let problem)):
            status = StatusLine("Cannot read the session now: \(problem)", isError: true)
        }
        return []
    }

    public func render(now: Date, width: Int, height: Int) -> Frame {
        var frame = Frame(width: width, height: height)
        let badge = session.ruleBadge(for: session.currentItem?.id)
        let clock = session.sessionElapsed(at: now).map { " session \(ClockText.format($0)) " } ?? ""
        let right = DisplayWidth.of(badge.text) + DisplayWidth.of(clock)
        frame.titleBar(" " + session.details.title, limit: width - right - 1)
        frame.put(badge.text, row: 0, column: width - right, style: badge.style)
        frame.put(clock, row: 0, column: width - DisplayWidth.of(clock), style: Style(role: .accent, reverse: true))

        if let item = session.currentItem, let number = session.itemNumber(item.id) {
            let (timing, over) = ClockText.timebox(of: item, at: now)
            frame.put(" Now: \(number)/\(session.agenda.count)  \(item.title) · \(item.phase.displayName)", row: 2, column: 0,
                      style: .heading, limit: width - DisplayWidth.of(timing) - 2)
            frame.put(timing + " ", row: 2, column: width - DisplayWidth.of(timing) - 1, style: over ? .danger : .plain)
            if let next = session.agenda.elements.first(where: { $0.startedAt == nil }) {
                frame.put(" Next: \(next.title)", row: 3, column: 0, style: .muted, limit: width - 2)
            }
        } else {
            let started = session.agenda.elements.contains { $0.startedAt != nil }
            frame.put(started ? " The agenda is complete." : " Not started yet.", row: 2, column: 0, style: .heading)
        }
        frame.put(String(repeating: "─", count: width), row: 4, column: 0, style: .muted)

        // The newest points, newest at the bottom, as many as fit.
        let list = frame.bounds.inset(left: 1, right: 1, top: 5, bottom: 2)
        ListView(noun: ("point", "points"), keys: nil).draw(count: session.points.count, focus: .newest, into: &frame, in: list) { index in
            guard let point = session.points[session.points.ids[index]] else { return [] }
            let speaker = session.isUnderRule(point.item) ? nil : point.speaker
            return WordWrap.lines(point.text + (speaker.map { " — \($0)" } ?? ""), width: max(10, list.width - 10)).enumerated().map { line, text in
                ListRow(text, indent: 10, lead: line == 0 ? Span(point.kind.shortName, point.kind.style) : nil, highlights: false)
            }
        }
        if session.points.isEmpty { frame.put("No points yet.", row: 6, column: 2, style: .muted) }
        // The status on the left, the hint at the right: a projector shows little else.
        let hints = KeyMap.hints(KeyMap.follow)
        let hintWidth = hints.reduce(0) { $0 + DisplayWidth.of($1.key) + DisplayWidth.of($1.text) + 3 }
        let bottom = frame.bounds.row(-1).columns([.flexible(), .fixed(hintWidth)])
        status.draw(into: &frame, in: bottom[0])
        frame.hintLine(hints, row: bottom[1].y, from: bottom[1].x)
        return frame
    }
}
