import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Held by whoever does a folder's background work, so that a burst of requests makes one worker
/// at a time rather than one each: bringing a session's `notes.md` up to date (on the session's
/// folder; the notes file is replaced by rename, so it cannot carry a lock), or building the
/// archive's index (on the sessions folder). A `flock` on the folder itself, dropped by the kernel
/// however its holder ends.
public final class FolderLock {
    private var fd: Int32

    private init(fd: Int32) {
        self.fd = fd
    }

    /// The lock on a session's folder, or nil at once when another process holds it.
    public static func acquire(_ folder: SessionFolder) -> FolderLock? {
        acquire(directory: folder.url)
    }

    /// The lock on `directory`, or nil at once when another process holds it (or it cannot be opened).
    public static func acquire(directory: URL) -> FolderLock? {
        let fd = open(directory.path, O_RDONLY | O_DIRECTORY | O_CLOEXEC | O_NOFOLLOW)
        guard fd >= 0 else { return nil }
        guard flock(fd, LOCK_EX | LOCK_NB) == 0 else {
            Glibc.close(fd)
            return nil
        }
        return FolderLock(fd: fd)
    }

    public func release() {
        if fd >= 0 {
            Glibc.close(fd)
            fd = -1
        }
    }

    deinit { release() }
}

extension SessionFolder {
    /// The journal's size in bytes now, nil when it cannot be read.
    public var journalSize: Int? {
        var status = stat()
        guard lstat(journal.path, &status) == 0 else { return nil }
        return Int(status.st_size)
    }
}
