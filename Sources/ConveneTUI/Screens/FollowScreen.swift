import ConveneCore
import Foundation

/// Where a followed session comes from: the journal, re-read when it changes.
public protocol FollowBackend: AnyObject {
    /// The session as it is now on disk, or nil when it has not changed since the last call.
    func refreshed() throws -> Session?
}

/// `convene follow`: what a second screen or a projector shows of a session under way, read-only.
public struct FollowScreen: Sendable {
    public init() {}

    public func render(session: Session, now: Date, status: String, width: Int, height: Int) -> Frame {
        var frame = Frame(width: width, height: height)
        guard width >= 40, height >= 8 else {
            TooSmallNotice.draw(into: &frame, minimum: (40, 8))
            return frame
        }
        let badge = session.details.ruleBadge
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
            let speaker = session.details.chathamHouse ? nil : point.speaker
            return WordWrap.lines(point.text + (speaker.map { " — \($0)" } ?? ""), width: max(10, list.width - 10)).enumerated().map { line, text in
                ListRow(text, indent: 10, lead: line == 0 ? Span(point.kind.tag, point.kind.style) : nil, highlights: false)
            }
        }
        if session.points.isEmpty { frame.put("No points yet.", row: 6, column: 2, style: .muted) }
        frame.put(" " + status, row: height - 1, column: 0, style: .muted)
        frame.put("q quit ", row: height - 1, column: width - 7, style: .key)
        return frame
    }
}

/// The follow view's loop: re-reads the session at least twice a second and redraws.
public final class FollowApp {
    private let terminal: any TerminalDevice
    private let backend: any FollowBackend
    private let clock: () -> Date
    private var session: Session
    private var status = "Following · read-only"

    public init(terminal: any TerminalDevice, backend: any FollowBackend, session: Session, clock: @escaping () -> Date) {
        self.terminal = terminal
        self.backend = backend
        self.session = session
        self.clock = clock
    }

    public func run(shouldStop: () -> Bool = { false }) {
        while !shouldStop() {
            refresh()
            draw()
            if terminal.nextKey(timeoutMilliseconds: 400) == .character("q") { return }
        }
    }

    /// Takes in what the writer has committed since the last look.
    public func refresh() {
        do {
            if let latest = try backend.refreshed() {
                session = latest
                let time = clock().formatted(date: .omitted, time: .standard)
                status = "Following · read-only · updated \(time)"
            }
        } catch {
            status = "Cannot read the session now: \(error)"
        }
    }

    public func draw() {
        let size = terminal.size
        terminal.draw(FollowScreen().render(session: session, now: clock(), status: status, width: size.width, height: size.height))
    }
}
