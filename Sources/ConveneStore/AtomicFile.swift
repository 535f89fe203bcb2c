import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Writes a whole file so that readers see the old or the new content, never half of it.
public enum AtomicFile {
    /// Writes `content` to `url` through a temporary file in the same folder and a rename.
    /// Returns false, touching nothing, when the file already holds exactly this content, so that
    /// a session folder under git only changes when the session did.
    @discardableResult
    public static func write(_ content: String, to url: URL) throws(StoreError) -> Bool {
        let data = Data(content.utf8)
        if let existing = try? Data(contentsOf: url), existing == data { return false }
        let directory = url.deletingLastPathComponent().path
        let temporary = directory + "/.\(url.lastPathComponent).\(getpid()).tmp"
        let fd = try POSIX.open(temporary, flags: O_WRONLY | O_CREAT | O_TRUNC)
        do {
            try POSIX.writeAll(fd, data, path: temporary)
            try POSIX.sync(fd, path: temporary)
            Glibc.close(fd)
        } catch {
            Glibc.close(fd)
            unlink(temporary)
            throw error
        }
        guard rename(temporary, url.path) == 0 else {
            let failure = errno
            unlink(temporary)
            throw .io(path: url.path, operation: "replace", errno: failure)
        }
        POSIX.syncDirectory(directory)
        return true
    }
}
