import ConveneCore
import ConveneStore
import ConveneTUI
import Foundation
#if canImport(Glibc)
import Glibc
#endif

// Release-built benchmark of the engine and store: `swift run -c release ConveneBenchmarks`.
// Prints a table; figures belong in the README, never in tests (the machines are shared and noisy).
//
// Each size runs in two child processes of this same program: one writes the session's journal, the
// other opens and measures it. So the peak memory reported is what opening, editing and rendering a
// session of that size costs, and nothing of the sizes measured before it.

let sizes = [100, 1_000, 10_000]
let clock = ContinuousClock()
let date = Date(timeIntervalSince1970: 1_775_124_000)

func seconds(_ duration: Duration) -> Double {
    Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
}

/// The median of `runs` timings of `body`.
func median(runs: Int, _ body: () throws -> Void) rethrows -> Double {
    var times: [Double] = []
    for _ in 0..<runs { times.append(seconds(try clock.measure(body))) }
    return times.sorted()[runs / 2]
}

func format(_ seconds: Double) -> String {
    seconds < 0.001 ? String(format: "%.1f µs", seconds * 1e6) : String(format: "%.1f ms", seconds * 1e3)
}

func peakMemoryMB() -> Double {
    var usage = rusage()
    getrusage(RUSAGE_SELF.rawValue, &usage)
    return Double(usage.ru_maxrss) / 1024 // kilobytes on Linux
}

func point(_ id: EntityID, _ index: Int) -> Point {
    Point(id: id, kind: PointKind.allCases[index % PointKind.allCases.count],
          text: "Point \(index): outcomes are emergent properties of complex systems — café, 日本語.",
          theme: "Theme \(index % 12)", item: EntityID(3), createdAt: date)
}

func templateLibrary() throws -> TemplateLibrary {
    guard let templates = TemplateLibrary.builtInDirectory(environment: ProcessInfo.processInfo.environment) else {
        throw ValidationFailure("Templates/ not found: run from the repository, or set CONVENE_TEMPLATES")
    }
    return TemplateLibrary(directories: [templates])
}

struct ValidationFailure: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}

/// Writes a roundtable of `size` points into `root`, as a long session leaves its journal.
func prepare(size: Int, root: URL) throws {
    let template = try templateLibrary().sessionTemplate(named: "roundtable")
    let writer = try SessionWriter.create(in: root, setup: template.setup(title: "Bench", date: "2026-04-02"), at: date)
    var log = writer.log
    writer.close()
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
    encoder.dateEncodingStrategy = .iso8601
    var lines = Data()
    for index in 0..<size {
        let record = try log.record(.pointAdded(point: point(log.session.nextID, index)), at: date)
        lines.append(try encoder.encode(record))
        lines.append(0x0A)
    }
    let handle = try FileHandle(forWritingTo: writer.folder.journal)
    try handle.seekToEnd()
    try handle.write(contentsOf: lines)
    try handle.close()
}

/// A keystroke where the live screen holds the most besides points: typing into a cell of a divergence
/// topic with 6 perspectives × 6 dimensions, 10 caveats and 10 dilemmas on screen, and typing a
/// name in the attendees overlay listing 200 people. Each is the screen's update plus an 80×24 frame.
func busyScreens(_ base: Session) throws -> (table: Double, people: Double) {
    var session = base
    while session.focusedItem?.phase != .divergence, let step = session.advance(at: date) { try session.apply(step) }
    let words = "outcomes are emergent properties of complex systems, café 日本語"
    let topic = DivergenceTopic(
        id: session.nextID, title: "How outcomes are defined, measured and used", item: session.focusedItem?.id,
        perspectives: (1...6).map { "Perspective \($0)" }, dimensions: (1...6).map { "Dimension \($0)" },
        cells: (0..<6).map { row in (0..<6).map { "Cell \(row).\($0): \(words)" } },
        caveats: (1...10).map { "Caveat \($0): " + String(repeating: words + " ", count: 2) },
        dilemmas: (1...10).map { .init(title: "Dilemma \($0)", text: String(repeating: words + " ", count: 4)) }
    )
    try session.apply(.topicAdded(topic: topic))
    var screen = LiveScreen()
    for key: Key in [.character("j"), .character("j"), .character("l"), .character("e")] { _ = screen.update(.key(key), in: LiveWorld(session: session, now: date)) }
    let table = seconds(clock.measure {
        for _ in 0..<1_000 {
            _ = screen.update(.key(.character("x")), in: LiveWorld(session: session, now: date))
            _ = screen.render(LiveWorld(session: session, now: date), width: 80, height: 24)
        }
    }) / 1_000

    for index in 0..<200 {
        try session.apply(.attendeeAdded(attendee: Attendee(id: session.nextID, name: "Participant \(index)", organisation: "Organisation \(index % 40)")))
    }
    screen = LiveScreen()
    for key: Key in [.character("A"), .character("a")] { _ = screen.update(.key(key), in: LiveWorld(session: session, now: date)) }
    let people = seconds(clock.measure {
        for _ in 0..<1_000 {
            _ = screen.update(.key(.character("x")), in: LiveWorld(session: session, now: date))
            _ = screen.render(LiveWorld(session: session, now: date), width: 80, height: 24)
        }
    }) / 1_000
    return (table, people)
}

/// Forty attendees as a real list has them: surnames that are ordinary words (Little, Keen, Hatch),
/// hyphenated and accented names, organisations written as acronyms, councils and trusts.
func benchmarkAttendees(from first: EntityID) -> [Attendee] {
    let firsts = ["Alice", "Ben", "Chloe", "Dev", "Emma", "Farid", "Grace", "Hugo"]
    let surnames = ["Little", "Keen", "Hatch", "Okafor", "Nakamura", "Sørensen-Lye", "Brown", "Ng", "Ball", "Adeyemi"]
    let organisations = ["Camden Council", "GO Lab", "RATIO", "Collaborate", "Blagrove Trust", "Centre for Youth Impact",
                         "Institute for Government", "Plymouth City Council"]
    return (0..<40).map { index in
        Attendee(id: EntityID(first.rawValue + index), name: "\(firsts[index % firsts.count]) \(surnames[index % surnames.count])",
                 organisation: organisations[index % organisations.count])
    }
}

/// Opens the session in `root` and prints one row of the table.
func measure(size: Int, root: URL) throws {
    let renderer = try templateLibrary().notesRenderer()
    guard let folder = SessionCatalog(root: root).folders().first else { throw ValidationFailure("no session in \(root.path)") }

    // From a checkpoint first (the first load leaves one), so that its peak memory is its own.
    _ = try folder.load()
    let checkpointLoad = try median(runs: 5) { _ = try folder.load() }
    let checkpointMemory = peakMemoryMB()
    let load = try median(runs: 5) { _ = try folder.replayJournal() }
    var session = try folder.load().log.session
    let render = median(runs: 5) { _ = renderer.render(session) }
    // The budget is for holding and rendering the session; the editing below adds points to it.
    let memory = peakMemoryMB()

    // The disclosure check over every point, with 40 attendees whose names include ordinary words.
    let check = try median(runs: 3) {
        var named = session
        for attendee in benchmarkAttendees(from: named.nextID) { try named.apply(.attendeeAdded(attendee: attendee)) }
        _ = DisclosureCheck.findings(in: named)
    }

    // A keystroke on the live screen, with every point in the item on screen: typing a character
    // (screen update and a full 80×24 frame); committing is measured below, through the writer.
    // Measured on the loaded session in place: a copy would double the memory being measured.
    var screen = LiveScreen()
    for _ in 0..<3 { if let step = session.advance(at: date) { _ = try? session.apply(step) } }
    _ = screen.update(.key(.character("a")), in: LiveWorld(session: session, now: date))
    let typing = seconds(clock.measure {
        for _ in 0..<1_000 {
            _ = screen.update(.key(.character("x")), in: LiveWorld(session: session, now: date))
            _ = screen.render(LiveWorld(session: session, now: date), width: 80, height: 24)
        }
    }) / 1_000
    let (onTable, amongPeople) = try busyScreens(session)

    // Applying: 1,000 further points on a session of this size, per event.
    let applying = seconds(clock.measure {
        for index in 0..<1_000 {
            _ = try? session.apply(.pointAdded(point: point(session.nextID, size + index)))
        }
    }) / 1_000
    session = Session()

    // Committing a point as the live screen does on Enter, through the real writer: the event
    // applied, its journal line appended and flushed, and the frame drawn. The notes are not on this
    // path (they follow when the keys pause); bringing them up to date is the next column.
    let writer = try SessionWriter.open(folder)
    for _ in 0..<3 { if let step = writer.session.advance(at: date) { try writer.apply(step, at: date) } }
    let appending = seconds(try clock.measure {
        for index in 0..<20 {
            try writer.apply(.pointAdded(point: point(writer.session.nextID, index)), at: date)
        }
    }) / 20
    let committing = seconds(try clock.measure {
        for index in 0..<20 {
            try writer.apply(.pointAdded(point: point(writer.session.nextID, index)), at: date)
            _ = screen.render(LiveWorld(session: writer.session, now: date), width: 80, height: 24)
        }
    }) / 20
    let catchingUp = try median(runs: 3) { try writer.folder.writeNotes(renderer.render(writer.session)) }
    writer.close()

    print("| \(size) | \(format(applying)) | \(format(appending)) | \(format(load)) | \(format(checkpointLoad)) | "
        + String(format: "%.1f MB", checkpointMemory) + " | \(format(render)) | "
        + "\(format(typing)) | \(format(committing)) | \(format(catchingUp)) | \(format(onTable)) | \(format(amongPeople)) | \(format(check)) | "
        + String(format: "%.1f MB", memory) + " |")
    fflush(nil)
}

/// Opening a 10,000-point session to read it, and `convene show` of its notes beside `less` and
/// `lowdown -Tterm` on the same file, each as the program a person would run (median of five).
func compareReaders(root: URL) throws {
    let library = try templateLibrary()
    guard let folder = SessionCatalog(root: root).folders().first else { throw ValidationFailure("no session in \(root.path)") }
    let renderer = try library.notesRenderer()
    try folder.writeNotes(renderer.render(try folder.load().log.session))
    // What `convene review SESSION` does before its first frame (`notesForReadingSoon`, as
    // `StoreReview` calls it): current notes read and their opening parsed, the top laid out and
    // the frame drawn, while the session loads behind. `open` gives the document and what goes on
    // behind it (the rest of the document parsed, the session loaded), let finish after each
    // run, untimed.
    func firstScreen(_ open: () throws -> (ArrivingDocument, behind: Prefetched<Void>?)) rethrows -> Double {
        var times: [Double] = []
        for _ in 0..<5 {
            let start = clock.now
            let (document, behind) = try open()
            var reader = ReaderScreen(title: "Bench", document: document.opening, shareOfWhole: document.openingShare)
            reader.fit(width: 100)
            _ = reader.render((100, 30), width: 100, height: 30)
            times.append(seconds(start.duration(to: clock.now)))
            _ = document.whole?.value
            _ = behind?.value
        }
        return times.sorted()[2]
    }
    let opening = try firstScreen {
        let read = try folder.notesForReadingSoon(madeBy: NotesProvenance.makers(library), renderer: { renderer },
                                                  reading: ArrivingDocument.init(parsing:)) { _ in () }
        return (read.notes, read.learnt)
    }
    let rendering = try firstScreen { (ArrivingDocument(parsing: renderer.render(try folder.load().log.session)), nil) }
    let markdown = renderer.render(try folder.load().log.session)
    let parsing = median(runs: 5) { _ = MarkdownDocument(parsing: markdown) }
    let document = MarkdownDocument(parsing: markdown)
    let layingOut = median(runs: 5) { _ = MarkdownLayout(width: 100).render(document) }
    let notes = folder.notes.path
    let size = (try? FileManager.default.attributesOfItem(atPath: notes)[.size] as? Int) ?? 0
    print("")
    print("Reading a 10,000-point session (notes.md: \(size / 1024) KiB), median of 5:")
    print("")
    print("| what | time |")
    print("| --- | ---: |")
    print("| convene review SESSION, first screen: notes.md read and its opening parsed (the session loading behind), the top laid out, drawn (in process) | \(format(opening)) |")
    print("| the same with notes.md older than the journal (notes rendered first) | \(format(rendering)) |")
    print("| parsing the notes (cmark-gfm, then Swift values) | \(format(parsing)) |")
    print("| laying out all of them at 100 columns | \(format(layingOut)) |")
    let convene = Bundle.main.executableURL?.deletingLastPathComponent().appendingPathComponent("convene").path ?? "convene"
    // Launched in a 100 × 30 terminal until the notes' opening is on screen, as a person waits.
    let seen = "Participants"
    let reviewLaunch = timeToScreen([convene, "review", folder.url.path], showing: seen)
    print("| convene review SESSION, launch to first screen (100 × 30 terminal) | \(reviewLaunch.map(format) ?? "failed") |")
    let lessLaunch = timeToScreen(["less", notes], showing: seen)
    print("| less notes.md, launch to first screen (100 × 30 terminal) | \(lessLaunch.map(format) ?? "not installed") |")
    for (label, command) in [
        ("convene show notes.md --width 100", [convene, "show", notes, "--width", "100"]),
        ("less notes.md (to a pipe)", ["less", notes]),
        ("lowdown -Tterm notes.md", ["lowdown", "-Tterm", notes]),
    ] {
        print("| \(label) | \(timeProgram(command).map(format) ?? "not installed") |")
    }
    fflush(nil)
}

/// `convene check` and `convene export --format md` of a 10,000-point session with 40 attendees,
/// as a person runs them (median of five): what every run pays besides the session itself (the
/// word list, the notes template) shows here, where the in-process disclosure column above
/// leaves it out.
func compareCheck(root: URL) throws {
    guard let folder = SessionCatalog(root: root).folders().first else { throw ValidationFailure("no session in \(root.path)") }
    let writer = try SessionWriter.open(folder)
    if writer.session.attendees.isEmpty {
        try writer.apply(.batch(events: benchmarkAttendees(from: writer.session.nextID).map { .attendeeAdded(attendee: $0) }), at: date)
    }
    writer.close()
    let convene = Bundle.main.executableURL?.deletingLastPathComponent().appendingPathComponent("convene").path ?? "convene"
    print("")
    print("The disclosure check and the notes of a 10,000-point session with 40 attendees, as commands, median of 5:")
    print("")
    print("| what | time |")
    print("| --- | ---: |")
    let words = median(runs: 5) { WordList(paths: WordList.systemPaths).prepare() }
    print("| the system's word lists made ready for looking up (in process; a check or export pays it once, at its first name that is also a word) | \(format(words)) |")
    let session = try folder.load().log.session
    let load = try median(runs: 5) { _ = try folder.load() }
    print("| the session loaded from its checkpoint (in process) | \(format(load)) |")
    let findings = median(runs: 5) { _ = DisclosureCheck.findings(in: session) }
    print("| the disclosure check of the loaded session (in process) | \(format(findings)) |")
    let export = [convene, "export", folder.url.path, "--format", "md", "--force", "--no-pager"]
    print("| convene check SESSION | \(timeProgram([convene, "check", folder.url.path], acceptingFailure: true).map(format) ?? "failed") |")
    // As every change leaves them: notes.md written after the journal's last line.
    try SessionNotes(folder: folder, renderer: try templateLibrary().notesRenderer()).write(session)
    print("| convene export SESSION --format md --force (notes.md current: read) | \(timeProgram(export, acceptingFailure: true).map(format) ?? "failed") |")
    // A journal changed after its notes (as merged by a sync, or written by an older version): rendered.
    try FileManager.default.setAttributes([.modificationDate: Date()], ofItemAtPath: folder.journal.path)
    print("| convene export SESSION --format md --force (notes.md behind the journal: rendered) | \(timeProgram(export, acceptingFailure: true).map(format) ?? "failed") |")
    fflush(nil)
}

/// A live commit on a very long session (a journal of some 200,000 points, which is why the notes
/// are off the commit path): the session opened from its checkpoint as the live screen opens
/// it, then points committed as on `Enter` (apply, append, fsync, frame).
func commitOnLongSession(size: Int, root: URL) throws {
    try prepare(size: size, root: root)
    guard let folder = SessionCatalog(root: root).folders().first else { throw ValidationFailure("no session in \(root.path)") }
    let first = try SessionWriter.open(folder)
    first.saveCheckpointIfDue()
    first.close()
    var writer: SessionWriter?
    let opening = try median(runs: 3) {
        writer?.close()
        writer = try SessionWriter.open(folder)
    }
    guard let writer else { return }
    defer { writer.close() }
    var screen = LiveScreen()
    for _ in 0..<3 { if let step = writer.session.advance(at: date) { try writer.apply(step, at: date) } }
    _ = screen.update(.key(.character("a")), in: LiveWorld(session: writer.session, now: date))
    let committing = try median(runs: 5) {
        try writer.apply(.pointAdded(point: point(writer.session.nextID, size)), at: date)
        _ = screen.render(LiveWorld(session: writer.session, now: date), width: 80, height: 24)
    }
    let journal = (try? FileManager.default.attributesOfItem(atPath: folder.journal.path)[.size] as? Int) ?? 0
    print("")
    print("A session of \(size) points (journal \(journal / 1_048_576) MB), median:")
    print("")
    print("| what | time |")
    print("| --- | ---: |")
    print("| open for writing, from the checkpoint | \(format(opening)) |")
    print("| keystroke: commit (apply, append + fsync, frame) | \(format(committing)) |")
    writer.close()
    // Launched in a terminal as a person opens them, after a change left the notes current.
    try SessionNotes(folder: folder, renderer: try templateLibrary().notesRenderer()).write(try folder.load().log.session)
    let convene = Bundle.main.executableURL?.deletingLastPathComponent().appendingPathComponent("convene").path ?? "convene"
    func row(_ label: String, _ measured: (time: Double, peakMB: Double)?) {
        print("| \(label) | \(measured.map { format($0.time) } ?? "failed") | \(measured.map { String(format: "%.1f MB", $0.peakMB) } ?? "") |")
    }
    print("")
    print("| launched in a 100 × 30 terminal, to the first screen | time | peak memory |")
    print("| --- | ---: | ---: |")
    row("convene review SESSION", onScreen([convene, "review", folder.url.path], showing: "Participants", runs: 3))
    row("less notes.md", onScreen(["less", folder.notes.path], showing: "Participants", runs: 3))
    row("convene run SESSION", onScreen([convene, "run", folder.url.path], showing: "Bench", runs: 3))
    // On a terminal, show lays the notes out and pages them through $PAGER (less -R): the time is
    // to less's first screen, the memory show's own.
    row("convene show SESSION (paged through less)", onScreen([convene, "show", folder.url.path], showing: "Participants", runs: 3))
    fflush(nil)
}

/// `convene add` of one point to a 10-point and to the 10,000-point session, as a script runs it,
/// beside the least a shell can do to keep a line: append it and flush the disk. Between runs the
/// background catch-up of the long session's notes is let finish, so each add is timed alone.
func compareAdds(root: URL) throws {
    guard let long = SessionCatalog(root: root).folders().first else { throw ValidationFailure("no session in \(root.path)") }
    let shortRoot = root.deletingLastPathComponent().appendingPathComponent(root.lastPathComponent + "-short")
    defer { try? FileManager.default.removeItem(at: shortRoot) }
    try prepare(size: 10, root: shortRoot)
    guard let short = SessionCatalog(root: shortRoot).folders().first else { throw ValidationFailure("no session in \(shortRoot.path)") }
    let convene = Bundle.main.executableURL?.deletingLastPathComponent().appendingPathComponent("convene").path ?? "convene"
    let scratch = shortRoot.appendingPathComponent("appended.txt").path
    let gitScratch = shortRoot.appendingPathComponent("git", isDirectory: true)
    try FileManager.default.createDirectory(at: gitScratch, withIntermediateDirectories: true)
    _ = timeProgram(["sh", "-c", "cd \(gitScratch.path) && git init --quiet && git config user.email bench@example.org && git config user.name Bench"], runs: 1)
    print("")
    print("One `convene add` of a point, as a script runs it (median of 5, each after the previous one's notes caught up):")
    print("")
    print("| what | time |")
    print("| --- | ---: |")
    for (label, command) in [
        ("convene add, 10-point session", [convene, "add", short.url.path, "point", "A point from a script"]),
        ("convene add, 10,000-point session", [convene, "add", long.url.path, "point", "A point from a script"]),
        ("sh -c 'echo … >> file; sync'", ["sh", "-c", "echo 'A point from a script' >> \(scratch); sync \(scratch)"]),
        ("convene --version (starting the program)", [convene, "--version"]),
        ("git --version", ["git", "--version"]),
        ("convene list (two sessions)", [convene, "list", "--dir", shortRoot.path]),
        // git recording a small change, as `add` records one: a repository of one file.
        ("git commit of one changed line", ["sh", "-c", "cd \(gitScratch.path) && echo line >> notes.txt && git add notes.txt && git commit --quiet -m point"]),
        ("git log --oneline (listing what was recorded)", ["git", "-C", gitScratch.path, "log", "--oneline"]),
    ] {
        print("| \(label) | \(timeProgram(command, before: waitForCatchUps).map(format) ?? "not installed") |")
    }
    waitForCatchUps()
    fflush(nil)
}

/// Waits until no `convene catch-up-notes` or `catch-up-index` is running: background work one
/// measurement left must not slow the next, nor write into an index another one just deleted.
func waitForCatchUps() {
    let names = [Data("catch-up-notes".utf8)[...], Data("catch-up-index".utf8)[...]]
    while ((try? FileManager.default.contentsOfDirectory(atPath: "/proc")) ?? []).contains(where: { pid in
        Int(pid) != nil && (FileManager.default.contents(atPath: "/proc/\(pid)/cmdline").map {
            $0.split(separator: 0).contains { names.contains($0) }
        } ?? false)
    }) {
        usleep(10_000)
    }
}

/// An archive of 1,000 sessions of 50 points: `convene search` and `convene list` beside `grep -ril`,
/// `rg -il` and `ls` on the same folder, each run as a person would (median of five).
func compareArchive(root: URL) throws {
    try writeArchive(in: root, sessions: 1_000, points: 50)
    let convene = Bundle.main.executableURL?.deletingLastPathComponent().appendingPathComponent("convene").path ?? "convene"
    let index = root.appendingPathComponent(ArchiveIndex.fileName).path
    let dropIndex = {
        waitForCatchUps()
        for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: index + suffix) }
    }
    print("")
    print("An archive of 1,000 sessions of 50 points, median of 5:")
    print("")
    print("| what | time |")
    print("| --- | ---: |")
    for (label, command, before) in [
        ("convene search zanzibarian, index built from scratch", [convene, "search", "zanzibarian", "--dir", root.path], dropIndex),
        // The first search of a new archive leaves the index to be built in the background.
        ("convene search zanzibarian, index up to date", [convene, "search", "zanzibarian", "--dir", root.path], waitForCatchUps),
        ("grep -ril zanzibarian", ["grep", "-ril", "zanzibarian", root.path], {}),
        ("rg -il zanzibarian", ["rg", "-il", "zanzibarian", root.path], {}),
        // A word in nearly every session: everything printed, only counted, only the best 20.
        ("convene search outcomes, every place printed", [convene, "search", "outcomes", "--dir", root.path], {}),
        ("rg -i outcomes", ["rg", "-i", "outcomes", root.path], {}),
        ("convene search outcomes --count", [convene, "search", "outcomes", "--count", "--dir", root.path], {}),
        ("rg -ic outcomes", ["rg", "-ic", "outcomes", root.path], {}),
        ("convene search outcomes --limit 20", [convene, "search", "outcomes", "--limit", "20", "--dir", root.path], {}),
        ("convene list, index up to date", [convene, "list", "--dir", root.path], {}),
        ("ls", ["ls", root.path], {}),
    ] as [(String, [String], () -> Void)] {
        print("| \(label) | \(timeProgram(command, before: before).map(format) ?? "not installed") |")
    }
    fflush(nil)
}

/// `sessions` sessions of `points` points in `root`, written as Convene writes them, one of them
/// holding the one word "zanzibarian".
func writeArchive(in root: URL, sessions: Int, points: Int) throws {
    let template = try templateLibrary().sessionTemplate(named: "roundtable")
    let words = ["outcomes", "learning", "accountability", "trust", "systems", "council", "funders", "practice", "measures"]
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
    encoder.dateEncodingStrategy = .iso8601
    for index in 0..<sessions {
        let writer = try SessionWriter.create(in: root, setup: template.setup(title: "Session \(index)", date: "2026-04-02"), at: date)
        var log = writer.log
        writer.close()
        var lines = Data()
        for offset in 0..<points {
            let text = "Point \(offset) on \(words[(index + offset) % words.count]) and \(words[(index * 7 + offset) % words.count])"
                + (index == sessions / 2 && offset == points / 2 ? ", with the one word zanzibarian." : ".")
            let point = Point(id: log.session.nextID, kind: .note, text: text, item: EntityID(3), createdAt: date)
            lines.append(try encoder.encode(try log.record(.pointAdded(point: point), at: date)))
            lines.append(0x0A)
        }
        let handle = try FileHandle(forWritingTo: writer.folder.journal)
        try handle.seekToEnd()
        try handle.write(contentsOf: lines)
        try handle.close()
    }
}

/// The median wall time of running `command` five times with its output discarded (`before` runs
/// ahead of each, untimed); nil if it cannot run. Spawned and reaped directly: Foundation's
/// `waitUntilExit` notices an exit only on a ~50 ms tick.
/// With `acceptingFailure`, a command that answers with a non-zero status (no match, a refusal)
/// counts too.
func timeProgram(_ command: [String], acceptingFailure: Bool = false, runs: Int = 5, before: () -> Void = {}) -> Double? {
    var times: [Double] = []
    for _ in 0..<runs {
        before()
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
        let argv = command.map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        var pid: pid_t = 0
        let start = clock.now
        guard posix_spawnp(&pid, command[0], &actions, nil, argv, environ) == 0 else { return nil }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
        guard status == 0 || (acceptingFailure && status & 0x7f == 0) else { return nil }
        times.append(seconds(start.duration(to: clock.now)))
    }
    return times.sorted()[runs / 2]
}

func runChild(_ arguments: [String]) throws {
    let process = Process()
    process.executableURL = Bundle.main.executableURL
    process.arguments = arguments
    try process.run()
    process.waitUntilExit()
    guard process.terminationStatus == 0 else { throw ValidationFailure("\(arguments.joined(separator: " ")) failed") }
}

do {
    let arguments = CommandLine.arguments.dropFirst()
    if arguments.count == 3, let size = Int(arguments[arguments.startIndex + 1]) {
        let root = URL(fileURLWithPath: arguments[arguments.startIndex + 2], isDirectory: true)
        switch arguments.first {
        case "--prepare": try prepare(size: size, root: root)
        case "--measure": try measure(size: size, root: root)
        case "--readers": try compareReaders(root: root)
        case "--check": try compareCheck(root: root)
        case "--archive":
            try compareArchive(root: root)
            try compareLongQueries(root: root)
        case "--adds": try compareAdds(root: root)
        case "--sync": try compareSync(root: root)
        case "--long": try commitOnLongSession(size: size, root: root)
        case "--shared": try compareSharedSession(size: size, root: root, screens: Int(ProcessInfo.processInfo.environment["BENCH_SCREENS"] ?? "") ?? 10)
        case "--hostile":
            try comparePastes(root: root)
            try compareDisclosure(root: root)
        default: throw ValidationFailure("usage: ConveneBenchmarks [--prepare|--measure SIZE FOLDER]")
        }
    } else {
        print("| points | apply one event | append + fsync one event | load from journal | load from checkpoint | peak memory, checkpoint load | render notes | keystroke: type + frame | keystroke: commit (append + fsync + frame) | notes after a pause (render + write) | keystroke: 6×6 divergence table | keystroke: 200 attendees | disclosure check, 40 attendees | peak memory, load + notes |")
        print("| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |")
        fflush(nil)
        for size in sizes {
            let root = FileManager.default.temporaryDirectory.appendingPathComponent("convene-bench-\(getpid())-\(size)")
            defer { try? FileManager.default.removeItem(at: root) }
            try runChild(["--prepare", String(size), root.path])
            try runChild(["--measure", String(size), root.path])
            if size == sizes.last {
                try runChild(["--readers", String(size), root.path])
                try runChild(["--check", String(size), root.path])
                try runChild(["--adds", String(size), root.path])
            }
        }
        print("")
        print("| points | screens joined | single writer: commit | joined screen: commit until saved | the change on every other screen (median) | (slowest) | keystroke on another screen while others commit (type + frame) | memory over 10,000 changes, per copy of the session |")
        print("| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |")
        fflush(nil)
        let shared = FileManager.default.temporaryDirectory.appendingPathComponent("convene-bench-\(getpid())-shared")
        defer { try? FileManager.default.removeItem(at: shared) }
        try runChild(["--shared", "10000", shared.path])
        let long = FileManager.default.temporaryDirectory.appendingPathComponent("convene-bench-\(getpid())-long")
        defer { try? FileManager.default.removeItem(at: long) }
        try runChild(["--long", "200000", long.path])
        let archive = FileManager.default.temporaryDirectory.appendingPathComponent("convene-bench-\(getpid())-archive")
        defer { try? FileManager.default.removeItem(at: archive) }
        try FileManager.default.createDirectory(at: archive, withIntermediateDirectories: true)
        try runChild(["--archive", "1000", archive.path])
        let sync = FileManager.default.temporaryDirectory.appendingPathComponent("convene-bench-\(getpid())-sync")
        defer { try? FileManager.default.removeItem(at: sync) }
        try FileManager.default.createDirectory(at: sync, withIntermediateDirectories: true)
        try runChild(["--sync", "1000", sync.path])
        let hostile = FileManager.default.temporaryDirectory.appendingPathComponent("convene-bench-\(getpid())-hostile")
        defer { try? FileManager.default.removeItem(at: hostile) }
        try FileManager.default.createDirectory(at: hostile, withIntermediateDirectories: true)
        try runChild(["--hostile", "0", hostile.path])
    }
} catch {
    FileHandle.standardError.write(Data("ConveneBenchmarks: \(error)\n".utf8))
    exit(1)
}
