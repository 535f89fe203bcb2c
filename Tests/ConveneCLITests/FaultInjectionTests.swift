import ConveneCore
import Foundation
import Synchronization
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// The library that makes chosen `write`/`fsync` calls fail (Fixtures/faults.c), built once with
/// the system's C compiler into a folder removed when the test process ends.
enum FaultShim {
    static let built: Result<URL, any Error> = {
        do {
            let folder = FileManager.default.temporaryDirectory.appendingPathComponent("convene-faults-\(getpid())", isDirectory: true)
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            atexit { try? FileManager.default.removeItem(atPath: FileManager.default.temporaryDirectory.path + "/convene-faults-\(getpid())") }
            let source = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures/faults.c")
            let library = folder.appendingPathComponent("libfaults.so")
            let compiler = Process()
            compiler.executableURL = URL(fileURLWithPath: "/usr/bin/env")
            compiler.arguments = ["cc", "-shared", "-fPIC", "-O1", "-o", library.path, source.path, "-ldl"]
            try compiler.run()
            compiler.waitUntilExit()
            guard compiler.terminationStatus == 0 else { throw ShimError(message: "cc exited with \(compiler.terminationStatus)") }
            return .success(library)
        } catch {
            return .failure(error)
        }
    }()

    struct ShimError: Error {
        var message: String
    }

    /// The environment that makes `call` fail on `file`, `times` times from its `at`-th use.
    static func environment(_ call: String, on file: String = "session.jsonl", at: Int = 1, times: Int = 1, errno: Int32 = EIO) throws -> [String: String] {
        [
            "LD_PRELOAD": try built.get().path, "CONVENE_FAULT": call, "CONVENE_FAULT_FILE": file,
            "CONVENE_FAULT_AT": String(at), "CONVENE_FAULT_TIMES": String(times), "CONVENE_FAULT_ERRNO": String(errno),
        ]
    }
}

@Suite("Write faults never cost a session")
struct FaultInjectionTests {
    private func newSession(_ convene: ConveneProcess, title: String = "Faults") throws -> String {
        try convene.newSession(title: title)
    }

    /// The texts of the session's points, read back as any later command would.
    private func points(_ convene: ConveneProcess, _ session: String) throws -> [String] {
        let folder = convene.sessions.appendingPathComponent(session)
        let journal = try String(contentsOf: folder.appendingPathComponent("session.jsonl"), encoding: .utf8)
        let listed = try convene.run(["list", "--json"])
        try #require(listed.status == 0 && listed.stderr.isEmpty, "the session no longer opens: \(listed.stderr)")
        let records = try journal.split(separator: "\n").map { line -> [String: Any] in
            try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
        }
        return records.compactMap { (($0["event"] as? [String: Any])?["pointAdded"] as? [String: Any])?["point"] as? [String: Any] }
            .compactMap { $0["text"] as? String }
    }

    @Test("a failed flush or a half-done write is taken back: reported failed, not kept, and the session still opens",
          arguments: [("fsync", EIO, "could not flush to disk"), ("write", ENOSPC, "No space left on device")])
    func injectedFault(call: String, code: Int32, message: String) throws {
        let convene = try ConveneProcess()
        defer { convene.cleanUp() }
        let session = try newSession(convene)
        #expect(try convene.run(["add", session, "point", "kept before"]).status == 0)
        let failed = try convene.run(["add", session, "point", "never kept"], environment: FaultShim.environment(call, errno: code))
        #expect(failed.status != 0)
        #expect(failed.stderr.contains(message) && failed.stderr.contains("session.jsonl"), "\(failed.stderr)")
        let after = try convene.run(["add", session, "point", "kept after"])
        #expect(after.status == 0, "\(after.stderr)")
        #expect(try points(convene, session) == ["kept before", "kept after"])
        let exported = try convene.run(["export", session])
        #expect(exported.status == 0 && exported.stdout.contains("kept after") && !exported.stdout.contains("never kept"))
    }

    @Test("a flush that fails and a cut-back that fails too: the change reported not saved is never replayed as saved")
    func flushAndCutBackFail() throws {
        let convene = try ConveneProcess()
        defer { convene.cleanUp() }
        let session = try newSession(convene)
        #expect(try convene.run(["add", session, "point", "kept before"]).status == 0)
        let failed = try convene.run(["add", session, "point", "never kept"], environment: FaultShim.environment("fsync,ftruncate", times: 10))
        #expect(failed.status == 1)
        #expect(failed.stderr.contains("could not be taken back out of the journal"), "\(failed.stderr)")
        let exported = try convene.run(["export", session])
        #expect(exported.status == 0 && exported.stdout.contains("kept before") && !exported.stdout.contains("never kept"),
                "\(exported.stderr)")
        let after = try convene.run(["add", session, "point", "kept after"])
        #expect(after.status == 0, "\(after.stderr)")
        // Read as any later command would, the line the disk refused is gone for good.
        #expect(try points(convene, session) == ["kept before", "kept after"])
    }

    @Test("a change saved while notes.md cannot be written is reported saved, and the notes catch up later")
    func notesFailAfterSaving() throws {
        let convene = try ConveneProcess()
        defer { convene.cleanUp() }
        let session = try newSession(convene)
        let notes = convene.sessions.appendingPathComponent(session).appendingPathComponent("notes.md")
        try FileManager.default.removeItem(at: notes)
        try FileManager.default.createDirectory(at: notes, withIntermediateDirectories: false)
        let added = try convene.run(["add", session, "point", "Saved though the notes are stuck"])
        #expect(added.status == 0)
        #expect(added.stdout.hasPrefix("added no item · point 1 (note)"), "\(added.stdout)")
        #expect(added.stderr.contains("saved; notes.md not updated") && added.stderr.contains("is a folder"), "\(added.stderr)")
        try FileManager.default.removeItem(at: notes)
        #expect(try convene.run(["add", session, "point", "And one more"]).status == 0)
        let written = try String(contentsOf: notes, encoding: .utf8)
        #expect(written.contains("Saved though the notes are stuck") && written.contains("And one more"))
    }

    /// A sessions folder on a disk of `kilobytes`: a tmpfs where the tests run as root, else nil.
    private func smallDisk(kilobytes: Int) -> URL? {
        guard geteuid() == 0 else { return nil }
        let mountPoint = FileManager.default.temporaryDirectory.appendingPathComponent("convene-full-\(UUID().uuidString.prefix(8))")
        guard (try? FileManager.default.createDirectory(at: mountPoint, withIntermediateDirectories: true)) != nil else { return nil }
        guard mount("tmpfs", mountPoint.path, "tmpfs", 0, "size=\(kilobytes)k") == 0 else {
            try? FileManager.default.removeItem(at: mountPoint)
            return nil
        }
        return mountPoint
    }

    /// How the disk runs out: a real small disk (a tmpfs, where the tests run as root), or a limit
    /// on file size (`RLIMIT_FSIZE`, with SIGXFSZ ignored so that writes fail with EFBIG instead).
    enum Shortage: String, CaseIterable {
        case smallDisk, fileSizeLimit
    }

    @Test("when space runs out: every point reported saved is there, every one reported failed is not, the session reopens",
          arguments: Shortage.allCases)
    func diskFull(shortage: Shortage) throws {
        let convene = try ConveneProcess()
        defer { convene.cleanUp() }
        var root = convene.home
        var disk: URL?
        if shortage == .smallDisk {
            guard let mounted = smallDisk(kilobytes: 200) else {
                if ProcessInfo.processInfo.environment["CI"] == "true" && geteuid() == 0 { Issue.record("could not mount a tmpfs as root") }
                return // not root: the file-size limit stands in
            }
            disk = mounted
            root = mounted
        }
        defer {
            if let disk {
                umount2(disk.path, Int32(MNT_DETACH))
                try? FileManager.default.removeItem(at: disk)
            }
        }
        let dir = root.appendingPathComponent("sessions").path
        let created = try convene.run(["new", "--dir", dir, "--template", "roundtable", "--title", "Full disk", "--date", "2026-05-01"])
        try #require(created.status == 0, "\(created.stderr)")
        let session = URL(fileURLWithPath: created.stdout.trimmingCharacters(in: .whitespacesAndNewlines)).lastPathComponent
        if let disk {
            // Leave a few pages free, then keep adding until the disk says no.
            var info = statvfs()
            try #require(statvfs(disk.path, &info) == 0)
            let free = Int(info.f_bavail) * Int(info.f_frsize)
            try Data(count: max(0, free - 12 * 1024)).write(to: disk.appendingPathComponent("filler"))
        }
        /// `convene add`, short of space: on the filled disk, or with files limited to 20,000 bytes.
        func add(_ text: String) throws -> ConveneProcess.Result {
            guard disk == nil else { return try convene.run(["add", "--dir", dir, session, "point", text]) }
            let command = "trap '' XFSZ; exec prlimit --fsize=20000 \(Tmux.quote(ConveneProcess.binary.path)) add --dir \(Tmux.quote(dir)) "
                + "\(Tmux.quote(session)) point \(Tmux.quote(text))"
            return try convene.run(["-c", command], binary: URL(fileURLWithPath: "/bin/sh"))
        }
        var saved: [String] = []
        var refused: [String] = []
        var notesWarnings = 0
        for index in 0..<60 {
            let text = "Point \(index) " + String(repeating: "évidence ", count: 40)
            let result = try add(text)
            if result.status == 0 { saved.append(text) } else { refused.append(text) }
            if result.stderr.contains("notes.md not updated") { notesWarnings += 1 }
        }
        #expect(!refused.isEmpty, "space never ran out")
        // On the small disk the notes (rewritten whole) run out first; under the size limit the journal does.
        if shortage == .smallDisk { #expect(notesWarnings > 0, "no add was saved while its notes could not be") }
        if let disk { try FileManager.default.removeItem(at: disk.appendingPathComponent("filler")) }
        let after = try convene.run(["add", "--dir", dir, session, "point", "After space was freed"])
        #expect(after.status == 0, "\(after.stderr)")
        let exported = try convene.run(["export", "--dir", dir, session, "--force"])
        #expect(exported.status == 0, "\(exported.stderr)")
        let journal = try String(contentsOfFile: "\(dir)/\(session)/session.jsonl", encoding: .utf8)
        for text in saved { #expect(journal.contains("\"\(text)\""), "reported saved, then missing: \(text.prefix(9))") }
        for text in refused { #expect(!journal.contains("\"\(text)\""), "reported failed, yet kept: \(text.prefix(9))") }
        #expect(journal.contains("After space was freed"))
        let notes = try String(contentsOfFile: "\(dir)/\(session)/notes.md", encoding: .utf8)
        #expect(notes.contains("After space was freed") && notes.contains(saved.last?.prefix(8) ?? "?"))
    }

    @Test("scripts adding side by side queue for the session: none refused, lost or duplicated", arguments: [2, 4])
    func parallelWriters(loops: Int) throws {
        let convene = try ConveneProcess()
        defer { convene.cleanUp() }
        let session = try newSession(convene)
        let refusals = Atomic<Int>(0)
        DispatchQueue.concurrentPerform(iterations: loops) { loop in
            for index in 0..<100 {
                let result = try? convene.run(["add", session, "point", "loop \(loop) point \(index)"])
                if result?.status != 0 { refusals.add(1, ordering: .relaxed) }
            }
        }
        #expect(refusals.load(ordering: .relaxed) == 0)
        let texts = try points(convene, session)
        #expect(texts.count == loops * 100)
        #expect(Set(texts).count == loops * 100)
    }

    @Test("an add run again with the same --id keeps nothing new and prints what the first kept")
    func idempotentAdd() throws {
        let convene = try ConveneProcess()
        defer { convene.cleanUp() }
        let session = try newSession(convene)
        let first = try convene.run(["add", session, "point", "Only once", "--id", "import-7"])
        let again = try convene.run(["add", session, "point", "Only once", "--id", "import-7"])
        #expect(first.status == 0 && again.status == 0)
        #expect(again.stdout == first.stdout && first.stdout.hasPrefix("added "), "\(first.stdout)")
        #expect(try points(convene, session) == ["Only once"])
    }

    @Test("a session that cannot be created leaves no folder behind")
    func refusedCreation() throws {
        let convene = try ConveneProcess()
        defer { convene.cleanUp() }
        let refused = try convene.run(["new", "--template", "roundtable", "--title", " "])
        #expect(refused.status != 0)
        let left = (try? FileManager.default.contentsOfDirectory(atPath: convene.sessions.path)) ?? []
        #expect(left.isEmpty, "left behind: \(left)")
    }

    @Test("export to a full device says so and exits 1, without a crash")
    func exportToFullDevice() throws {
        let convene = try ConveneProcess()
        defer { convene.cleanUp() }
        let session = try newSession(convene)
        let shell = try convene.run(["-c", "\(Tmux.quote(ConveneProcess.binary.path)) export \(session) --force > /dev/full"],
                                    binary: URL(fileURLWithPath: "/bin/sh"))
        #expect(shell.status == 1)
        #expect(shell.stderr.contains("standard output: could not write: No space left on device"), "\(shell.stderr)")
    }

    @Test("live: a point whose flush fails stays on screen as typed, Enter saves it, and it is kept once")
    func liveFault() throws {
        guard Tmux.available else { return }
        let convene = try ConveneProcess()
        defer { convene.cleanUp() }
        let session = try newSession(convene)
        // Three agenda moves are saved first; the fourth flush, the point's, fails.
        let tmux = try Tmux.convene(["run", session], for: convene, environment: FaultShim.environment("fsync", at: 4))
        try tmux.waitFor("CHATHAM HOUSE RULE")
        try tmux.press("n", "n", "n", until: "3/8  Open discussion")
        try tmux.press("a", until: "Enter save")
        try tmux.type("Typed once, kept once")
        try tmux.send("Enter")
        let refused = try tmux.waitFor("Not saved")
        #expect(refused.contains("Typed once, kept once"), "the typed text left the screen")
        try tmux.press("Enter", until: "✓ Saved note point")
        try tmux.send("q")
        try tmux.waitForExit()
        #expect(try points(convene, session) == ["Typed once, kept once"])
    }
}
