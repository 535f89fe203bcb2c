import ConveneCore
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// The one live writer of a session: holds its lock, appends each change to the journal and
/// flushes it to disk before saying it is saved.
public final class SessionWriter {
    public let folder: SessionFolder
    public private(set) var log: SessionLog
    /// What loading found worth telling (e.g. a torn last line dropped).
    public let warnings: [String]
    private var fd: Int32
    private let encoder = JournalCoding.encoder()

    public var session: Session { log.session }

    private init(folder: SessionFolder, log: SessionLog, warnings: [String], fd: Int32) {
        self.folder = folder
        self.log = log
        self.warnings = warnings
        self.fd = fd
    }

    deinit { close() }

    /// Creates a new session folder under `root`, named from the date and title; a name already
    /// taken gets `-2`, `-3`, … so that nothing existing is ever touched.
    public static func create(in root: URL, setup: SessionSetup, at date: Date) throws -> SessionWriter {
        do {
            try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        } catch {
            throw StoreError.io(path: root.path, operation: "create the sessions folder", errno: POSIX.code(of: error, otherwise: EIO))
        }
        let base = SessionFolderName.make(date: setup.details.date, title: setup.details.title)
        var attempt = 1
        while true {
            let name = attempt == 1 ? base : "\(base)-\(attempt)"
            let url = root.appendingPathComponent(name, isDirectory: true)
            if mkdir(url.path, 0o755) == 0 {
                return try start(SessionFolder(url: url), setup: setup, at: date)
            }
            guard errno == EEXIST else { throw StoreError.io(path: url.path, operation: "create", errno: errno) }
            attempt += 1
        }
    }

    private static func start(_ folder: SessionFolder, setup: SessionSetup, at date: Date) throws -> SessionWriter {
        let path = folder.journal.path
        let fd = try POSIX.open(path, flags: O_WRONLY | O_CREAT | O_EXCL | O_APPEND)
        let writer = SessionWriter(folder: folder, log: SessionLog(), warnings: [], fd: fd)
        try POSIX.lockExclusively(fd, path: folder.url.path)
        try writer.apply(.created(setup: setup), at: date)
        POSIX.syncDirectory(folder.url.path)
        return writer
    }

    /// Opens an existing session for writing. Refused while another writer holds it.
    public static func open(_ folder: SessionFolder) throws -> SessionWriter {
        guard folder.exists else { throw StoreError.notASession(path: folder.url.path) }
        let path = folder.journal.path
        let fd = try POSIX.open(path, flags: O_RDWR | O_APPEND)
        do {
            try POSIX.lockExclusively(fd, path: folder.url.path)
            // Read only once the lock is held, so no other writer can add a line in between.
            let loaded = try JournalReader.load(folder.journal)
            if let size = try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int, size > loaded.intactLength {
                // Cut the torn tail the load dropped, so the next line starts on a line of its own.
                guard ftruncate(fd, off_t(loaded.intactLength)) == 0 else {
                    throw StoreError.io(path: path, operation: "truncate the unfinished last line", errno: errno)
                }
                try POSIX.sync(fd, path: path)
            }
            return SessionWriter(folder: folder, log: loaded.log, warnings: loaded.warnings, fd: fd)
        } catch {
            Glibc.close(fd)
            throw error
        }
    }

    /// Applies `event` and keeps it: when this returns, the change is on disk.
    /// Throws `SessionError` when the event is refused (nothing changes), `StoreError` when the disk fails.
    @discardableResult
    public func apply(_ event: SessionEvent, at date: Date) throws -> JournalRecord {
        let record = try log.record(event, at: date)
        try persist(record)
        return record
    }

    /// Undoes the newest change by appending its inverse.
    @discardableResult
    public func undo(at date: Date) throws -> JournalRecord {
        let record = try log.recordUndo(at: date)
        try persist(record)
        return record
    }

    private func persist(_ record: JournalRecord) throws {
        do {
            guard fd >= 0 else { throw StoreError.readOnly(path: folder.url.path) }
            let line = try JournalCoding.line(for: record, encoder: encoder)
            try POSIX.writeAll(fd, line, path: folder.journal.path)
            try POSIX.sync(fd, path: folder.journal.path)
        } catch {
            // Memory must never run ahead of the disk.
            log.rollBack(record)
            throw error
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
