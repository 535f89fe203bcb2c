import ConveneCore
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// One session's folder on disk: `session.jsonl`, the source of truth, and `notes.md`, regenerated.
public struct SessionFolder: Sendable, Equatable {
    public static let journalName = "session.jsonl"
    public static let notesName = "notes.md"

    public var url: URL

    public init(url: URL) {
        self.url = url.standardizedFileURL
    }

    public var name: String { url.lastPathComponent }
    /// The name as a person is shown it: a line break or control character in it made visible,
    /// so it can neither split a line of output nor drive the terminal.
    public var shownName: String { VisibleText.of(name) }
    public var journal: URL { url.appendingPathComponent(Self.journalName) }
    public var notes: URL { url.appendingPathComponent(Self.notesName) }

    public var exists: Bool { FileManager.default.fileExists(atPath: journal.path) }

    /// Replays the whole journal, ignoring any checkpoint and leaving none: the slow, certain way.
    public func replayJournal() throws(StoreError) -> LoadedJournal {
        guard exists else { throw .notASession(path: url.path) }
        let (saved, warning) = savedPart(of: try JournalReader.read(journal))
        var loaded = try JournalReader.parse(saved, path: journal.path)
        if let warning { loaded.warnings.append(warning) }
        return loaded
    }

    /// Reads the session without taking the lock: safe while a live writer has it open. Starts
    /// from the checkpoint when it matches the journal, and leaves a new one when many lines had
    /// to be replayed.
    public func load() throws(StoreError) -> LoadedJournal {
        guard exists else { throw .notASession(path: url.path) }
        let data = try JournalReader.read(journal)
        let loaded = try JournalReader.parse(data, of: self)
        CheckpointFile.renewIfDue(after: loaded, journal: data, in: self)
        return loaded
    }

    /// `notes.md` when it was written no earlier than the journal's last change, so it holds the
    /// session as the journal does (notes are always written after the line they show); nil when
    /// it is missing or older, and the notes must be rendered from the journal.
    ///
    /// `alsoAfter`: files the notes must be newer than too, as what made them (the notes template,
    /// the program that rendered them); one that cannot be looked at makes the notes not current.
    ///
    /// `asWritten`: only notes whose content is what this program last wrote (never hand-edited).
    public func currentNotes(alsoAfter sources: [String] = [], asWritten: Bool = false) -> String? {
        currentNotesBytes(alsoAfter: sources, asWritten: asWritten).map { String(decoding: $0, as: UTF8.self) }
    }

    /// `currentNotes` as bytes, not yet made text: a reader shows the opening of a long record
    /// before the rest has been looked at. Read, never mapped: notes.md may be edited in place by
    /// hand, and a mapped file cut short under a reader would crash it.
    public func currentNotesBytes(alsoAfter sources: [String] = [], asWritten: Bool = false) -> Data? {
        var notesStatus = stat()
        guard lstat(notes.path, &notesStatus) == 0, (notesStatus.st_mode & S_IFMT) == S_IFREG else { return nil }
        let written = (notesStatus.st_mtim.tv_sec, notesStatus.st_mtim.tv_nsec)
        for source in [journal.path] + sources {
            var status = stat()
            // The journal is never followed through a link; a template or the program may be one.
            guard (source == journal.path ? lstat(source, &status) : stat(source, &status)) == 0,
                  written >= (status.st_mtim.tv_sec, status.st_mtim.tv_nsec)
            else { return nil }
        }
        guard let data = try? AtomicFile.existingContent(of: notes.path), !asWritten || isWrittenNotes(data) else { return nil }
        return data
    }

    /// Replaces `notes.md` atomically; returns whether its content changed.
    @discardableResult
    public func writeNotes(_ markdown: String) throws(StoreError) -> Bool {
        // Rebuilt from the journal whenever found older than it (`currentNotes`), so a power cut
        // may leave the notes before the last change, never half of them.
        let content = Data(markdown.utf8)
        let changed = try AtomicFile.write(content, to: notes, durability: .oldOrNew)
        if changed || !isWrittenNotes(content) { recordNotesDigest(of: content) }
        // The same notes for a newer journal (a change they do not show): dated now, so that they
        // read as current (`currentNotes`) rather than being rendered again by every reader.
        if !changed { utimensat(AT_FDCWD, notes.path, nil, AT_SYMLINK_NOFOLLOW) }
        clearNotesProblem()
        return changed
    }
}
