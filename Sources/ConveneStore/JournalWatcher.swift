import ConveneCore

/// How Convene learns that a session changed under it (another process appended to the journal,
/// a copy was synced in): the journal's signature (size, modification time to the nanosecond,
/// inode) against the one last seen, the same signature the archive's index keeps for each
/// session. The follow screen re-reads the session on it; the notes' catch-up goes round again on it.
public final class JournalWatcher {
    public let folder: SessionFolder
    private var seen: String?

    /// - Parameter seen: the signature already taken into account (nil: none yet, so the first
    ///   question finds a change).
    public init(folder: SessionFolder, seen: String? = nil) {
        self.folder = folder
        self.seen = seen
    }

    /// Whether the journal changed since the last question (or since `seen`); a journal that
    /// cannot be read is a change, for whoever reads it to find out why.
    public func hasChanged() -> Bool {
        let now = folder.journalSignature
        defer { seen = now }
        return now == nil || now != seen
    }

    /// The session as the journal holds it now, or nil when it has not changed since the last call.
    public func refreshed() throws -> Session? {
        guard hasChanged() else { return nil }
        return try folder.load().log.session
    }
}

extension SessionFolder {
    /// The journal's signature now (see `JournalWatcher`), nil when it cannot be read.
    public var journalSignature: String? {
        try? JournalScan.signature(of: journal.path).get()
    }
}
