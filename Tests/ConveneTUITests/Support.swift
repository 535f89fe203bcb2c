import ConveneCore
import ConveneTUI
import Foundation
import Testing

/// A session kept in memory, with a clock the test moves.
final class MemoryBackend: LiveSessionBackend {
    var log = SessionLog()
    var now: Date
    var draft: Composer?
    var notesWritten = 0
    /// When a live screen last said it was open (`markPresent`), as the store keeps it.
    var lastSeen: Date?

    func markPresent(at date: Date) { lastSeen = date }

    /// Who is in a shared session, and this screen's person (none: a screen alone, as before sharing).
    var people: [LivePerson] = []
    var me: LivePerson?
    /// The point this screen last said it was editing.
    var sayingEditing: EntityID?
    func sayEditing(_ point: EntityID?) { sayingEditing = point }
    /// Edits of this screen's that another writer replaced, for the screen to take.
    var replaced: [ReplacedEdit] = []
    func takeReplacedEdits() -> [ReplacedEdit] {
        defer { replaced.removeAll() }
        return replaced
    }

    var session: Session { log.session }

    /// Items for the phases with their own screens: a context assessment and a checklist.
    static let phaseAgenda: [AgendaItem] = [
        AgendaItem(id: EntityID(1), title: "Which contexts are we talking about?", phase: .contextAssessment, minutes: 15,
                   prompt: "Name the contexts and have each person rate them."),
        AgendaItem(id: EntityID(2), title: "Reflecting on the principles", phase: .checklist, minutes: 15,
                   checklist: ["Look at the whole system", "Build a shared purpose", "Treat evidence with nuance"]),
    ]

    static let guide: [EbrahimQuadrant: QuadrantGuide] = [
        .lowUncertaintyLowControl: QuadrantGuide(label: "Outputs", measure: "Count what is delivered"),
        .lowUncertaintyHighControl: QuadrantGuide(label: "Outcomes", measure: "Hold to outcomes"),
        .highUncertaintyLowControl: QuadrantGuide(label: "Interim outcomes", measure: "Track early signs, learn"),
        .highUncertaintyHighControl: QuadrantGuide(label: "System outcomes", measure: "Pursue with partners"),
    ]

    init(chathamHouse: Bool = true, agenda custom: [AgendaItem]? = nil, start: Date = Date(timeIntervalSince1970: 1_775_124_000)) throws {
        now = start
        let agenda: [AgendaItem] = custom ?? [
            AgendaItem(id: EntityID(1), title: "Welcome, purpose and the rule", phase: .opening, minutes: 10,
                       prompt: "Say why the group is meeting and that the rule applies."),
            AgendaItem(id: EntityID(2), title: "Open discussion", phase: .discussion, minutes: 25,
                       prompt: "Let the tension in the question surface."),
            AgendaItem(id: EntityID(3), title: "Where we agree", phase: .agreement, minutes: 15),
            AgendaItem(id: EntityID(4), title: "Next steps", phase: .nextSteps, minutes: 10),
        ]
        let details = SessionDetails(title: "Learning and accountability", kind: "roundtable", date: "2026-04-02", chathamHouse: chathamHouse)
        _ = try log.record(.created(setup: SessionSetup(details: details, agenda: agenda, quadrantGuide: Self.guide)), at: start)
    }

    /// Set to make the next changes fail as a full disk would, before anything is kept.
    var diskFull = false
    /// Set to make the notes fail after each change is kept.
    var notesProblem: String?

    struct DiskFull: Error, CustomStringConvertible {
        var description: String { "session.jsonl: could not write: No space left on device" }
    }

    func apply(_ event: SessionEvent, at date: Date) throws {
        if diskFull { throw DiskFull() }
        _ = try log.record(event, at: date)
    }

    func undo(at date: Date) throws {
        if diskFull { throw DiskFull() }
        _ = try log.recordUndo(at: date)
    }

    /// How many times the notes were brought up to date after changes (once per pause in the keys).
    var notesCaughtUp = 0

    func catchUpNotes() -> String? {
        notesCaughtUp += 1
        return notesProblem
    }
    func writeNotes() throws -> String { notesWritten += 1; return "/sessions/2026-04-02-learning/notes.md" }
    /// Registration lists "on disk", by path.
    var registrationLists: [String: RegistrationList] = [:]
    struct NoSuchFile: Error, CustomStringConvertible {
        var path: String
        var description: String { "\(path): no such file" }
    }
    func readRegistrationList(at path: String) throws -> RegistrationList {
        guard let list = registrationLists[path] else { throw NoSuchFile(path: path) }
        return list
    }
    func saveDraft(_ composer: Composer?) throws { draft = composer }
    /// Stands in for the user's editor: what it does to the text.
    var editor: (String) throws -> String = { $0 }
    func editExternally(_ text: String) throws -> String { try editor(text) }
}

/// A live app on a virtual terminal, driven key by key.
struct Harness {
    let terminal: VirtualTerminal
    let backend: MemoryBackend
    let app: LiveScene
    /// The one loop every screen runs in, driven key by key.
    let program: Program

    init(width: Int = 80, height: Int = 24, chathamHouse: Bool = true, agenda: [AgendaItem]? = nil, recovered: Composer? = nil,
         alerts: OverrunAlerts.Settings = OverrunAlerts.Settings(), keys: KeyMap = .standard) throws {
        terminal = VirtualTerminal(width: width, height: height)
        let backend = try MemoryBackend(chathamHouse: chathamHouse, agenda: agenda)
        self.backend = backend
        app = LiveScene(terminal: terminal, backend: backend, recovered: recovered, alerts: alerts, keys: keys, clock: { backend.now })
        program = Program(terminal: terminal, root: app)
        program.draw()
    }

    func type(_ text: String) { for character in text { press(.character(character)) } }

    /// `a`, the text, Enter: what a note-taker does to capture something in the current phase.
    func add(_ text: String) {
        press(.character("a"))
        type(text)
        press(.enter)
    }

    /// The keys, one after the other, then a pause (the loop's idle work runs, as when a person stops typing).
    func press(_ keys: Key...) {
        for key in keys { program.send(key) }
        program.pause()
        program.draw()
    }

    func advanceClock(by seconds: TimeInterval) {
        backend.now = backend.now.addingTimeInterval(seconds)
        program.draw()
    }

    var screen: String { terminal.screen?.text ?? "" }
}

/// Compares a frame with the text snapshot checked in under `Snapshots/`. With UPDATE_SNAPSHOTS=1 the
/// snapshot is written instead: review its diff as you would any change a person will see.
func expectSnapshot(_ frame: Frame?, named name: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
    let frame = try #require(frame, sourceLocation: sourceLocation)
    let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Snapshots/\(name).txt")
    // A right-hand border makes trailing spaces and the frame's true width visible in the file.
    // Below the screen, its runs of styled cells, so a lost highlight or colour fails too.
    let text = frame.lines.map { line in line + String(repeating: " ", count: max(0, frame.width - DisplayWidth.of(line))) + "|" }
        .joined(separator: "\n") + "\n" + styleRuns(of: frame)
    if ProcessInfo.processInfo.environment["UPDATE_SNAPSHOTS"] == "1" {
        try text.write(to: url, atomically: true, encoding: .utf8)
        return
    }
    guard let expected = try? String(contentsOf: url, encoding: .utf8) else {
        Issue.record("no snapshot \(name).txt; run with UPDATE_SNAPSHOTS=1 to record it", sourceLocation: sourceLocation)
        return
    }
    if text != expected {
        let actual = text.split(separator: "\n", omittingEmptySubsequences: false)
        let wanted = expected.split(separator: "\n", omittingEmptySubsequences: false)
        let firstDifference = zip(actual, wanted).enumerated().first { $0.element.0 != $0.element.1 }?.offset ?? min(actual.count, wanted.count)
        Issue.record("""
            screen differs from \(name).txt from line \(firstDifference + 1):
            expected: \(firstDifference < wanted.count ? wanted[firstDifference] : "<end>")
            actual:   \(firstDifference < actual.count ? actual[firstDifference] : "<end>")
            """, sourceLocation: sourceLocation)
    }
}

/// Every run of cells with a style other than plain, one line each: `row 3, 0–79: accent bold reverse`.
func styleRuns(of frame: Frame) -> String {
    func name(_ style: Style) -> String {
        var words: [String] = style.role.map { ["\($0)"] } ?? []
        if style.bold { words.append("bold") }
        if style.dim { words.append("dim") }
        if style.reverse { words.append("reverse") }
        if style.underline { words.append("underline") }
        return words.joined(separator: " ")
    }
    var lines = ["--- styles ---"]
    for row in 0..<frame.height {
        var column = 0
        while column < frame.width {
            let style = frame[row, column].style
            var end = column
            while end + 1 < frame.width, frame[row, end + 1].style == style { end += 1 }
            if style != .plain { lines.append("row \(row), \(column)–\(end): \(name(style))") }
            column = end + 1
        }
    }
    return lines.joined(separator: "\n") + "\n"
}
