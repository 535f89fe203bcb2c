import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Writes a whole file so that readers see the old or the new content, never half of it.
public enum AtomicFile {
    /// What a power cut may leave of a write.
    public enum Durability: Sendable {
        /// The new content, flushed and renamed into place, the rename flushed too.
        case full
        /// The old content or the new, whole: flushed before the rename, which is not waited for.
        /// For a file rebuilt from the journal whenever it is found older than the journal
        /// (`notes.md`), where waiting for the folder's flush would only slow every change.
        case oldOrNew
        /// Nothing flushed: after a power cut it may be empty or old, and its reader must notice.
        case none
    }

    /// Writes `content` to `url` through a new temporary file in the same folder and a rename.
    /// Returns false, touching nothing, when the file already holds exactly this content, so that
    /// a session folder under git only changes when the session did.
    ///
    /// What is at `url` must be a regular file or nothing: a link or a folder there is an error
    /// naming it, never followed or replaced. The temporary file gets a random name and is created
    /// with `O_EXCL`, so no file planted under a guessable name is ever opened.
    @discardableResult
    public static func write(_ content: String, to url: URL, durability: Durability = .full) throws(StoreError) -> Bool {
        try write(Data(content.utf8), to: url, durability: durability)
    }

    /// Bytes written as `write(_:to:)` writes text.
    @discardableResult
    public static func write(_ data: Data, to url: URL, durability: Durability = .full) throws(StoreError) -> Bool {
        if let existing = try existingContent(of: url.path), existing == data { return false }
        try replace(url, with: data, durability: durability)
        return true
    }

    /// Puts `data` at `url` through a temporary file and a rename, whatever is there now, flushed
    /// as `durability` says.
    static func replace(_ url: URL, with data: Data, durability: Durability) throws(StoreError) {
        if let found = POSIX.kind(at: url.path), found != "a regular file" { throw .notARegularFile(path: url.path, found: found) }
        let directory = url.deletingLastPathComponent().path
        let prefix = "." + url.lastPathComponent + "."
        removeAbandonedTemporaries(in: directory, prefix: prefix)
        // The writer's process id in the name tells the next writer whether it is still at work.
        let (fd, temporary) = try POSIX.makeTemporary(in: directory, prefix: prefix + String(getpid()))
        do throws(StoreError) {
            // mkstemp makes the file readable by its owner only; notes and drafts are ordinary files.
            guard fchmod(fd, 0o644) == 0 else { throw .io(path: temporary, operation: "set permissions of", errno: errno) }
            try POSIX.writeAll(fd, data, path: temporary)
            if durability != .none { try POSIX.sync(fd, path: temporary) }
            Glibc.close(fd)
        } catch {
            Glibc.close(fd)
            unlink(temporary)
            throw error
        }
        guard rename(temporary, url.path) == 0 else {
            let failure = errno
            unlink(temporary)
            if let found = POSIX.kind(at: url.path), found != "a regular file" {
                throw .notARegularFile(path: url.path, found: found)
            }
            throw .io(path: url.path, operation: "replace", errno: failure)
        }
        if durability == .full { POSIX.syncDirectory(directory) }
    }

    /// Removes the temporary files of writers that were killed between creating and renaming them
    /// (`.notes.md.PID.XXXXXX`, the process gone), so they do not stay beside the file for good.
    /// A name without a process id, from an older Convene, is removed once an hour old. Only
    /// regular files are removed; nothing is followed.
    static func removeAbandonedTemporaries(in directory: String, prefix: String) {
        guard let folder = opendir(directory) else { return }
        defer { closedir(folder) }
        while let entry = readdir(folder) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self) }
            guard name.hasPrefix(prefix) else { continue }
            let parts = name.dropFirst(prefix.count).split(separator: ".")
            var info = stat()
            guard fstatat(dirfd(folder), name, &info, AT_SYMLINK_NOFOLLOW) == 0, info.st_mode & S_IFMT == S_IFREG else { continue }
            let abandoned: Bool
            if parts.count == 2, let pid = pid_t(parts[0]), pid > 0 {
                abandoned = kill(pid, 0) != 0 && errno == ESRCH
            } else {
                abandoned = parts.count == 1 && parts[0].count == 6 && time(nil) - info.st_mtim.tv_sec > 3600
            }
            if abandoned { unlinkat(dirfd(folder), name, 0) }
        }
    }

    /// The file's bytes, nil when there is none; an error when something other than a regular
    /// file is there. `mapped` for a file this program only ever replaces whole (see `POSIX.mapAll`).
    static func existingContent(of path: String, mapped: Bool = false) throws(StoreError) -> Data? {
        guard POSIX.kind(at: path) != nil else { return nil }
        let fd = try POSIX.openRegular(path, flags: O_RDONLY)
        defer { Glibc.close(fd) }
        return try mapped ? POSIX.mapAll(fd, path: path) : POSIX.readAll(fd, path: path)
    }
}
