import ConveneCore
import ConveneStore
import ConveneTUI
import Foundation
#if canImport(Glibc)
import Glibc
#endif

// Input at sizes no one means but someone will send: a long paste into the live screen, a
// registration list of a whole organisation, a search pasted from a document. Each is timed as the
// person waits for it, beside what they would use instead.

/// The live screen's changes kept by a real writer, as the app keeps them.
final class WriterBackend: LiveSessionBackend {
    let writer: SessionWriter

    init(_ writer: SessionWriter) {
        self.writer = writer
    }

    var session: Session { writer.session }
    func apply(_ event: SessionEvent, at date: Date) throws { try writer.apply(event, at: date) }
    func undo(at date: Date) throws { try writer.undo(at: date) }
    func catchUpNotes() -> String? { nil }
    func writeNotes() throws -> String { writer.folder.notes.path }
    func saveDraft(_ composer: Composer?) throws {}
    func editExternally(_ text: String) throws -> String { text }
    func readRegistrationList(at path: String) throws -> RegistrationList { RegistrationList(header: [], rows: []) }
}

/// Paragraphs of ordinary words, `bytes` long, as a note-taker pastes them from a shared document.
func pastedParagraphs(bytes: Int) -> String {
    let words = ["outcomes", "learning", "accountability", "trust", "systems", "council", "funders", "practice", "café", "会議"]
    var text = ""
    var index = 0
    while text.utf8.count < bytes {
        text += words[index % words.count]
        index += 1
        text += index % 120 == 0 ? "\n\n" : " "
    }
    return text
}

/// From the paste arriving to "✓ Saved" on the frame: a bracketed paste of `text` into a new point,
/// then Enter, through the program loop, the live screen and a writer that flushes to disk.
func pasteToSaved(_ text: String, root: URL) throws -> Double {
    let template = try templateLibrary().sessionTemplate(named: "roundtable")
    let writer = try SessionWriter.create(in: root, setup: template.setup(title: "Paste \(text.utf8.count)", date: "2026-04-02"), at: date)
    defer { writer.close() }
    let terminal = VirtualTerminal(width: 100, height: 30)
    let program = Program(terminal: terminal, root: LiveScene(terminal: terminal, backend: WriterBackend(writer), clock: { date }))
    program.send(.character("n"))
    let before = writer.session.points.count
    let pasted = text.map { character -> Key in character == "\n" ? .enter : .character(character) }
    let elapsed = clock.measure {
        terminal.press(.pasteStart)
        terminal.press(contentsOf: pasted)
        terminal.press(.pasteEnd)
        if let first = terminal.nextKey(timeoutMilliseconds: 0) { program.receive(first) }
        program.send(.enter)
        program.draw()
    }
    guard writer.session.points.count == before + 1, terminal.screen?.text.contains("✓ Saved") == true else {
        throw ValidationFailure("the paste of \(text.utf8.count) bytes was not saved")
    }
    return seconds(elapsed)
}

/// `count` attendees with distinct names made of common first names and surnames, spread over a
/// few hundred organisations, as a large registration export has them.
func manyAttendees(_ count: Int, from first: EntityID) -> [Attendee] {
    let firsts = ["Alice", "Ben", "Chloe", "Dev", "Emma", "Farid", "Grace", "Hugo", "Ines", "Jon", "Kemi", "Lars"]
    let surnames = ["Okafor", "Nakamura", "Sørensen", "Adeyemi", "Brennan", "Castillo", "Duval", "Eriksen", "Fontaine", "Gupta"]
    return (0..<count).map { index in
        Attendee(id: EntityID(first.rawValue + index),
                 name: "\(firsts[index % firsts.count]) \(surnames[(index / firsts.count) % surnames.count])-\(index)",
                 organisation: "Organisation \(index % 300)")
    }
}

/// The disclosure check of a 1,000-point session with `count` attendees, in process; and grep
/// given every name and organisation as a fixed string over the same notes, as a program.
func compareDisclosure(root: URL) throws {
    let renderer = try templateLibrary().notesRenderer()
    print("")
    print("The disclosure check of 1,000 points, against grep given every name and organisation (median of 3):")
    print("")
    print("| attendees | convene check (in process) | grep -Fiwf names notes.md |")
    print("| ---: | ---: | ---: |")
    for count in [1_000, 10_000, 100_000] {
        var session = Session()
        try session.apply(.created(setup: try templateLibrary().sessionTemplate(named: "roundtable").setup(title: "Check", date: "2026-04-02")))
        for index in 0..<1_000 { try session.apply(.pointAdded(point: point(session.nextID, index))) }
        for attendee in manyAttendees(count, from: session.nextID) { try session.apply(.attendeeAdded(attendee: attendee)) }
        let check = median(runs: 3) { _ = DisclosureCheck.findings(in: session) }
        let notes = root.appendingPathComponent("notes-\(count).md")
        let names = root.appendingPathComponent("names-\(count).txt")
        try renderer.render(session).write(to: notes, atomically: true, encoding: .utf8)
        try session.attendees.elements.flatMap { [$0.name, $0.organisation ?? ""] }.joined(separator: "\n")
            .write(to: names, atomically: true, encoding: .utf8)
        let grep = timeProgram(["grep", "-Fiwf", names.path, notes.path], acceptingFailure: true)
        print("| \(count) | \(format(check)) | \(grep.map(format) ?? "not installed") |")
        fflush(nil)
    }
}

/// A paste of 4 KB and of 300 KB into the live screen, to saved, against the shell saving the
/// same bytes (`cat > file; sync`).
func comparePastes(root: URL) throws {
    print("")
    print("A paste into the live screen, from its first key to ✓ Saved (in process, median of 3):")
    print("")
    print("| paste | convene | sh -c 'cat > file; sync' |")
    print("| --- | ---: | ---: |")
    for bytes in [4 * 1024, 300 * 1024] {
        let text = pastedParagraphs(bytes: bytes)
        let source = root.appendingPathComponent("paste-\(bytes).txt")
        try text.write(to: source, atomically: true, encoding: .utf8)
        var run = 0
        let convene = try median(runs: 3) {
            run += 1
            let folder = root.appendingPathComponent("paste-\(bytes)-\(run)")
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            _ = try pasteToSaved(text, root: folder)
        }
        let shell = timeProgram(["sh", "-c", "cat '\(source.path)' > '\(source.path).copy'; sync"])
        print("| \(bytes / 1024) KB | \(format(convene)) | \(shell.map(format) ?? "not installed") |")
        fflush(nil)
    }
}

/// A search of 10,000 words (refused, with the reason) and one of the most words a search takes,
/// over the 1,000-session archive `compareArchive` made in `root`; and grep given the 10,000 words.
func compareLongQueries(root: URL) throws {
    let convene = Bundle.main.executableURL?.deletingLastPathComponent().appendingPathComponent("convene").path ?? "convene"
    let words = (0..<10_000).map { "word\($0)" }
    let file = root.appendingPathComponent(".query-words.txt")
    try words.joined(separator: "\n").write(to: file, atomically: true, encoding: .utf8)
    let longest = (["outcomes"] + words.prefix(SearchQuery.maximumWords - 1)).joined(separator: " ")
    print("")
    print("Long searches of the same archive (median of 5):")
    print("")
    print("| what | time |")
    print("| --- | ---: |")
    for (label, command) in [
        ("convene search, 10,000 words (refused: at most \(SearchQuery.maximumWords))", [convene, "search", words.joined(separator: " "), "--dir", root.path]),
        ("convene search, \(SearchQuery.maximumWords) words", [convene, "search", longest, "--dir", root.path]),
        ("grep -rilFwf, 10,000 words", ["grep", "-rilFwf", file.path, root.path]),
    ] {
        print("| \(label) | \(timeProgram(command, acceptingFailure: true).map(format) ?? "not installed") |")
    }
    fflush(nil)
}

extension VirtualTerminal {
    func press(contentsOf keys: [Key]) {
        for key in keys { press(key) }
    }
}
