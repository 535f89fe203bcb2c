import ConveneCore
import Foundation

/// One sync of a sessions folder shared through git: commit what changed here, fetch, merge (the
/// journals by event id, through `JournalFileMerge` as git's merge driver), rebuild the notes of
/// what changed, push, and when the push is refused because another machine pushed first, fetch
/// and merge again.
///
/// A session open for writing here is neither committed nor merged: its journal may be half a
/// line into a change, and git replaces the files it merges, which a writer holding the old file
/// would not see. Its changes go with the next sync after it closes. A sync killed at any point
/// leaves a repository the next one completes: an unfinished merge is finished, a stale index
/// lock is removed.
public struct ArchiveSync {
    /// Pushes refused because another machine pushed first, before giving up for now.
    static let attempts = 5

    public let repository: ArchiveRepository
    let renderer: NotesRenderer
    /// Convene's own command line, for git to run as the journals' merge driver.
    let driver: String
    /// This machine's name, for the commit messages.
    let machine: String
    /// No prompts: a sync in the background has nobody to answer them.
    let background: Bool

    public init(repository: ArchiveRepository, renderer: NotesRenderer, driver: String, machine: String, background: Bool = false) {
        self.repository = repository
        self.renderer = renderer
        self.driver = driver
        self.machine = machine
        self.background = background
    }

    private var root: URL { repository.root }

    public func sync() throws(SyncError) -> SyncReport {
        guard let gitDirectory = repository.gitDirectory else { throw .notARepository(path: root.path) }
        // One sync of a folder at a time: a second one (the background's, a person's) waits its turn.
        guard let turn = FolderLock.acquire(directory: gitDirectory) else {
            var report = SyncReport()
            report.outcome = .waiting(reason: "another sync of this folder is under way")
            return report
        }
        defer { turn.release() }
        var git = repository.git
        let notices = gitDirectory.appendingPathComponent("convene-merge-notices.jsonl")
        git.environment["CONVENE_MERGE_NOTICES"] = notices.path
        // Commits are the user's when git knows who they are; else this machine's login, so a
        // machine nobody set git up on still syncs (git refuses to merge without a name).
        if try !git.run(["config", "user.email"]).succeeded {
            let login = ProcessInfo.processInfo.environment["USER"] ?? "convene"
            for role in ["AUTHOR", "COMMITTER"] {
                git.environment["GIT_\(role)_NAME"] = login
                git.environment["GIT_\(role)_EMAIL"] = "\(login)@\(machine)"
            }
        }
        if background {
            git.environment["GIT_TERMINAL_PROMPT"] = "0"
            if ProcessInfo.processInfo.environment["GIT_SSH_COMMAND"] == nil { git.environment["GIT_SSH_COMMAND"] = "ssh -o BatchMode=yes" }
        }
        do {
            let report = try sync(git: git, gitDirectory: gitDirectory, notices: notices)
            repository.record(report.outcome, in: gitDirectory)
            return report
        } catch {
            repository.record(.notSynced(reason: "\(error)", offline: false), in: gitDirectory)
            throw error
        }
    }

    private func sync(git: Git, gitDirectory: URL, notices: URL) throws(SyncError) -> SyncReport {
        var report = SyncReport()
        let step = SyncStep(git: git, root: root, gitDirectory: gitDirectory, renderer: renderer, machine: machine, noticesFile: notices)
        try repository.prepare(driver: driver)
        guard try step.finishInterrupted(&report) else { return report }
        let (remote, branch) = try repository.upstream()
        // Sessions are locked only while git reads or replaces their files, never while it talks
        // to the remote: a person opening one meanwhile waits a moment at most (a live screen
        // tries for two seconds), however slow the network.
        do {
            var locks = SessionLocks()
            try step.commitLocal(&report, locks: &locks)
        }
        for _ in 0..<Self.attempts {
            let fetched = try step.fetch(remote: remote, branch: branch)
            if case .failed(let reason, let offline) = fetched {
                report.outcome = .notSynced(reason: reason, offline: offline)
                return report
            }
            if case .fetched(let theirs) = fetched {
                var locks = SessionLocks()
                // What was written while git fetched goes in first: git merges only a clean tree.
                try step.commitLocal(&report, locks: &locks)
                guard try step.integrate(theirs, remote: remote, &report, locks: &locks) else { return report }
            }
            switch try step.push(remote: remote, branch: branch) {
            case .pushed:
                report.outcome = .synced
                return report
            case .behind:
                continue
            case .failed(let reason, let offline):
                report.outcome = .notSynced(reason: reason, offline: offline)
                return report
            }
        }
        report.outcome = .notSynced(reason: "the shared repository kept changing while this sync pushed; try again", offline: false)
        return report
    }
}

/// The sessions' journal locks a sync holds while it commits or merges them.
struct SessionLocks {
    private var held: [String: JournalLock] = [:]

    /// Whether this sync holds (or now takes) the lock of the session in `name`; false while a
    /// writer has it open. A folder that is no session (or is gone) needs no lock.
    mutating func hold(_ name: String, in root: URL) -> Bool {
        if held[name] != nil { return true }
        let folder = SessionFolder(url: root.appendingPathComponent(name, isDirectory: true))
        guard folder.exists else { return true }
        guard let lock = JournalLock.acquire(folder) else { return false }
        held[name] = lock
        return true
    }

    /// Lets go of a session whose journal git replaced, and takes the lock of the new file.
    mutating func renew(_ name: String, in root: URL) -> Bool {
        held[name] = nil
        return hold(name, in: root)
    }
}
