import Foundation

/// The sessions folder as a git repository shared with other machines: the files Convene writes
/// there so that git keeps what matters and merges it without conflicts, and where it syncs to.
public struct ArchiveRepository: Sendable {
    /// What never travels: Convene's own files beside the journals (the archive's index, a
    /// session's checkpoint, presence, socket, temporary files, all named with a leading dot)
    /// are rebuilt from the journals or belong to this machine; a draft (`draft.json`, and each
    /// joined screen's `draft-NAME.json`) is one person's typing.
    static let ignored = """
        # Written by Convene (convene sync). Its files that start with a dot are rebuilt from the
        # journals or belong to this machine alone, and a draft is one person's unsaved typing.
        .*
        !.gitignore
        !.gitattributes
        draft*.json

        """

    /// How git merges a session's files: journals by event id, by `convene merge-journal`;
    /// notes by keeping either, since every sync rebuilds them from the merged journal.
    static let attributes = """
        # Written by Convene (convene sync): how git merges a session's files.
        */session.jsonl merge=convene-journal
        */notes.md merge=convene-notes

        """

    static let journalDriver = "convene-journal"
    static let notesDriver = "convene-notes"

    public let root: URL
    let git: Git

    public init(root: URL) {
        self.root = root.standardizedFileURL
        git = Git(folder: self.root)
    }

    /// The repository's own folder, nil when the sessions folder is not the top of a repository.
    var gitDirectory: URL? {
        guard let top = try? git.run(["rev-parse", "--show-toplevel", "--absolute-git-dir"]), top.succeeded else { return nil }
        let lines = top.output.split(separator: "\n").map(String.init)
        guard lines.count == 2, URL(fileURLWithPath: lines[0]).resolvingSymlinksInPath() == root.resolvingSymlinksInPath() else { return nil }
        return URL(fileURLWithPath: lines[1], isDirectory: true)
    }

    /// Where this folder syncs to: its branch's remote and branch, else `origin` and the same name.
    func upstream() throws(SyncError) -> (remote: String, branch: String) {
        let branch = try git.check(["symbolic-ref", "--short", "HEAD"]).trimmingCharacters(in: .whitespacesAndNewlines)
        let configured = try git.run(["config", "--get", "branch.\(branch).remote"]).output.trimmingCharacters(in: .whitespacesAndNewlines)
        let remotes = try git.check(["remote"]).split(separator: "\n").map(String.init)
        let remote: String? = configured.isEmpty ? (remotes.contains("origin") ? "origin" : remotes.first) : configured
        guard let remote else { throw .noRemote(path: root.path) }
        let merge = try git.run(["config", "--get", "branch.\(branch).merge"]).output.trimmingCharacters(in: .whitespacesAndNewlines)
        return (remote, merge.isEmpty ? branch : String(merge.dropFirst(merge.hasPrefix("refs/heads/") ? 11 : 0)))
    }

    /// Makes the folder a repository syncing with `url`: a new one on the remote's default branch
    /// (or `main` when the remote is empty), or an existing one given `url` as its `origin`.
    public func initialise(remote url: String) throws(SyncError) {
        if gitDirectory != nil {
            let existing = try git.run(["remote", "get-url", "origin"])
            if existing.succeeded {
                let current = existing.output.trimmingCharacters(in: .whitespacesAndNewlines)
                guard current == url else { throw .notEmpty(path: root.path, remote: current) }
            } else {
                try git.check(["remote", "add", "origin", url])
            }
            return
        }
        // The branch another office already shares, so this folder joins its history.
        let head = try git.run(["ls-remote", "--symref", url, "HEAD"])
        guard head.succeeded else { throw .gitFailed(command: "git ls-remote \(url)", message: head.errors) }
        let branch = head.output.split(separator: "\n").first { $0.hasPrefix("ref: refs/heads/") }
            .map { String($0.dropFirst("ref: refs/heads/".count).prefix { $0 != "\t" }) } ?? "main"
        try git.check(["init", "--quiet", "--initial-branch", branch])
        try git.check(["remote", "add", "origin", url])
        try git.check(["config", "branch.\(branch).remote", "origin"])
        try git.check(["config", "branch.\(branch).merge", "refs/heads/\(branch)"])
    }

    /// Writes `.gitignore` and `.gitattributes` where they say something else (one pushed from
    /// elsewhere included), and tells this repository's git how to run the merge drivers
    /// (`driver`: Convene's own command line) and to check out no symbolic links.
    func prepare(driver: String) throws(SyncError) {
        for (name, content) in [(".gitignore", Self.ignored), (".gitattributes", Self.attributes)] {
            let url = root.appendingPathComponent(name)
            guard (try? AtomicFile.existingContent(of: url.path)).map({ String(decoding: $0, as: UTF8.self) }) != content else { continue }
            do {
                try AtomicFile.write(content, to: url)
            } catch {
                throw .gitFailed(command: "writing \(name)", message: "\(error)")
            }
        }
        let settings = [
            ("merge.\(Self.journalDriver).name", "Convene: merge a session's journals by event id"),
            ("merge.\(Self.journalDriver).driver", driver + " merge-journal %O %A %B %P"),
            ("merge.\(Self.notesDriver).name", "Convene: notes are rebuilt from the merged journal"),
            ("merge.\(Self.notesDriver).driver", "true"),
            // A link someone committed arrives as a small file naming its target, never as a link
            // that a session's files could be read or written through.
            ("core.symlinks", "false"),
        ]
        for (key, value) in settings where try git.run(["config", "--get", key]).output.trimmingCharacters(in: .newlines) != value {
            try git.check(["config", key, value])
        }
    }
}
