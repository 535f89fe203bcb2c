import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Held by whoever is bringing a session's `notes.md` up to date in the background, so that a
/// burst of changes from a script makes one catch-up at a time rather than one per change. It is a
/// `flock` on the session folder itself (the notes file is replaced by rename, so it cannot carry a
/// lock), dropped by the kernel however its holder ends.
public final class NotesLock {
    private var fd: Int32

    private init(fd: Int32) {
        self.fd = fd
    }

    /// The lock, or nil at once when another process holds it (or the folder cannot be opened).
    public static func acquire(_ folder: SessionFolder) -> NotesLock? {
        let fd = open(folder.url.path, O_RDONLY | O_DIRECTORY | O_CLOEXEC | O_NOFOLLOW)
        guard fd >= 0 else { return nil }
        guard flock(fd, LOCK_EX | LOCK_NB) == 0 else {
            Glibc.close(fd)
            return nil
        }
        return NotesLock(fd: fd)
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
