import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Keeps SQLite, which opens through symbolic links, off anything but the index's own files.
///
/// The index and its write-ahead log and shared-memory file sit in a folder others may write to (a
/// shared drive, a git checkout). Before the database is opened each of the three must be a regular
/// file of this user's, or nothing: a link planted there is removed (only the link; what it points
/// to is never touched) so the index is built anew in its place; anything else (a folder, a pipe, a
/// file of another user's) is refused, and the caller reads the journals instead. After opening,
/// the file must still be the one that was checked, so a link swapped in meanwhile is caught too.
struct IndexFileGuard {
    let path: String
    /// What was found and done that a person should hear of (a planted link removed).
    private(set) var notices: [String] = []

    static let companions = ["", "-wal", "-shm"]

    init(path: String) {
        self.path = path
    }

    /// Makes each of the index's files safe to open, or says why it cannot be.
    mutating func prepare() throws(StoreError) {
        for suffix in Self.companions {
            let file = path + suffix
            var info = stat()
            guard lstat(file, &info) == 0 else { continue }
            switch info.st_mode & S_IFMT {
            case S_IFLNK:
                let target = (try? FileManager.default.destinationOfSymbolicLink(atPath: file)) ?? "elsewhere"
                guard unlink(file) == 0 else { throw .io(path: file, operation: "remove the planted link", errno: errno) }
                notices.append("\(file) was a symbolic link (to \(target)); it was removed without following it, "
                    + "and the index is built anew from the journals")
            case S_IFREG:
                guard info.st_uid == geteuid() else { throw .ownedByAnother(path: file, owner: info.st_uid) }
            default:
                throw .notARegularFile(path: file, found: POSIX.kind(at: file) ?? "not a regular file")
            }
        }
    }

    /// The identity of the index file as it is now: nil when there is none, or it is not a regular
    /// file of this user's.
    func identity() -> Identity? {
        var info = stat()
        guard lstat(path, &info) == 0, info.st_mode & S_IFMT == S_IFREG, info.st_uid == geteuid() else { return nil }
        return Identity(device: UInt64(info.st_dev), inode: UInt64(info.st_ino))
    }

    struct Identity: Equatable {
        var device: UInt64
        var inode: UInt64
    }
}
