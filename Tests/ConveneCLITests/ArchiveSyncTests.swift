import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// Offices sharing one archive through a bare git repository, each with its own clone, running
/// `convene sync` as people would: everything written anywhere ends everywhere, identical, with
/// no conflict for anyone to resolve.
@Suite("Sharing an archive through git")
struct ArchiveSyncTests {
    /// A bare repository standing for the organisation's shared one, and the offices' folders.
    final class Organisation {
        let folder: URL
        let remote: URL
        private(set) var offices: [ConveneProcess] = []

        init() throws {
            folder = FileManager.default.temporaryDirectory.appendingPathComponent("convene-sync-\(UUID().uuidString)", isDirectory: true)
            remote = folder.appendingPathComponent("archive.git", isDirectory: true)
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            try git(["init", "--quiet", "--bare", "--initial-branch", "main", remote.path])
        }

        func office() throws -> ConveneProcess {
            let office = try ConveneProcess()
            offices.append(office)
            return office
        }

        deinit {
            for office in offices { office.cleanUp() }
            try? FileManager.default.removeItem(at: folder)
        }
    }

    /// Runs git as a person would in a terminal, and returns what it printed.
    @discardableResult
    static func git(_ arguments: [String], in folder: URL? = nil) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["git"] + (folder.map { ["-C", $0.path] } ?? []) + arguments
        let output = Pipe()
        process.standardOutput = output
        process.standardError = output
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let text = String(decoding: data, as: UTF8.self)
        try #require(process.terminationStatus == 0, "git \(arguments.joined(separator: " ")): \(text)")
        return text
    }

    private func sync(_ office: ConveneProcess, _ arguments: [String] = []) throws -> ConveneProcess.Result {
        let result = try office.run(["sync"] + arguments)
        #expect(result.status == 0, "sync failed: \(result.stdout) \(result.stderr)")
        return result
    }

    private func add(_ office: ConveneProcess, _ session: String, _ text: String) throws {
        let added = try office.run(["add", session, "point", text])
        try #require(added.status == 0, "\(added.stderr)")
    }

    /// Every file of every session folder, by path: what two offices must hold alike.
    private func contents(of office: ConveneProcess) throws -> [String: Data] {
        var files: [String: Data] = [:]
        for name in try FileManager.default.contentsOfDirectory(atPath: office.sessions.path) where !name.hasPrefix(".") {
            let folder = office.sessions.appendingPathComponent(name)
            for file in ["session.jsonl", "notes.md"] {
                files["\(name)/\(file)"] = try Data(contentsOf: folder.appendingPathComponent(file))
            }
        }
        return files
    }

    /// What `git status` says is uncommitted: nothing, after every sync.
    private func expectClean(_ office: ConveneProcess, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let status = try Self.git(["status", "--porcelain"], in: office.sessions)
        let diff = status.isEmpty ? "" : try Self.git(["diff"], in: office.sessions)
        #expect(status.isEmpty, "git status after a sync: \(status)\n\(diff)", sourceLocation: sourceLocation)
        for (path, data) in try contents(of: office) {
            let text = String(decoding: data, as: UTF8.self)
            #expect(!text.contains("<<<<<<<") && !text.contains(">>>>>>>"), "a conflict marker in \(path)", sourceLocation: sourceLocation)
        }
    }

    @Test("two offices write one session apart and rename it both: after syncing both hold the same record, every point once, and the earlier rename is told and can be put back")
    func twoOffices() throws {
        let organisation = try Organisation()
        let london = try organisation.office()
        let leeds = try organisation.office()
        let session = try london.newSession(title: "Strategy day", date: "2026-12-01")
        try add(london, session, "Funding should follow learning")
        #expect(try sync(london, ["--init", organisation.remote.path]).stdout.contains("synced: 1 session sent"))
        try expectClean(london)
        #expect(try sync(leeds, ["--init", organisation.remote.path]).stdout.contains("1 session received"))

        try add(london, session, "London: trust takes years")
        #expect(try london.run(["set", session, "title", "Strategy day, London"]).status == 0)
        try add(leeds, session, "Leeds: trust takes years 日本語 👩🏽‍💻")
        #expect(try leeds.run(["set", session, "title", "Strategy day, Leeds"]).status == 0)

        _ = try sync(london)
        let told = try sync(leeds)
        _ = try sync(london)
        try expectClean(london)
        try expectClean(leeds)
        #expect(try contents(of: london) == contents(of: leeds))
        let notes = try london.notes(of: session)
        for point in ["Funding should follow learning", "London: trust takes years", "Leeds: trust takes years 日本語 👩🏽‍💻"] {
            #expect(notes.components(separatedBy: point).count == 2, "\(point) should be in the notes once")
        }
        // Both renamed after as many changes, so their clocks tie and the event ids decide which
        // rename stands: either way the same everywhere, and the office whose rename gave way is told.
        let title = try #require(notes.split(separator: "\n").first { $0.hasPrefix("title: ") })
        let standing = title.contains("Leeds") ? "Leeds" : "London"
        let output = told.stdout
        #expect(output.contains("was changed here and by"), "\(output)")
        #expect(output.contains("the title: ‘Strategy day, \(standing == "Leeds" ? "London" : "Leeds")’"), "\(output)")
        let line = try #require(output.split(separator: "\n").first { $0.contains("--put-back") })
        let putBack = try #require(line.range(of: "convene sync --put-back ")).upperBound
        let words = line[putBack...].split(separator: " ").map(String.init)
        let office = standing == "Leeds" ? leeds : london
        #expect(try office.run(["sync", "--put-back"] + words).status == 0)
        _ = try sync(office)
        _ = try sync(standing == "Leeds" ? london : leeds)
        #expect(try london.notes(of: session).contains("title: Strategy day, \(standing == "Leeds" ? "London" : "Leeds")"))
        #expect(try contents(of: london) == contents(of: leeds))
    }

    @Test("the same session written apart in three offices, synced in every order, ends identical everywhere with every point",
          arguments: [[0, 1, 2], [0, 2, 1], [1, 0, 2], [1, 2, 0], [2, 0, 1], [2, 1, 0]])
    func everyOrder(order: [Int]) throws {
        let organisation = try Organisation()
        let first = try organisation.office()
        let session = try first.newSession(title: "Peer learning, session 3", date: "2026-12-02")
        _ = try sync(first, ["--init", organisation.remote.path])
        let offices = [first, try organisation.office(), try organisation.office()]
        for office in offices.dropFirst() { _ = try sync(office, ["--init", organisation.remote.path]) }
        for (index, office) in offices.enumerated() {
            for number in 1...3 { try add(office, session, "office \(index) point \(number)") }
        }
        // Everyone in the given order, then once more round so the first hears of the last.
        for index in order + order { _ = try sync(offices[index]) }
        let reference = try contents(of: offices[0])
        for office in offices {
            try expectClean(office)
            #expect(try contents(of: office) == reference)
        }
        let notes = try offices[0].notes(of: session)
        for index in 0..<3 {
            for number in 1...3 { #expect(notes.components(separatedBy: "office \(index) point \(number)").count == 2) }
        }
    }

    @Test("two offices that create a session of the same title on the same day keep two sessions, the later one renamed")
    func sameName() throws {
        let organisation = try Organisation()
        let london = try organisation.office()
        let leeds = try organisation.office()
        _ = try sync(london, ["--init", organisation.remote.path])
        _ = try sync(leeds, ["--init", organisation.remote.path])
        let here = try london.newSession(title: "Strategy day", date: "2026-12-03")
        let there = try leeds.newSession(title: "Strategy day", date: "2026-12-03")
        #expect(here == there)
        try add(london, here, "said in London")
        try add(leeds, there, "said in Leeds")
        _ = try sync(london)
        let renamed = try sync(leeds)
        #expect(renamed.stdout.contains("renamed \(there) to \(there)-2"), "\(renamed.stdout)")
        _ = try sync(london)
        #expect(try contents(of: london) == contents(of: leeds))
        #expect(try london.notes(of: "\(here)-2").contains("said in Leeds"))
        let original = try String(contentsOf: london.sessions.appendingPathComponent(here).appendingPathComponent("notes.md"), encoding: .utf8)
        #expect(original.contains("said in London") && !original.contains("said in Leeds"))
        try expectClean(leeds)
    }

    @Test("offline, sync says so and keeps what was written here committed; back online, it all goes out")
    func offline() throws {
        let organisation = try Organisation()
        let office = try organisation.office()
        let session = try office.newSession(title: "On the train", date: "2026-12-04")
        _ = try sync(office, ["--init", organisation.remote.path])
        try add(office, session, "typed without a network")
        try Self.git(["remote", "set-url", "origin", "ssh://127.0.0.1:1/archive.git"], in: office.sessions)
        let away = try office.run(["sync"])
        #expect(away.status == 75)
        #expect(away.stdout.contains("not synced: offline"), "\(away.stdout) \(away.stderr)")
        try expectClean(office)
        try Self.git(["remote", "set-url", "origin", organisation.remote.path], in: office.sessions)
        _ = try sync(office)
        let other = try organisation.office()
        _ = try sync(other, ["--init", organisation.remote.path])
        #expect(try other.notes(of: session).contains("typed without a network"))
    }

    @Test("a session open for writing is left out of the sync, and goes with the first sync after it closes")
    func openSession() throws {
        let organisation = try Organisation()
        let office = try organisation.office()
        let session = try office.newSession(title: "Live now", date: "2026-12-05")
        _ = try sync(office, ["--init", organisation.remote.path])
        try add(office, session, "written while the session is open")
        // Held as a live session holds it: the writers' lock on its journal.
        let journal = office.sessions.appendingPathComponent(session).appendingPathComponent("session.jsonl")
        let fd = open(journal.path, O_RDONLY)
        try #require(fd >= 0 && flock(fd, LOCK_EX) == 0)
        let held = try sync(office)
        #expect(held.stdout.contains("\(session) is open for writing here"), "\(held.stdout)")
        #expect(try Self.git(["status", "--porcelain"], in: office.sessions).contains(session))
        close(fd)
        _ = try sync(office)
        try expectClean(office)
    }

    @Test("a sync killed at any point leaves a repository the next sync completes, with nothing lost", arguments: [0, 25, 50, 75, 100, 150, 200, 300])
    func killed(afterMilliseconds delay: Int) throws {
        let organisation = try Organisation()
        let london = try organisation.office()
        let leeds = try organisation.office()
        let session = try london.newSession(title: "Interrupted", date: "2026-12-06")
        _ = try sync(london, ["--init", organisation.remote.path])
        _ = try sync(leeds, ["--init", organisation.remote.path])
        try add(london, session, "London before the kill")
        _ = try sync(london)
        try add(leeds, session, "Leeds before the kill")
        let process = Process()
        process.executableURL = ConveneProcess.binary
        process.arguments = ["sync", "--dir", leeds.sessions.path]
        process.environment = ProcessInfo.processInfo.environment.merging(["HOME": leeds.home.path]) { $1 }
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        usleep(UInt32(delay * 1_000))
        // The whole group (Foundation starts it in a group of its own): convene and the git it
        // started, which may leave git's own lock behind.
        kill(-process.processIdentifier, SIGKILL)
        process.waitUntilExit()
        try add(leeds, session, "Leeds after the kill")
        _ = try sync(leeds)
        _ = try sync(london)
        try expectClean(leeds)
        try expectClean(london)
        #expect(try contents(of: london) == contents(of: leeds))
        let notes = try london.notes(of: session)
        for point in ["London before the kill", "Leeds before the kill", "Leeds after the kill"] {
            #expect(notes.components(separatedBy: point).count == 2, "\(point)")
        }
    }

    /// Waits up to `seconds` for `condition`, looking every tenth of a second.
    static func eventually(_ what: String, seconds: Double = 20, _ condition: () throws -> Bool,
                            sourceLocation: SourceLocation = #_sourceLocation) throws {
        let deadline = Date().addingTimeInterval(seconds)
        while Date() < deadline {
            if try condition() { return }
            usleep(100_000)
        }
        Issue.record("waited \(Int(seconds)) s for \(what)", sourceLocation: sourceLocation)
    }

    /// Waits until no sync of `office`'s folder is at work (one holds the repository's folder), so
    /// that none still writes there when the test removes it.
    static func waitForBackgroundSync(in office: ConveneProcess, sourceLocation: SourceLocation = #_sourceLocation) {
        let gitFolder = open(office.sessions.appendingPathComponent(".git").path, O_RDONLY | O_DIRECTORY)
        #expect(flock(gitFolder, LOCK_EX) == 0, sourceLocation: sourceLocation)
        close(gitFolder)
    }

    @Test("with [sync] auto, listing the archive syncs in the background without waiting; offline, list says so and still lists")
    func automatic() throws {
        let organisation = try Organisation()
        let office = try organisation.office()
        let session = try office.newSession(title: "Synced on its own", date: "2026-12-06")
        _ = try sync(office, ["--init", organisation.remote.path])
        let config = office.home.appendingPathComponent("config/convene")
        try FileManager.default.createDirectory(at: config, withIntermediateDirectories: true)
        try Data("[sync]\nauto = true\n".utf8).write(to: config.appendingPathComponent("config.toml"))
        try add(office, session, "sent without asking")
        let listed = try office.run(["list"])
        #expect(listed.status == 0 && listed.stdout.contains(session))
        let status = office.sessions.appendingPathComponent(".git/convene-sync.json")
        try Self.eventually("the background sync to push") {
            try Self.git(["log", "-p", "--all"], in: organisation.remote).contains("sent without asking")
                && (try? String(contentsOf: status, encoding: .utf8))?.contains("\"synced\":true") == true
        }

        try Self.git(["remote", "set-url", "origin", "ssh://127.0.0.1:1/archive.git"], in: office.sessions)
        try add(office, session, "typed offline")
        #expect(try office.run(["list"]).status == 0)
        try Self.eventually("the background sync to find it offline") {
            (try? String(contentsOf: status, encoding: .utf8))?.contains("\"offline\":true") == true
        }
        let offline = try office.run(["list"])
        #expect(offline.status == 0)
        #expect(offline.stdout.contains(session))
        #expect(offline.stderr.contains("not synced: offline"), "\(offline.stderr)")
        try expectClean(office)
        // Nothing changed since the last try, so that list started no sync.
        Self.waitForBackgroundSync(in: office)
    }

    @Test("a link committed on another machine in place of a session's notes arrives as a plain file, and nothing is written through it")
    func plantedLink() throws {
        let organisation = try Organisation()
        let attacker = try organisation.office()
        let office = try organisation.office()
        let session = try attacker.newSession(title: "Planted", date: "2026-12-06")
        _ = try sync(attacker, ["--init", organisation.remote.path])
        _ = try sync(office, ["--init", organisation.remote.path])
        _ = try sync(attacker)
        let target = organisation.folder.appendingPathComponent("someone-elses-file.txt")
        try Data("keep me\n".utf8).write(to: target)
        // Committed by hand, as git lets anyone with push access do.
        let notes = attacker.sessions.appendingPathComponent(session).appendingPathComponent("notes.md")
        try FileManager.default.removeItem(at: notes)
        try FileManager.default.createSymbolicLink(atPath: notes.path, withDestinationPath: target.path)
        try Self.git(["-c", "user.name=x", "-c", "user.email=x@x", "commit", "--quiet", "-am", "a link"], in: attacker.sessions)
        try Self.git(["push", "--quiet", "origin", "HEAD:main"], in: attacker.sessions)

        _ = try sync(office)
        let arrived = office.sessions.appendingPathComponent(session).appendingPathComponent("notes.md")
        #expect(try FileManager.default.attributesOfItem(atPath: arrived.path)[.type] as? FileAttributeType == .typeRegular)
        try add(office, session, "written after the link arrived")
        _ = try sync(office)
        #expect(try String(contentsOf: target, encoding: .utf8) == "keep me\n")
        #expect(try office.notes(of: session).contains("written after the link arrived"))
    }

    @Test("a journal written before changes had ids, shared and then written in two offices, merges with every point once")
    func journalOfTheOlderFormat() throws {
        let organisation = try Organisation()
        let london = try organisation.office()
        let leeds = try organisation.office()
        let session = try london.newSession(title: "Kept for years", date: "2025-06-01")
        try add(london, session, "said in the old days")
        // As the version before ids wrote it: no id, no writer, no clock on any line.
        let journal = london.sessions.appendingPathComponent(session).appendingPathComponent("session.jsonl")
        let old = try String(contentsOf: journal, encoding: .utf8).split(separator: "\n").map { line -> String in
            var object = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
            for field in ["id", "by", "clock"] { object[field] = nil }
            return String(decoding: try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys, .withoutEscapingSlashes]), as: UTF8.self)
        }
        try Data((old.joined(separator: "\n") + "\n").utf8).write(to: journal)
        #expect(!(try String(contentsOf: journal, encoding: .utf8)).contains("\"clock\""))
        _ = try sync(london, ["--init", organisation.remote.path])
        _ = try sync(leeds, ["--init", organisation.remote.path])
        try add(london, session, "London, now")
        try add(leeds, session, "Leeds, now")
        _ = try sync(london)
        _ = try sync(leeds)
        _ = try sync(london)
        #expect(try contents(of: london) == contents(of: leeds))
        let notes = try london.notes(of: session)
        for point in ["said in the old days", "London, now", "Leeds, now"] {
            #expect(notes.components(separatedBy: point).count == 2, "\(point)")
        }
        try expectClean(leeds)
    }
}
