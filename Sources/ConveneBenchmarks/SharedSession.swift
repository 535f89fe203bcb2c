import ConveneCore
import ConveneStore
import ConveneTUI
import Foundation

/// A live session with ten screens joined to its host, all in this process (each with its own
/// connection and reading thread, as separate programs have): how long a change takes to be saved
/// for the screen that made it and to reach every other screen, beside a single writer's commit in
/// the same run; a keystroke on a screen while the others commit; and whether the host's memory
/// grows with the changes it sends.
func compareSharedSession(size: Int, root: URL, screens: Int = 10) throws {
    try prepare(size: size, root: root)
    guard let folder = SessionCatalog(root: root).folders().first else { throw ValidationFailure("no session in \(root.path)") }

    // A single writer, as `convene run` alone on the session: the append, its flush, the record in memory.
    let single = try SessionWriter.open(folder)
    for _ in 0..<3 { if let step = single.session.advance(at: date) { try single.apply(step, at: date) } }
    let singleCommit = try median(runs: 21) { try single.apply(.pointAdded(point: point(single.session.nextID, 0)), at: date) }
    single.close()

    let host = try LiveSeat.take(folder, as: "host", role: nil, clock: { date }, changed: {})
    let joined = try (0..<screens).map { try LiveSeat.take(folder, as: "screen \($0)", role: .noteTaker, clock: { date }, changed: {}) }
    defer {
        for seat in joined { seat.close() }
        host.close()
    }
    let writer = joined[0]
    let others = [host] + joined.dropFirst()

    /// Until every other screen has taken in the record `seq`.
    func waitForEveryScreen(_ seq: Int) {
        for seat in others {
            while seat.lastSeq < seq { sched_yield() }
        }
    }

    var saved: [Double] = []
    var everywhere: [Double] = []
    for index in 0..<41 {
        let start = clock.now
        try writer.apply(.pointAdded(point: point(writer.session.nextID, index)), at: date)
        saved.append(seconds(start.duration(to: clock.now)))
        waitForEveryScreen(writer.lastSeq)
        everywhere.append(seconds(start.duration(to: clock.now)))
    }

    // A keystroke on another joined screen while the others type: each time, one of them commits a
    // point, then this screen takes a character and draws its frame, taking in the change on the way.
    let typist = joined[joined.count - 1]
    var screen = LiveScreen()
    _ = screen.update(.key(.character("a")), in: LiveWorld(session: typist.session, now: date))
    var keystrokes: [Double] = []
    for index in 0..<41 {
        try writer.apply(.pointAdded(point: point(writer.session.nextID, index)), at: date)
        let seq = writer.lastSeq
        while host.lastSeq < seq { sched_yield() }
        let start = clock.now
        let world = LiveWorld(session: typist.session, now: date, people: typist.people, me: typist.person)
        _ = screen.update(.key(.character("x")), in: world)
        _ = screen.render(LiveWorld(session: typist.session, now: date, people: typist.people, me: typist.person), width: 80, height: 24)
        keystrokes.append(seconds(start.duration(to: clock.now)))
    }

    // Memory over 10,000 more changes sent to every screen, changes that leave the session the same
    // size (a finding acknowledged, then not), per copy of the session in this process (the host's
    // and each screen's). Each copy keeps its undo history, a step per change; sending keeps nothing,
    // so the figure per copy is the same for one screen joined as for ten.
    let before = residentMemoryMB()
    for index in 0..<(Int(ProcessInfo.processInfo.environment["BENCH_CHANGES"] ?? "") ?? 10_000) {
        try writer.apply(index % 2 == 0 ? .findingAcknowledged(key: "bench") : .findingUnacknowledged(key: "bench"), at: date)
        // Screens take in what arrives as they draw; one that never did would hold it all.
        if index % 10 == 9 { waitForEveryScreen(writer.lastSeq) }
    }
    waitForEveryScreen(writer.lastSeq)
    let growth = residentMemoryMB() - before

    print("| \(size) | \(screens) | \(format(singleCommit)) | \(format(saved.sorted()[saved.count / 2])) | "
        + "\(format(everywhere.sorted()[everywhere.count / 2])) | \(format(everywhere.max() ?? 0)) | "
        + "\(format(keystrokes.sorted()[keystrokes.count / 2])) | "
        + String(format: "%.1f MB", growth / Double(screens + 1)) + " |")
    fflush(nil)
}

/// The memory the process holds now (resident), not its peak: what a loop of changes adds to it.
func residentMemoryMB() -> Double {
    guard let statm = try? String(contentsOfFile: "/proc/self/statm", encoding: .utf8) else { return 0 }
    let fields = statm.split(separator: " ")
    guard fields.count > 1, let pages = Double(fields[1]) else { return 0 }
    return pages * Double(sysconf(Int32(_SC_PAGESIZE))) / 1_048_576
}
