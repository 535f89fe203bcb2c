import ConveneCore
import ConveneTUI
import Foundation
import Testing

/// Sessions and templates in memory; opening records what was opened.
final class MemoryHome: HomeBackend {
    var sessions: [SessionSummary] = []
    var opened: [String] = []
    var refuse: String?
    let templates = [
        TemplateListing(name: "masterclass", title: "Masterclass", summary: "Named speakers, points attributed", chathamHouse: false, items: 6, minutes: 85),
        TemplateListing(name: "roundtable", title: "Roundtable", summary: "Expert roundtable under the rule", chathamHouse: true, items: 8, minutes: 115),
    ]

    var location: String { "/home/ann/.local/share/convene" }

    func listings() -> (sessions: [SessionSummary], templates: [TemplateListing], problems: [String]) { (sessions, templates, []) }

    /// A real live screen, over a session in memory: q closes it back to home.
    func openLive(folder: String) throws -> any Scene {
        if let refuse { throw HomeTestError(message: refuse) }
        opened.append(folder)
        let session = try MemoryBackend()
        return LiveScene(terminal: VirtualTerminal(width: 80, height: 24), backend: session, clock: { session.now })
    }

    /// The session's notes, as a reader over home.
    func openReader(folder: String) throws -> any Scene {
        if let refuse { throw HomeTestError(message: refuse) }
        opened.append("read " + folder)
        let terminal = VirtualTerminal(width: 80, height: 24)
        return ReaderScene(terminal: terminal, title: folder, document: ArrivingDocument(parsing: "# \(folder)\n\nThe notes.\n"))
    }

    /// The session followed: a follow screen over home.
    func openFollow(folder: String) throws -> any Scene {
        opened.append("follow " + folder)
        let session = try MemoryBackend().session
        return FollowScene(backend: StillFollow(), session: session, showsPoints: true, clock: { Date(timeIntervalSince1970: 1_775_124_000) })
    }

    /// The review list, searching, over the sessions here.
    func openSearch() throws -> any Scene {
        opened.append("search")
        return ReviewScene(terminal: VirtualTerminal(width: 80, height: 24), backend: MemoryReview(), searching: true)
    }

    /// What each create was asked to start from.
    var created: [NewSessionSource] = []

    func create(_ source: NewSessionSource, title: String, date: String) throws -> String {
        created.append(source)
        let folder = "\(date)-\(title.lowercased().replacingOccurrences(of: " ", with: "-"))"
        let kind = if case .template(let name) = source { name } else { "roundtable" }
        sessions.insert(SessionSummary(folder: folder, title: title, date: date, kind: kind, chathamHouse: kind == "roundtable",
                                       attendees: 0, points: 0), at: 0)
        return folder
    }
}

/// A followed session that never changes.
final class StillFollow: FollowBackend {
    func refreshed() throws -> Session? { nil }
}

struct HomeTestError: Error, CustomStringConvertible {
    var message: String
    var description: String { message }
}

@Suite("Home screen")
struct HomeScreenTests {
    private func home(_ backend: MemoryHome, width: Int = 80, height: Int = 24) -> (VirtualTerminal, Program) {
        let terminal = VirtualTerminal(width: width, height: height)
        let program = Program(terminal: terminal, root: HomeScene(backend: backend, today: "2026-04-02"))
        program.draw()
        return (terminal, program)
    }

    private func press(_ program: Program, _ keys: Key...) {
        for key in keys { program.send(key) }
        program.draw()
    }

    private func type(_ program: Program, _ text: String) {
        for character in text { program.send(.character(character)) }
        program.draw()
    }

    @Test("? shows the keys in a box that hides the list under it, and any key closes it", .tags(.golden))
    func help() throws {
        let backend = MemoryHome()
        backend.sessions = [SessionSummary(folder: "2026-04-02-learning", title: "Learning and accountability: a long title to be hidden",
                                           date: "2026-04-02", kind: "roundtable", chathamHouse: true, attendees: 9, points: 12)]
        let (terminal, app) = home(backend)
        press(app, .character("?"))
        try expectSnapshot(terminal.screen, named: "home-help-80x24")
        let lines = terminal.screen?.lines ?? []
        #expect(lines.contains { $0.contains("new session from a template") })
        // Inside the box nothing of the list shows through.
        #expect(!lines.dropFirst(2).dropLast(2).contains { $0.contains("hidden") })
        press(app, .character("x"))
        #expect(terminal.screen?.text.contains("Keys") == false)
    }

    @Test("an ended session opens to be read, not live; e amends it live; r reads any session; e on a running one says Enter")
    func endedOpensToRead() throws {
        let backend = MemoryHome()
        backend.sessions = [
            SessionSummary(folder: "2026-04-02-finished", title: "Finished", date: "2026-04-02", kind: "roundtable", chathamHouse: true,
                           attendees: 3, points: 5, ended: true),
            SessionSummary(folder: "2026-04-09-running", title: "Running", date: "2026-04-09", kind: "roundtable", chathamHouse: true,
                           attendees: 3, points: 1),
        ]
        let (terminal, app) = home(backend, width: 100)
        #expect(terminal.screen?.text.contains("Chatham · ended") == true)
        press(app, .enter)
        #expect(backend.opened == ["read 2026-04-02-finished"])
        #expect(terminal.screen?.text.contains("The notes.") == true, "the reader is on top")
        press(app, .character("q"))
        press(app, .character("e"))
        #expect(backend.opened.last == "2026-04-02-finished", "e amends it live")
        press(app, .character("q"))
        press(app, .character("j"), .character("e"))
        #expect(terminal.screen?.text.contains("Running has not ended: Enter opens it live") == true)
        press(app, .character("r"))
        #expect(backend.opened.last == "read 2026-04-09-running")
    }

    @Test("a session another Convene has open: the whole message is read at 80×24, path and what to do, nothing cut")
    func longProblemReadWhole() throws {
        let backend = MemoryHome()
        backend.sessions = [SessionSummary(folder: "2026-04-02-lloyds", title: "Lloyds", date: "2026-04-02", kind: "roundtable",
                                           chathamHouse: true, attendees: 2, points: 3)]
        let problem = "/home/ann/.local/share/convene/2026-04-02-lloyds is open for writing in another Convene; only one writer "
            + "at a time. Close it there first, or read it without changing it (`convene review`, `convene export`)"
        backend.refuse = problem
        let (terminal, app) = home(backend)
        press(app, .enter)
        let lines = terminal.screen?.lines ?? []
        let shown = lines.map { $0.trimmingCharacters(in: .whitespaces) }.joined(separator: " ")
        #expect(shown.contains(problem), "\(lines.joined(separator: "\n"))")
        #expect(lines.last?.contains("quit") == true, "the hint line is still there")
    }

    @Test("a first run with no sessions says how to start one", .tags(.golden))
    func empty() throws {
        let (terminal, _) = home(MemoryHome())
        try expectSnapshot(terminal.screen, named: "home-empty-80x24")
    }

    @Test("saved sessions, newest first, with kind, title and counts", .tags(.golden))
    func listing() throws {
        let backend = MemoryHome()
        backend.sessions = [
            SessionSummary(folder: "2026-04-02-learning", title: "Learning and accountability", date: "2026-04-02", kind: "roundtable",
                           chathamHouse: true, attendees: 31, points: 42),
            SessionSummary(folder: "2021-07-14-motives-9", title: "Motives for measurement: session 9", date: "2021-07-14",
                           kind: "peer-learning", chathamHouse: true, attendees: 12, points: 17),
            SessionSummary(folder: "2019-03-18-seminar", title: "Collaborative commissioning — 研究", date: "2019-03-18",
                           kind: "seminar", chathamHouse: false, attendees: 20, points: 8),
        ]
        let (terminal, app) = home(backend)
        press(app, .character("j"))
        try expectSnapshot(terminal.screen, named: "home-sessions-80x24")
        press(app, .enter)
        #expect(backend.opened == ["2021-07-14-motives-9"])
    }

    @Test("a new session: template, title, date, then straight into it", .tags(.golden))
    func newSession() throws {
        let backend = MemoryHome()
        let (terminal, app) = home(backend)
        press(app, .character("N"))
        try expectSnapshot(terminal.screen, named: "home-templates-80x24")
        press(app, .character("j"), .enter)
        press(app, .enter)
        #expect(terminal.screen?.text.contains("A session needs a title") == true)
        type(app, "Learning and accountability")
        press(app, .enter)
        #expect(terminal.screen?.text.contains("2026-04-02") == true)
        for _ in 0..<2 { press(app, .backspace) }
        type(app, "31")
        press(app, .enter)
        #expect(terminal.screen?.text.contains("‘2026-04-31’ is not a date") == true)
        for _ in 0..<2 { press(app, .backspace) }
        type(app, "30")
        press(app, .enter)
        #expect(backend.opened == ["2026-04-30-learning-and-accountability"])
        #expect(terminal.screen?.text.contains("Convene · Learning and accountability") == true)
        // q leaves the live screen for home, which says the session is saved and lists it.
        press(app, .character("q"))
        #expect(terminal.screen?.text.contains("Saved: 2026-04-30-learning-and-accountability") == true)
        #expect(terminal.screen?.text.contains("Convene · sessions") == true)
        #expect(!app.isFinished)
        press(app, .character("q"))
        #expect(app.isFinished)
    }

    @Test("from home: f follows the selected session, / searches the archive, F starts its follow-up with its title to edit")
    func followSearchFollowUp() throws {
        let backend = MemoryHome()
        backend.sessions = [SessionSummary(folder: "2026-04-02-learning", title: "Learning 1", date: "2026-04-02", kind: "roundtable",
                                           chathamHouse: true, attendees: 3, points: 4)]
        let (terminal, app) = home(backend, width: 100)
        press(app, .character("f"))
        #expect(backend.opened == ["follow 2026-04-02-learning"])
        press(app, .character("q"))
        press(app, .character("/"))
        #expect(backend.opened.last == "search")
        type(app, "measure")
        #expect(terminal.screen?.text.contains("2 places in 2 sessions") == true, "\(terminal.screen?.text ?? "")")
        press(app, .escape, .character("q"))
        #expect(terminal.screen?.text.contains("Convene · sessions") == true)
        press(app, .character("F"))
        #expect(terminal.screen?.text.contains("Follow-up to Learning 1") == true)
        press(app, .backspace)
        type(app, "2")
        press(app, .enter, .enter)
        #expect(backend.created == [.followUp(folder: "2026-04-02-learning", title: "Learning 1")])
        #expect(backend.opened.last == "2026-04-02-learning-2")
        press(app, .character("q"), .character("q"))
        #expect(app.isFinished)
    }

    @Test("a session that cannot be opened says why and stays on the list")
    func refused() throws {
        let backend = MemoryHome()
        backend.sessions = [SessionSummary(folder: "2026-04-02-x", title: "X", date: "2026-04-02", kind: "roundtable", chathamHouse: true, attendees: 0, points: 0)]
        backend.refuse = "is open for writing in another Convene"
        let (terminal, app) = home(backend)
        press(app, .enter)
        #expect(terminal.screen?.text.contains("open for writing in another Convene") == true)
        press(app, .character("q"))
    }
}
