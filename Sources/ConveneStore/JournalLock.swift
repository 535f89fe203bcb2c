import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// The lock every writer of a session takes on its journal (see `SessionWriter.open`), taken
/// without waiting by whoever must keep writers out while it replaces the file: a sync merging
/// the session. Nil when a writer has it (the session is open somewhere) or there is no journal.
final class JournalLock {
    private var fd: Int32

    private init(fd: Int32) {
        self.fd = fd
    }

    static func acquire(_ folder: SessionFolder) -> JournalLock? {
        let fd = open(folder.journal.path, O_RDONLY | O_CLOEXEC | O_NOFOLLOW)
        guard fd >= 0 else { return nil }
        guard flock(fd, LOCK_EX | LOCK_NB) == 0 else {
            close(fd)
            return nil
        }
        return JournalLock(fd: fd)
    }

    func release() {
        if fd >= 0 {
            close(fd)
            fd = -1
        }
    }

    deinit { release() }
}
