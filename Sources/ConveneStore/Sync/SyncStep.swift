import ConveneCore
import Foundation

/// The steps of a sync (see `ArchiveSync`), each one git command or a few.
struct SyncStep {
    enum Fetched {
        case fetched(String)
        /// The remote has no such branch yet: this is the first machine to push.
        case remoteEmpty
        case failed(reason: String, offline: Bool)
    }

    enum Pushed {
        case pushed
        /// Another machine pushed first: fetch and merge again.
        case behind
        case failed(reason: String, offline: Bool)
    }

    let git: Git
    let root: URL
    let gitDirectory: URL
    let renderer: NotesRenderer
    let machine: String
    /// Where the merge driver writes what it has to tell (see `MergeJournal`).
    let noticesFile: URL

    // MARK: A sync that was stopped

    /// Completes what a sync killed part-way left: a stale index lock, an unfinished merge. False
    /// when the merge must wait: a session it changed has been opened for writing since.
    func finishInterrupted(_ report: inout SyncReport) throws(SyncError) -> Bool {
        try removeStaleLocks()
        guard FileManager.default.fileExists(atPath: gitDirectory.appendingPathComponent("MERGE_HEAD").path) else { return true }
        let unmerged = Git.fields(try git.check(["diff", "--name-only", "--diff-filter=U", "-z"]))
        guard unmerged.isEmpty else {
            try git.check(["merge", "--abort"])
            return true
        }
        // Every journal was merged before the sync stopped: only the notes and the commit remain,
        // with every session the merge changed held still (one left out would leave its merge undone).
        let changed = Set(Git.fields(try git.check(["diff", "--name-only", "-z", "HEAD"])).compactMap(Self.folder(of:))).sorted()
        var locks = SessionLocks()
        if let open = changed.first(where: { !locks.hold($0, in: root) }) {
            report.outcome = .waiting(reason: "‘\(open)’ is open for writing here, and the merge a stopped sync left finishes once it is closed")
            return false
        }
        for name in changed { rebuildNotes(of: name, &report) }
        try git.check(["add", "--all"])
        try commit(["--no-edit"])
        report.notices += readNotices()
        return true
    }

    /// Git's lock files (the index's, a branch's, the config's) that a killed git left: git
    /// refuses everything until they are gone. One no process has open is such a leftover; one a
    /// git at work holds (the user's own) is waited for a moment.
    private func removeStaleLocks() throws(SyncError) {
        var locks: [String] = []
        if let walker = FileManager.default.enumerator(atPath: gitDirectory.path) {
            while let path = walker.nextObject() as? String {
                // Objects are never locked this way, and there are many of them.
                if path == "objects" { walker.skipDescendants() }
                if path.hasSuffix(".lock") { locks.append(gitDirectory.appendingPathComponent(path).path) }
            }
        }
        for lock in locks {
            for _ in 0..<50 where OpenFiles.isOpen(lock) { usleep(100_000) }
            guard !OpenFiles.isOpen(lock) else {
                throw .gitFailed(command: "git", message: "git is at work in \(root.path) (it holds \(lock)); try again when it is done")
            }
            try? FileManager.default.removeItem(atPath: lock)
        }
    }

    // MARK: Committing what changed here

    func commitLocal(_ report: inout SyncReport, locks: inout SessionLocks) throws(SyncError) {
        var fields = Git.fields(try git.check(["status", "--porcelain=v1", "-z", "--untracked-files=all"]))[...]
        var folders: Set<String> = []
        while let field = fields.popFirst() {
            guard field.count > 3 else { continue }
            let code = field.prefix(2)
            // A rename is followed by the name it had.
            if code.contains("R") || code.contains("C") { _ = fields.popFirst() }
            if let name = Self.folder(of: String(field.dropFirst(3))) { folders.insert(name) }
        }
        var heldBack: [String] = []
        for name in folders.sorted() {
            let folder = SessionFolder(url: root.appendingPathComponent(name, isDirectory: true))
            // Open for writing here, or holding a change the disk refused: its journal may end
            // part-way into a line, which must never go out.
            guard locks.hold(name, in: root), !FileManager.default.fileExists(atPath: folder.url.appendingPathComponent(SessionFolder.refusedTailName).path)
            else {
                heldBack.append(name)
                continue
            }
            if folder.exists, folder.currentNotes() == nil { rebuildNotes(of: name, &report) }
        }
        report.heldBack = heldBack
        // Held-back sessions are left out of the staging itself: unstaged afterwards (`git reset`),
        // their index entries could keep the file's stat beside the old content, and a later
        // `add` then took the file for unchanged.
        try git.check(["add", "--all", "--", "."] + heldBack.map { ":(exclude,literal)\($0)" })
        let staged = Set(Git.fields(try git.check(["diff", "--cached", "--name-only", "-z"])).compactMap(Self.folder(of:))).sorted()
        guard try !git.run(["diff", "--cached", "--quiet"]).succeeded else { return }
        let subject = staged.isEmpty ? "Convene's settings for sharing this archive"
            : staged.count == 1 ? staged[0] : "\(staged.count) sessions"
        try commit(["-m", "Sync from \(machine): \(subject)" + (staged.count > 1 ? "\n\n" + staged.joined(separator: "\n") : "")])
        report.committed = Array(Set(report.committed + staged)).sorted()
    }

    // MARK: Fetching and merging

    func fetch(remote: String, branch: String) throws(SyncError) -> Fetched {
        let result = try git.run(["fetch", "--quiet", remote])
        guard result.succeeded else { return .failed(reason: Self.firstLine(result.errors), offline: Self.isOffline(result.errors)) }
        let ref = "refs/remotes/\(remote)/\(branch)"
        guard try git.run(["rev-parse", "--quiet", "--verify", ref + "^{commit}"]).succeeded else { return .remoteEmpty }
        return .fetched(ref)
    }

    /// Brings `theirs` into this folder: at once when only one side moved, else by a merge whose
    /// journals git hands to Convene's driver. False when it must wait (a session it would change
    /// is open here) or git could not merge something that is not Convene's; `report` says which.
    func integrate(_ theirs: String, remote: String, _ report: inout SyncReport, locks: inout SessionLocks) throws(SyncError) -> Bool {
        if try isAncestor(theirs, of: "HEAD") { return true }
        let base = try git.run(["merge-base", "HEAD", theirs])
        let mergeBase = base.succeeded ? base.output.trimmingCharacters(in: .whitespacesAndNewlines) : nil
        let incoming = try changedFolders(from: mergeBase, to: theirs)
        if let open = incoming.first(where: { !locks.hold($0, in: root) }) {
            report.outcome = .waiting(reason: "‘\(open)’ is open for writing here, and the sync would change it; it syncs once it is closed")
            return false
        }
        if try isAncestor("HEAD", of: theirs) {
            try git.check(["merge", "--ff-only", "--quiet", theirs])
            for name in incoming { _ = locks.renew(name, in: root) }
            report.received += incoming
            return true
        }
        try renameCollisions(base: mergeBase, theirs: theirs, remote: remote, &report)
        let ours = try changedFolders(from: mergeBase, to: "HEAD")
        try? FileManager.default.removeItem(at: noticesFile)
        let merge = try git.run(["merge", "--no-ff", "--no-commit", "--quiet"] + (mergeBase == nil ? ["--allow-unrelated-histories"] : []) + [theirs])
        guard merge.succeeded else {
            let unmerged = Git.fields((try? git.check(["diff", "--name-only", "--diff-filter=U", "-z"])) ?? "")
            _ = try? git.run(["merge", "--abort"])
            let what = unmerged.isEmpty ? "" : " " + unmerged.joined(separator: ", ")
            report.outcome = .notSynced(reason: "git could not merge\(what): \(Self.firstLine(merge.errors + merge.output))", offline: false)
            return false
        }
        for name in incoming { _ = locks.renew(name, in: root) }
        // The notes of a session changed on both sides still show this side's: rebuilt from the merged journal.
        for name in Set(incoming).intersection(ours).sorted() { rebuildNotes(of: name, &report) }
        try git.check(["add", "--all"])
        try commit(["-m", "Merge \(remote) into \(machine)" + (incoming.isEmpty ? "" : "\n\n" + incoming.joined(separator: "\n"))])
        report.received += incoming
        report.notices += readNotices()
        return true
    }

    func push(remote: String, branch: String) throws(SyncError) -> Pushed {
        let result = try git.run(["push", "--porcelain", remote, "HEAD:refs/heads/\(branch)"])
        if result.succeeded { return .pushed }
        let said = result.output + result.errors
        if said.contains("[rejected]") || said.contains("non-fast-forward") || said.contains("fetch first") { return .behind }
        return .failed(reason: Self.firstLine(result.errors.isEmpty ? result.output : result.errors), offline: Self.isOffline(said))
    }

    // MARK: Sessions of the same name

    /// A session created here under a folder name another machine gave its own session (the same
    /// title on the same day) is moved to the next free name before the merge, so the two stay two.
    private func renameCollisions(base: String?, theirs: String, remote: String, _ report: inout SyncReport) throws(SyncError) {
        let here = try addedJournals(since: base, in: "HEAD")
        let there = try addedJournals(since: base, in: theirs)
        var taken = Set(Git.fields(try git.check(["ls-tree", "--name-only", "-z", theirs])) + Git.fields(try git.check(["ls-tree", "--name-only", "-z", "HEAD"])))
        for name in here.intersection(there).sorted() {
            let path = "\(name)/\(SessionFolder.journalName)"
            guard try firstLine(of: path, at: "HEAD") != firstLine(of: path, at: theirs) else { continue }
            var number = 2
            while taken.contains("\(name)-\(number)") || FileManager.default.fileExists(atPath: root.appendingPathComponent("\(name)-\(number)").path) {
                number += 1
            }
            let newName = "\(name)-\(number)"
            try git.check(["mv", name, newName])
            taken.insert(newName)
            report.renamed.append((name, newName))
        }
        guard !report.renamed.isEmpty else { return }
        try commit(["-m", "Rename sessions whose names \(remote) gave its own sessions\n\n"
            + report.renamed.map { "\($0.from) → \($0.to)" }.joined(separator: "\n")])
    }

    private func addedJournals(since base: String?, in ref: String) throws(SyncError) -> Set<String> {
        let paths = base.map { try? git.check(["diff", "--name-only", "--diff-filter=A", "-z", $0, ref]) } ?? (try? git.check(["ls-tree", "-r", "--name-only", "-z", ref]))
        return Set(Git.fields(paths ?? "").filter { $0.hasSuffix("/" + SessionFolder.journalName) }.compactMap(Self.folder(of:)))
    }

    private func firstLine(of path: String, at ref: String) throws(SyncError) -> Substring {
        let content = try git.check(["show", "\(ref):\(path)"])
        return content.prefix { $0 != "\n" }
    }

    // MARK: Helpers

    private func isAncestor(_ ancestor: String, of descendant: String) throws(SyncError) -> Bool {
        try git.run(["merge-base", "--is-ancestor", ancestor, descendant]).succeeded
    }

    /// The session folders whose files differ between `from` (nothing, for nil) and `to`.
    private func changedFolders(from: String?, to: String) throws(SyncError) -> [String] {
        let paths: String
        if let from {
            paths = try git.check(["diff", "--name-only", "-z", from, to])
        } else {
            paths = try git.check(["ls-tree", "-r", "--name-only", "-z", to])
        }
        return Set(Git.fields(paths).compactMap(Self.folder(of:))).sorted()
    }

    private func commit(_ arguments: [String]) throws(SyncError) {
        try git.check(["commit", "--quiet", "--no-verify"] + arguments)
    }

    private func rebuildNotes(of name: String, _ report: inout SyncReport) {
        let folder = SessionFolder(url: root.appendingPathComponent(name, isDirectory: true))
        guard folder.exists else { return }
        do {
            try SessionNotes(folder: folder, renderer: renderer).write(folder.load().log.session)
        } catch {
            report.warnings.append("\(name): the notes could not be rebuilt: \(error)")
        }
    }

    private func readNotices() -> [SyncReport.SessionNotice] {
        defer { try? FileManager.default.removeItem(at: noticesFile) }
        guard let data = try? Data(contentsOf: noticesFile) else { return [] }
        let decoder = JSONDecoder()
        return data.split(separator: 0x0A).compactMap { try? decoder.decode(MergeNoticeLine.self, from: Data($0)) }
            .map { SyncReport.SessionNotice(session: $0.session, notice: $0.notice) }
    }

    /// The session folder a path in the repository is in; nil for a file at the top.
    static func folder(of path: String) -> String? {
        guard let slash = path.firstIndex(of: "/") else { return nil }
        return String(path[..<slash])
    }

    static func firstLine(_ text: String) -> String {
        let lines = text.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty && !$0.hasPrefix("hint:") }
        return lines.first { $0.hasPrefix("fatal:") || $0.hasPrefix("error:") || $0.hasPrefix("ssh:") } ?? lines.first ?? "git said nothing"
    }

    /// Whether git's message is of a network or a host that cannot be reached, rather than of a
    /// refusal: a sync then tries again later, and a person is told "offline".
    static func isOffline(_ message: String) -> Bool {
        let signs = ["Could not resolve host", "Could not resolve hostname", "Connection refused", "Network is unreachable", "timed out",
                     "No route to host", "Connection reset", "Could not read from remote repository", "unable to access",
                     "Temporary failure in name resolution", "Connection closed"]
        return signs.contains { message.localizedCaseInsensitiveContains($0) }
    }
}

/// One line the merge driver writes for the sync that started git: a notice and its session.
public struct MergeNoticeLine: Codable, Sendable {
    public var session: String
    public var notice: MergeNotice

    public init(session: String, notice: MergeNotice) {
        self.session = session
        self.notice = notice
    }
}
