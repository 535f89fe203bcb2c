import ConveneCore
import Foundation

/// A template as the home screen offers it.
public struct TemplateListing: Equatable, Sendable {
    public var name: String
    public var title: String
    public var summary: String
    public var chathamHouse: Bool
    public var items: Int
    public var minutes: Int

    public init(name: String, title: String, summary: String, chathamHouse: Bool, items: Int, minutes: Int) {
        self.name = name
        self.title = title
        self.summary = summary
        self.chathamHouse = chathamHouse
        self.items = items
        self.minutes = minutes
    }
}

/// What the home screen reads: the sessions and templates as last listed, and where they are.
public struct HomeWorld: Sendable {
    public var sessions: [SessionSummary]
    public var templates: [TemplateListing]
    /// The sessions folder, shown in the header.
    public var folder: String

    public init(sessions: [SessionSummary], templates: [TemplateListing], folder: String) {
        self.sessions = sessions
        self.templates = templates
        self.folder = folder
    }
}

/// Where a session made from the home screen starts: a template, or the session it follows.
public enum NewSessionSource: Equatable, Sendable {
    case template(String)
    /// The next session of `folder`'s series, carrying its people and what it left open.
    case followUp(folder: String, title: String)
}

public enum HomeEffect: Equatable, Sendable {
    /// Open the session live (an ended one to be amended).
    case open(folder: String)
    /// Open its notes in the reader.
    case read(folder: String)
    /// Follow it as it runs, read-only.
    case follow(folder: String)
    /// Search the archive: the review list, searching.
    case search
    case create(NewSessionSource, title: String, date: String)
    /// List the sessions again (back from a session opened from here).
    case reload
    case quit
}

/// How a home effect turned out, sent back to the home screen.
public enum HomeOutcome: Equatable, Sendable {
    /// The live session opened from here has closed.
    case closed(folder: String)
    case notOpened(String)
    case notCreated(String)
    /// A problem found reading the sessions folder or the templates.
    case problem(String)
}

/// `convene` with no arguments: the saved sessions, and a new session from a template.
public struct HomeScreen: Screen {
    public enum Mode: Equatable, Sendable {
        case list
        case choosingTemplate(index: Int)
        case naming(NewSessionSource, title: TextField)
        case dating(NewSessionSource, title: String, date: TextField)
        /// The keys, scrolled to `offset`.
        case help(offset: Int)
    }

    public internal(set) var mode: Mode = .list
    public internal(set) var selection = 0
    public internal(set) var status: StatusLine?
    let today: String
    /// The template `N` starts on (config.toml's `[new] template`), else the first.
    let defaultTemplate: String?
    public static let minimumSize = (width: 40, height: 8)

    /// The home screen's keys, its help's and its form's.
    public let keys: KeyMap

    public init(today: String, defaultTemplate: String? = nil, keys: KeyMap = .standard) {
        self.keys = keys
        self.today = today
        self.defaultTemplate = defaultTemplate
    }

    private mutating func report(_ text: String, isError: Bool = false) {
        status = StatusLine(text, isError: isError)
    }

    public mutating func update(_ message: Message<HomeOutcome>, in world: HomeWorld) -> [HomeEffect] {
        switch message {
        case .key(let key): return handle(key, sessions: world.sessions, templates: world.templates)
        case .returned: return [.reload]
        case .outcome(.closed(let folder)): report("Saved: \(folder)")
        case .outcome(.notOpened(let problem)), .outcome(.problem(let problem)): report(problem, isError: true)
        case .outcome(.notCreated(let problem)): report("Not created: \(problem)", isError: true)
        case .tick, .resize: break
        }
        return []
    }

    private mutating func handle(_ key: Key, sessions: [SessionSummary], templates: [TemplateListing]) -> [HomeEffect] {
        if case .click(let target) = key { return click(target, sessions: sessions, templates: templates) }
        switch mode {
        case .help(let offset):
            mode = HelpOverlay.scrolled(by: key, from: offset, lines: helpLines.count, keys: keys).map(Mode.help) ?? .list
        case .list:
            return list(key, sessions: sessions, templates: templates)
        case .choosingTemplate(let index):
            switch KeyMap.action(for: key, in: keys.templateChoice) {
            case .selectPrevious?: mode = .choosingTemplate(index: max(0, index - 1))
            case .selectNext?: mode = .choosingTemplate(index: min(max(0, templates.count - 1), index + 1))
            case .choose?:
                guard templates.indices.contains(index) else { return [] }
                mode = .naming(.template(templates[index].name), title: TextField(allowsLineBreaks: false))
            case .back?: mode = .list
            default: break
            }
        case .naming(let source, var title):
            switch KeyMap.action(for: key, in: keys.sessionForm) {
            case .choose?:
                let text = TextRules.cleaned(title.text, singleLine: true).trimmingCharacters(in: .whitespaces)
                guard !text.isEmpty else {
                    report("A session needs a title", isError: true)
                    return []
                }
                mode = .dating(source, title: text, date: TextField(text: today, allowsLineBreaks: false))
            case .back?:
                guard case .template(let template) = source else {
                    mode = .list
                    return []
                }
                mode = .choosingTemplate(index: templates.firstIndex { $0.name == template } ?? 0)
            default:
                title.edit(with: key)
                mode = .naming(source, title: title)
            }
        case .dating(let source, let title, var date):
            switch KeyMap.action(for: key, in: keys.sessionForm) {
            case .choose?:
                guard TextRules.isValidDate(date.text) else {
                    report("‘\(date.text)’ is not a date of the form YYYY-MM-DD", isError: true)
                    return []
                }
                mode = .list
                return [.create(source, title: title, date: date.text)]
            case .back?: mode = .naming(source, title: TextField(text: title, allowsLineBreaks: false))
            default:
                date.edit(with: key)
                mode = .dating(source, title: title, date: date)
            }
        }
        return []
    }

    /// A click selects a session or a template; a click on the one already selected opens or
    /// chooses it, as Enter does (the second click of a double-click).
    private mutating func click(_ target: ClickTarget, sessions: [SessionSummary], templates: [TemplateListing]) -> [HomeEffect] {
        guard case .entry(let index) = target else { return [] }
        switch mode {
        case .list where sessions.indices.contains(index):
            if index == selection { return [.open(folder: sessions[index].folder)] }
            selection = index
        case .choosingTemplate(let current) where templates.indices.contains(index):
            mode = index == current ? .naming(.template(templates[index].name), title: TextField(allowsLineBreaks: false)) : .choosingTemplate(index: index)
        default:
            break
        }
        return []
    }

    private mutating func list(_ key: Key, sessions: [SessionSummary], templates: [TemplateListing]) -> [HomeEffect] {
        guard let action = KeyMap.action(for: key, in: keys.home) else {
            if key != .resize { report("\(key.label) does nothing here; \(KeyMap.label(of: .help, in: keys.home)) shows the keys") }
            return []
        }
        switch action {
        case .selectPrevious: selection = max(0, selection - 1)
        case .selectNext: selection = min(max(0, sessions.count - 1), selection + 1)
        case .selectFirst: selection = 0
        case .selectLast: selection = max(0, sessions.count - 1)
        case .open, .read, .amend, .follow, .followUp:
            guard sessions.indices.contains(selection) else { return [] }
            let session = sessions[selection]
            switch action {
            case .follow: return [.follow(folder: session.folder)]
            case .followUp:
                // The title starts as the one before: a series' titles usually differ by a number.
                mode = .naming(.followUp(folder: session.folder, title: session.title),
                               title: TextField(text: session.title, allowsLineBreaks: false))
                return []
            // An ended session opens to be read: amending it is a choice (`e`), never an accident.
            case .open: return [session.ended ? .read(folder: session.folder) : .open(folder: session.folder)]
            case .read: return [.read(folder: session.folder)]
            default:
                guard session.ended else {
                    report("\(session.title) has not ended: \(KeyMap.label(of: .open, in: keys.home)) opens it live")
                    return []
                }
                return [.open(folder: session.folder)]
            }
        case .new:
            guard !templates.isEmpty else {
                report("No templates found: see `convene templates`", isError: true)
                return []
            }
            mode = .choosingTemplate(index: templates.firstIndex { $0.name == defaultTemplate } ?? 0)
        case .search: return [.search]
        case .help: mode = .help(offset: 0)
        case .quit: return [.quit]
        case .choose, .back: break
        }
        return []
    }

    /// The help: every table the home screen uses.
    public var helpLines: [(String, String)] {
        HelpOverlay.section("Sessions", keys.home) + HelpOverlay.section("Choosing a template", keys.templateChoice)
            + HelpOverlay.section("Title and date", keys.sessionForm) + HelpOverlay.section("Editing any text", keys.editing)
            + HelpOverlay.mouse(click: "selects a session or template; a second click opens it")
            + HelpOverlay.footer(keys)
    }

    public func render(_ world: HomeWorld, into frame: inout Frame) {
        let (width, height) = (frame.width, frame.height)
        let (sessions, templates, folder) = (world.sessions, world.templates, world.folder)
        frame.titleBar(" Convene · sessions")
        frame.put(TextLayout.truncate(folder, to: width / 2) + " ", row: 0, column: width - min(width / 2, DisplayWidth.of(folder)) - 1,
                  style: Style(role: .accent, reverse: true))
        switch mode {
        case .choosingTemplate(let index):
            drawTemplates(into: &frame, templates: templates, index: index)
        case .naming(let source, let title):
            drawForm(into: &frame, source: source, templates: templates, title: title, date: nil)
        case .dating(let source, let title, let date):
            drawForm(into: &frame, source: source, templates: templates, title: TextField(text: title, allowsLineBreaks: false), date: date)
        default:
            drawSessions(into: &frame, sessions: sessions)
        }
        // A problem (a session another Convene has open, a template that does not parse) is read whole.
        status?.draw(into: &frame, endingAt: height - 2, maxLines: status?.isError == true ? 3 : 1)
        let hints = switch mode {
        case .list, .help: KeyMap.hints(keys.home)
        case .choosingTemplate: KeyMap.hints(keys.templateChoice)
        default: KeyMap.hints(keys.sessionForm)
        }
        frame.hintLine(hints, row: height - 1)
        if case .help(let offset) = mode { HelpOverlay.draw(into: &frame, lines: helpLines, offset: offset, keys: keys) }
    }

    private func drawSessions(into frame: inout Frame, sessions: [SessionSummary]) {
        guard !sessions.isEmpty else {
            frame.put("No sessions yet.", row: 2, column: 2, style: .heading)
            frame.put("Press \(KeyMap.label(of: .new, in: keys.home)) to start one from a template.", row: 3, column: 2)
            return
        }
        // Fixed columns either side of the title, which takes the rest; the people count only where
        // the terminal is wide enough to leave the title room.
        let showPeople = frame.width >= 100
        // The rule column says "· ended" too once a session has ended.
        let ruleWidth = sessions.contains(where: \.ended) ? 17 : 9
        let titleWidth = max(10, frame.width - 4 - 12 - 15 - 8 - (showPeople ? 8 : 0) - ruleWidth)
        func right(_ text: String, _ width: Int) -> String { String(repeating: " ", count: max(0, width - text.count)) + text }
        func row(_ date: String, _ title: String, _ kind: String, _ points: String, _ people: String, _ rule: String) -> String {
            TextLayout.pad(date, to: 12) + TextLayout.pad(title, to: titleWidth)
                + " " + TextLayout.pad(kind, to: 14) + right(points, 7) + " "
                + (showPeople ? right(people, 7) + " " : "") + " " + rule
        }
        frame.put(row("Date", "Title", "Kind", "Points", "People", "Rule"), row: 2, column: 2, style: .muted)
        let list = frame.bounds.inset(left: 1, right: 1, top: 3, bottom: 3)
        ListView(noun: ("session", "sessions"), keys: keys.listMarks).draw(count: sessions.count, focus: .selected(selection), into: &frame, in: list) { index in
            let listing = sessions[index]
            return [ListRow(row(listing.date, listing.title, listing.kind, String(listing.points), String(listing.attendees),
                                (listing.chathamHouse ? "Chatham" : "open") + (listing.ended ? " · ended" : "")), indent: 1)]
        }
    }

    private func drawTemplates(into frame: inout Frame, templates: [TemplateListing], index: Int) {
        frame.put("New session: choose a template", row: 2, column: 2, style: .heading)
        let list = frame.bounds.inset(left: 3, right: 2, top: 4, bottom: 2)
        ListView(noun: ("template", "templates"), keys: keys.listMarks).draw(count: templates.count, focus: .selected(index), into: &frame, in: list) { offset in
            let template = templates[offset]
            let rule = template.chathamHouse ? "Chatham House" : "attributed"
            let line = "\(template.title) — \(template.items) items, \(template.minutes) min, \(rule)"
            // The summary wraps under its title: a template is chosen by what it is for.
            return [ListRow(TextLayout.truncate(line, to: list.width - 1), style: .heading, indent: 1)]
                + WordWrap.lines(template.summary, width: list.width - 4).map { ListRow($0, style: .muted, indent: 3, highlights: false) }
                + [ListRow("", highlights: false)]
        }
    }

    private func drawForm(into frame: inout Frame, source: NewSessionSource, templates: [TemplateListing], title: TextField, date: TextField?) {
        switch source {
        case .template(let template):
            frame.put("New \(templates.first { $0.name == template }?.title ?? template)", row: 2, column: 2, style: .heading)
        case .followUp(_, let previous):
            frame.put(TextLayout.truncate("Follow-up to \(previous)", to: frame.width - 4), row: 2, column: 2, style: .heading)
            frame.put("Its people, hosts, open actions and unanswered questions come along.", row: 8, column: 4, style: .muted)
        }
        frame.put("Title", row: 4, column: 4, style: .muted)
        frame.put("Date", row: 6, column: 4, style: .muted)
        let titleRow = title.row(width: frame.width - 16)
        frame.put(titleRow.text, row: 4, column: 12)
        if let date {
            let dateRow = date.row(width: 20)
            frame.put(dateRow.text, row: 6, column: 12)
            frame.cursor = (6, 12 + dateRow.cursorColumn)
        } else {
            frame.put("(next)", row: 6, column: 12, style: .muted)
            frame.cursor = (4, 12 + titleRow.cursorColumn)
        }
    }
}
