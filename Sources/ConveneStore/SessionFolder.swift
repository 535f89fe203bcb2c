import Foundation

/// One session's folder on disk: `session.jsonl`, the source of truth, and `notes.md`, regenerated.
public struct SessionFolder: Sendable, Equatable {
    public static let journalName = "session.jsonl"
    public static let notesName = "notes.md"

    public var url: URL

    public init(url: URL) {
        self.url = url.standardizedFileURL
    }

    public var name: String { url.lastPathComponent }
    public var journal: URL { url.appendingPathComponent(Self.journalName) }
    public var notes: URL { url.appendingPathComponent(Self.notesName) }

    public var exists: Bool { FileManager.default.fileExists(atPath: journal.path) }

    /// Reads the session without taking the lock: safe while a live writer has it open.
    public func load() throws(StoreError) -> LoadedJournal {
        guard exists else { throw .notASession(path: url.path) }
        return try JournalReader.load(journal)
    }

    /// Replaces `notes.md` atomically; returns whether its content changed.
    @discardableResult
    public func writeNotes(_ markdown: String) throws(StoreError) -> Bool {
        try AtomicFile.write(markdown, to: notes)
    }
}
