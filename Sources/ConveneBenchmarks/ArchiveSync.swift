import ConveneCore
import ConveneStore
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A 1,000-session archive shared through a bare repository by three machines: `convene sync`
/// where 10 sessions changed, beside plain git bringing in the same change, in the same run; and
/// `convene list` after the sync, which re-reads only the sessions that changed.
///
/// Machine A writes and pushes the change each run (untimed); B syncs with Convene; C is a
/// plain git clone whose person pulls (and, where they changed something too, commits and pushes).
func compareSync(root: URL) throws {
    let convene = Bundle.main.executableURL?.deletingLastPathComponent().appendingPathComponent("convene").path ?? "convene"
    let remote = root.appendingPathComponent("archive.git").path
    let (a, b, c) = (root.appendingPathComponent("a"), root.appendingPathComponent("b"), root.appendingPathComponent("c"))
    try FileManager.default.createDirectory(at: a, withIntermediateDirectories: true)
    try writeArchive(in: a, sessions: 1_000, points: 20)
    let setUp = [
        ["git", "init", "--quiet", "--bare", "--initial-branch", "main", remote],
        [convene, "sync", "--init", remote, "--dir", a.path],
        [convene, "sync", "--init", remote, "--dir", b.path],
        ["git", "clone", "--quiet", remote, c.path],
        ["git", "-C", c.path, "config", "user.email", "c@example.org"],
        ["git", "-C", c.path, "config", "user.name", "C"],
    ]
    for command in setUp where timeProgram(command, runs: 1) == nil {
        throw ValidationFailure("could not set up the shared archive: \(command.joined(separator: " "))")
    }
    var round = 0
    /// One more point in each of 10 sessions of `folder`, from the `offset`th on, as `convene add` would.
    func change(_ folder: URL, from offset: Int) {
        let folders = SessionCatalog(root: folder).folders()
        for session in folders[offset..<(offset + 10)] {
            guard let writer = try? SessionWriter.open(session, author: folder.lastPathComponent) else { continue }
            _ = try? writer.apply(.pointAdded(point: point(writer.session.nextID, round)), at: date)
            writer.close()
        }
        round += 1
    }
    /// A line more in each of 10 journals of the plain clone: for git, which merges lines and
    /// reads none (after its union merge, no writer could open those journals any more).
    func append(from offset: Int) {
        for session in SessionCatalog(root: c).folders()[offset..<(offset + 10)] {
            guard let handle = try? FileHandle(forWritingTo: session.journal) else { continue }
            _ = try? handle.seekToEnd()
            try? handle.write(contentsOf: Data("{\"written\":\"in C\",\"round\":\(round)}\n".utf8))
            try? handle.close()
            round += 1
        }
    }
    let elsewhere = {
        change(a, from: 0)
        _ = timeProgram([convene, "sync", "--dir", a.path], runs: 1)
    }
    let git = { (arguments: String) in ["sh", "-c", "cd '\(c.path)' && \(arguments)"] }
    let union = c.appendingPathComponent(".git/info/attributes")
    print("")
    print("A shared archive of 1,000 sessions of 20 points, 10 of them changed, median of 5:")
    print("")
    print("| what changed | convene sync | plain git, the same change | git |")
    print("| --- | ---: | ---: | --- |")
    for (label, convenePrepare, gitCommand, gitPrepare) in [
        ("10 sessions on another machine", elsewhere, "git pull --quiet --no-rebase", elsewhere),
        ("10 on another machine, 10 others here", { elsewhere(); change(b, from: 100) },
         "git add -A && git commit --quiet -m here && git pull --quiet --no-rebase && git push --quiet", { elsewhere(); change(c, from: 200) }),
        ("the same 10 here and on another machine (merged by event id)", { elsewhere(); change(b, from: 0) },
         // Git's own line-union merge: it never conflicts, but it doubles and reorders journal lines.
         "git add -A && git commit --quiet -m here && git pull --quiet --no-rebase", {
            try? Data("*/session.jsonl merge=union\n".utf8).write(to: union)
            elsewhere()
            append(from: 0)
         }),
    ] as [(String, () -> Void, String, () -> Void)] {
        let synced = timeProgram([convene, "sync", "--dir", b.path], before: convenePrepare)
        let pulled = timeProgram(git(gitCommand), before: gitPrepare)
        print("| \(label) | \(synced.map(format) ?? "failed") | \(pulled.map(format) ?? "failed") | `\(gitCommand)` |")
        fflush(nil)
    }
    let listed = timeProgram([convene, "list", "--dir", b.path], before: {
        elsewhere()
        _ = timeProgram([convene, "sync", "--dir", b.path], runs: 1)
    })
    let unchanged = timeProgram([convene, "list", "--dir", b.path])
    print("")
    print("| what | time |")
    print("| --- | ---: |")
    print("| convene list right after a sync brought in 10 changed sessions | \(listed.map(format) ?? "failed") |")
    print("| convene list, nothing changed | \(unchanged.map(format) ?? "failed") |")
    fflush(nil)
}
