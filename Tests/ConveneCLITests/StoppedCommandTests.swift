import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// A command stopped from outside (a signal, a crash) ends what it started, removes what it wrote
/// aside, and says what happened in one line.
@Suite("Commands stopped from outside")
struct StoppedCommandTests {
    /// Starts `convene` with `arguments`, its output collected, in `convene`'s sessions folder.
    private func start(_ arguments: [String], for convene: ConveneProcess, environment extra: [String: String] = [:])
        throws -> (process: Process, errors: Pipe) {
        let process = Process()
        process.executableURL = ConveneProcess.binary
        process.arguments = arguments
        var environment = ProcessInfo.processInfo.environment
        environment["SWIFT_BACKTRACE"] = nil
        environment["CONVENE_HOME"] = convene.sessions.path
        environment["XDG_CONFIG_HOME"] = convene.home.appendingPathComponent("config").path
        environment.merge(extra) { _, new in new }
        process.environment = environment
        let errors = Pipe()
        process.standardError = errors
        process.standardOutput = FileHandle.nullDevice
        process.standardInput = FileHandle.nullDevice
        try process.run()
        return (process, errors)
    }

    /// Waits up to `seconds` for `condition`; whether it came true.
    private func eventually(seconds: Double = 15, _ condition: () -> Bool) -> Bool {
        let deadline = Date(timeIntervalSinceNow: seconds)
        while Date() < deadline {
            if condition() { return true }
            usleep(20_000)
        }
        return condition()
    }

    /// Whether a process runs (a zombie, dead but not yet reaped, does not).
    private func isRunning(_ pid: Int32) -> Bool {
        guard let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
              let close = stat.lastIndex(of: ")") else { return false }
        return !stat[close...].dropFirst(2).hasPrefix("Z")
    }

    @Test("SIGTERM during a long export ends the converter too, and leaves nothing in the temporary folder")
    func exportStopped() throws {
        let convene = try ConveneProcess()
        defer { convene.cleanUp() }
        let session = try convene.newSession(title: "Stopped export")
        #expect(try convene.run(["add", session, "point", "Under the rule"]).status == 0)
        // A converter that takes its time, and says who it and its own child are.
        let tools = convene.home.appendingPathComponent("bin")
        let scratch = convene.home.appendingPathComponent("tmp")
        try FileManager.default.createDirectory(at: tools, withIntermediateDirectories: true)
        try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
        let pids = convene.home.appendingPathComponent("converter.pids")
        try writeExecutable(Data("#!/bin/sh\nsleep 60 &\necho $$ $! > '\(pids.path)'\nwait\n".utf8), to: tools.appendingPathComponent("pandoc"))

        let (export, _) = try start(["export", session, "--format", "html", "-o", convene.home.appendingPathComponent("x.html").path],
                                    for: convene, environment: ["PATH": tools.path + ":/usr/bin:/bin", "TMPDIR": scratch.path])
        defer { if export.isRunning { kill(export.processIdentifier, SIGKILL) } }
        #expect(eventually { ((try? String(contentsOf: pids, encoding: .utf8)) ?? "").hasSuffix("\n") })
        let started = try String(contentsOf: pids, encoding: .utf8).split(whereSeparator: \.isWhitespace).compactMap { Int32($0) }
        #expect(started.count == 2)
        defer { for pid in started { kill(pid, SIGKILL) } }

        kill(export.processIdentifier, SIGTERM)
        try #require(eventually { !export.isRunning }, "convene export did not end on SIGTERM")
        #expect(export.terminationReason == .uncaughtSignal && export.terminationStatus == SIGTERM)
        #expect(eventually { !started.contains(where: isRunning) }, "the converter outlived convene")
        #expect(try FileManager.default.contentsOfDirectory(atPath: scratch.path).isEmpty)
    }

    @Test("a crash prints one line saying what happened, without a backtrace or source paths")
    func crashSaysOneLine() throws {
        let convene = try ConveneProcess()
        defer { convene.cleanUp() }
        let session = try convene.newSession(title: "Crash")
        let journal = convene.sessions.appendingPathComponent(session).appendingPathComponent("session.jsonl")
        // Another writer holds the session, so `add` waits where a signal can find it.
        let holder = open(journal.path, O_RDONLY | O_CLOEXEC)
        defer { close(holder) }
        #expect(flock(holder, LOCK_EX) == 0)

        let (add, errors) = try start(["add", session, "point", "Waiting", "--wait", "60"], for: convene)
        defer { if add.isRunning { kill(add.processIdentifier, SIGKILL) } }
        let opened = eventually {
            let fds = (try? FileManager.default.contentsOfDirectory(atPath: "/proc/\(add.processIdentifier)/fd")) ?? []
            return fds.contains { (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/\(add.processIdentifier)/fd/\($0)")) == journal.path }
        }
        #expect(opened, "add never opened the journal")
        kill(add.processIdentifier, SIGSEGV)
        try #require(eventually { !add.isRunning }, "convene add did not end on SIGSEGV")
        let said = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        #expect(add.terminationReason == .uncaughtSignal && add.terminationStatus == SIGSEGV)
        let lines = said.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }.filter { !$0.isEmpty }
        #expect(lines == ["convene crashed: a bad memory access (SIGSEGV). Everything shown as saved is in the session's journal."],
                "\(said)")
    }
}
