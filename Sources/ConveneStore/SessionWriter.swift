import ConveneCore
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// The one writer of a session: holds its lock, appends each change to the journal and flushes it
/// to disk before saying it is saved.
///
/// The journal only ever holds whole, durable lines. Before each append the writer knows the
/// length of what is durable; when a write or flush fails it cuts the file back to that length,
/// so a failed line never stays behind to damage the journal or be followed by a line that reuses
/// its sequence number. If even the cut fails, nothing more is written until it succeeds.
public final class SessionWriter {
    public private(set) var folder: SessionFolder
    public private(set) var log: SessionLog
    /// What loading found worth telling (e.g. a torn last line dropped).
    public let warnings: [String]
    private var fd: Int32
    /// Bytes of the journal that are whole lines on disk.
    private var durableLength: Int
    /// Set while a failed append is still in the file.
    private var unrepaired: StoreError?
    /// Lines in the journal past the newest checkpoint (all of them when there is none).
    private var linesSinceCheckpoint: Int
    private let encoder = JournalCoding.encoder()

    public var session: Session { log.session }

    private init(folder: SessionFolder, log: SessionLog, warnings: [String], fd: Int32, durableLength: Int, linesSinceCheckpoint: Int) {
        self.folder = folder
        self.log = log
        self.warnings = warnings
        self.fd = fd
        self.durableLength = durableLength
        self.linesSinceCheckpoint = linesSinceCheckpoint
    }

    deinit { close() }

    /// Opens an existing session for writing. While another writer holds it, waits up to `wait`
    /// for it to finish (short writers such as `convene add` queue this way), then refuses.
    public static func open(_ folder: SessionFolder, wait: Duration = .zero, author: String? = nil) throws -> SessionWriter {
        guard folder.exists else { throw StoreError.notASession(path: folder.url.path) }
        // A link in the sessions folder could send every change somewhere else: refused, and its
        // target named, for a person who meant it to open that folder itself.
        if POSIX.kind(at: folder.url.path) == "a symbolic link" {
            throw StoreError.linkedSessionFolder(path: folder.url.path, target: folder.url.resolvingSymlinksInPath().path)
        }
        let path = folder.journal.path
        let fd = try lockedJournal(path, folder: folder, wait: wait)
        do {
            // Read only once the lock is held, so no other writer can add a line in between. Not
            // populated: of a long journal this thread reads only the lines after the checkpoint,
            // and the digest, on another core, brings in the rest as it reads them.
            let data = try POSIX.mapAll(fd, path: path, populated: false)
            let loaded = try JournalReader.parse(data, of: folder)
            var size = stat()
            guard fstat(fd, &size) == 0 else { throw StoreError.io(path: path, operation: "inspect", errno: errno) }
            if Int(size.st_size) > loaded.intactLength {
                // Cut the torn tail the load dropped, so the next line starts on a line of its own
                // (or a change the disk refused, left out by the load: see `savedPart(of:)`).
                try POSIX.truncate(fd, to: loaded.intactLength, path: path)
            }
            // Only once the journal holds nothing but saved lines may it grow again.
            try folder.clearRefusedTail()
            let writer = SessionWriter(
                folder: folder, log: loaded.log, warnings: loaded.warnings, fd: fd, durableLength: loaded.intactLength,
                linesSinceCheckpoint: loaded.linesReplayed)
            writer.author = author
            return writer
        } catch {
            Glibc.close(fd)
            throw error
        }
    }

    /// The journal opened for appending, locked, and still the file at `path`: a sync may have
    /// replaced it by a merged one (git writes a new file) while this writer waited for the lock,
    /// and a line appended to the file it replaced would be lost with it.
    private static func lockedJournal(_ path: String, folder: SessionFolder, wait: Duration) throws -> Int32 {
        while true {
            let fd = try POSIX.openRegular(path, flags: O_RDWR | O_APPEND)
            do {
                try POSIX.lockExclusively(fd, path: folder.url.path, wait: wait)
            } catch {
                Glibc.close(fd)
                throw error
            }
            var opened = stat(), named = stat()
            if fstat(fd, &opened) == 0, lstat(path, &named) == 0, opened.st_ino == named.st_ino, opened.st_dev == named.st_dev {
                return fd
            }
            Glibc.close(fd)
        }
    }

    /// Who is writing: stamped on each record this writer makes for its own user (`by`).
    public var author: String?

    /// Applies `event` and keeps it: when this returns, the change is on disk.
    /// Throws `SessionError` when the event is refused (nothing changes), `StoreError` when the disk
    /// fails (nothing changes either: the journal is as it was before the call).
    @discardableResult
    public func apply(_ event: SessionEvent, at date: Date, key: String? = nil, id: EventID = .random()) throws -> JournalRecord {
        try apply(event, at: date, key: key, id: id, by: author)
    }

    /// Applies `event` for another writer (`by`, nil for nobody's name: a participant's
    /// contribution under the Rule), under the id the sender gave it.
    @discardableResult
    public func apply(_ event: SessionEvent, at date: Date, key: String? = nil, id: EventID, by author: String?) throws -> JournalRecord {
        try repairIfNeeded()
        let record = try log.record(event, at: date, key: key, id: id, by: author)
        try persist(record)
        return record
    }

    /// Undoes the newest change (`by`'s own newest, with several writers) by appending its inverse.
    @discardableResult
    public func undo(at date: Date, id: EventID = .random()) throws -> JournalRecord {
        try undo(at: date, id: id, by: author)
    }

    @discardableResult
    public func undo(at date: Date, id: EventID, by author: String?) throws -> JournalRecord {
        try repairIfNeeded()
        let record = try log.recordUndo(at: date, id: id, by: author)
        try persist(record)
        return record
    }

    private func persist(_ record: JournalRecord) throws {
        let path = folder.journal.path
        do {
            guard fd >= 0 else { throw StoreError.readOnly(path: folder.url.path) }
            let line = try JournalCoding.line(for: record, encoder: encoder)
            do {
                try POSIX.writeAll(fd, line, path: path)
                try POSIX.sync(fd, path: path)
            } catch {
                cutBack(after: error)
                throw unrepaired ?? error
            }
            durableLength += line.count
            linesSinceCheckpoint += 1
        } catch {
            // Memory must never run ahead of the disk.
            log.rollBack(record)
            throw error
        }
    }

    /// Takes a failed line back out of the journal, or remembers that it could not; then the
    /// line is marked refused (`.refused-tail`), so no later reader replays it as saved.
    private func cutBack(after failure: StoreError) {
        do {
            try POSIX.truncate(fd, to: durableLength, path: folder.journal.path)
        } catch {
            let marked = folder.markRefusedTail(after: durableLength)
            unrepaired = .journalNeedsRepair(path: folder.journal.path, cause: "\(failure); then \(error)"
                + (marked ? "" : "; and it could not be marked as refused either"))
        }
    }

    private func repairIfNeeded() throws(StoreError) {
        guard let problem = unrepaired else { return }
        do {
            try POSIX.truncate(fd, to: durableLength, path: folder.journal.path)
            try folder.clearRefusedTail()
            unrepaired = nil
        } catch {
            throw problem
        }
    }

    /// Writes a new checkpoint when enough lines have been added since the last one, so that the
    /// next open (this writer's or a reader's) replays only a short tail. Costs a few milliseconds
    /// at 10,000 points; callers do it where no one is waiting (after answering, or when idle).
    /// A checkpoint that cannot be written is no failure: the journal holds everything.
    public func saveCheckpointIfDue() {
        guard fd >= 0, unrepaired == nil,
              CheckpointFile.isDue(journalLength: durableLength, linesReplayed: linesSinceCheckpoint),
              let prefix = try? POSIX.read(fd, length: durableLength, path: folder.journal.path)
        else { return }
        do {
            try CheckpointFile.write(log, journalPrefix: prefix, in: folder)
            linesSinceCheckpoint = 0
        } catch {
            // Tried again after the next change.
        }
    }

    /// Releases the lock. Everything applied is already on disk.
    public func close() {
        if fd >= 0 {
            Glibc.close(fd)
            fd = -1
        }
    }
}

extension SessionWriter {
    /// Creates a new session folder under `root`, named from the date and title; a name already
    /// taken gets `-2`, `-3`, … so that nothing existing is ever touched.
    ///
    /// The folder appears whole or not at all: it is built under a hidden temporary name (the
    /// `created` event, then whatever `prepare` adds, such as carried-over points and the notes)
    /// and renamed into place only then. A creation that fails or is killed leaves no session
    /// behind; the hidden folder of one that was killed is swept away by the next creation.
    public static func create(
        in root: URL, setup: SessionSetup, at date: Date, author: String? = nil, prepare: (SessionWriter) throws -> Void = { _ in }
    ) throws -> SessionWriter {
        do {
            try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        } catch {
            throw StoreError.io(path: root.path, operation: "create the sessions folder", errno: POSIX.code(of: error, otherwise: EIO))
        }
        UnfinishedSessions.sweep(in: root)
        let staging = try UnfinishedSessions.makeFolder(in: root)
        do {
            let writer = try start(staging, setup: setup, at: date, author: author)
            try prepare(writer)
            try writer.moveInto(root, named: SessionFolderName.make(date: setup.details.date, title: setup.details.title))
            return writer
        } catch {
            try? FileManager.default.removeItem(at: staging.url)
            throw error
        }
    }

    private static func start(_ folder: SessionFolder, setup: SessionSetup, at date: Date, author: String?) throws -> SessionWriter {
        let path = folder.journal.path
        let fd = try POSIX.open(path, flags: O_WRONLY | O_CREAT | O_EXCL | O_APPEND | O_NOFOLLOW)
        let writer = SessionWriter(folder: folder, log: SessionLog(), warnings: [], fd: fd, durableLength: 0, linesSinceCheckpoint: 0)
        writer.author = author
        try POSIX.lockExclusively(fd, path: folder.url.path)
        try writer.apply(.created(setup: setup), at: date)
        return writer
    }

    /// Renames the staging folder to `base`, or `base-2`, `base-3`, … whichever is free.
    private func moveInto(_ root: URL, named base: String) throws(StoreError) {
        var attempt = 1
        while true {
            let name = attempt == 1 ? base : "\(base)-\(attempt)"
            let target = root.appendingPathComponent(name, isDirectory: true)
            // rename(2) never replaces a folder that has anything in it; an empty one holds nothing to lose.
            if rename(folder.url.path, target.path) == 0 {
                POSIX.syncDirectory(root.path)
                folder = SessionFolder(url: target)
                return
            }
            guard errno == EEXIST || errno == ENOTEMPTY || errno == ENOTDIR else {
                throw .io(path: target.path, operation: "create", errno: errno)
            }
            attempt += 1
        }
    }
}
