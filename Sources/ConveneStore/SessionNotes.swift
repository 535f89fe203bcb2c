import ConveneCore

/// The one owner of a session's `notes.md`. The notes are derived from the journal: rendered
/// through the notes template, written whole and atomically after the lines they show, and
/// caught up with the journal in the background when a command leaves them there. Whoever changes
/// a session asks this to bring the notes up to date; nothing else writes them.
public struct SessionNotes: Sendable {
    public let folder: SessionFolder
    public let renderer: NotesRenderer

    public init(folder: SessionFolder, renderer: NotesRenderer) {
        self.folder = folder
        self.renderer = renderer
    }

    /// Writes `notes.md` for `session` as the journal now holds it; returns its path.
    @discardableResult
    public func write(_ session: Session) throws(StoreError) -> String {
        try folder.writeNotes(renderer.render(session))
        return folder.notes.path
    }

    /// Brings the notes up to `session`; returns why they could not be, nil when they are.
    public func problem(bringingUpTo session: Session) -> String? {
        do {
            try write(session)
            return nil
        } catch {
            return "\(error)"
        }
    }

    /// Brings the notes up to the journal, again while changes arrive as they are written, so the
    /// last catch-up to finish has seen the last change. Another catch-up already at work (it holds
    /// the folder's lock) will see this one's change, so this one leaves it to that one. A failure
    /// is kept in the folder (`SessionFolder.notesProblem`) for the next command to say: a process
    /// in the background has nobody else to tell.
    public func catchUp() throws {
        let watcher = JournalWatcher(folder: folder)
        while watcher.hasChanged() {
            guard let lock = FolderLock.acquire(folder) else { return }
            do {
                // Written while the lock is held, so a later catch-up's success is never overwritten.
                try write(folder.load().log.session)
            } catch {
                folder.recordNotesProblem("\(error)")
                throw error
            }
            // Let go before looking again, so a change whose catch-up found the lock taken is never missed.
            lock.release()
        }
    }
}
