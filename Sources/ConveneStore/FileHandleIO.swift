import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// The few POSIX calls the store needs and Foundation does not expose with their guarantees:
/// `fsync`, `flock` and writes that either complete or say why.
enum POSIX {
    static func open(_ path: String, flags: Int32, mode: mode_t = 0o644) throws(StoreError) -> Int32 {
        let fd = Glibc.open(path, flags | O_CLOEXEC, mode)
        guard fd >= 0 else { throw .io(path: path, operation: "open", errno: errno) }
        return fd
    }

    static func writeAll(_ fd: Int32, _ data: Data, path: String) throws(StoreError) {
        var failure: Int32 = 0
        data.withUnsafeBytes { buffer in
            var offset = 0
            while offset < buffer.count {
                let written = Glibc.write(fd, buffer.baseAddress! + offset, buffer.count - offset)
                if written < 0 {
                    if errno == EINTR { continue }
                    failure = errno
                    return
                }
                offset += written
            }
        }
        if failure != 0 { throw .io(path: path, operation: "write", errno: failure) }
    }

    static func sync(_ fd: Int32, path: String) throws(StoreError) {
        guard fsync(fd) == 0 else { throw .io(path: path, operation: "flush to disk", errno: errno) }
    }

    /// Makes a rename or a new file in `directory` survive a power cut.
    static func syncDirectory(_ directory: String) {
        let fd = Glibc.open(directory, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard fd >= 0 else { return }
        _ = fsync(fd)
        Glibc.close(fd)
    }

    /// The POSIX error behind a Foundation file error, so messages name the real cause.
    static func code(of error: any Error, otherwise fallback: Int32) -> Int32 {
        let nsError = error as NSError
        if nsError.domain == NSPOSIXErrorDomain { return Int32(nsError.code) }
        if let underlying = nsError.userInfo[NSUnderlyingErrorKey] as? any Error {
            let bridged = underlying as NSError
            if bridged.domain == NSPOSIXErrorDomain { return Int32(bridged.code) }
        }
        if nsError.code == NSFileReadNoSuchFileError { return ENOENT }
        if nsError.code == NSFileWriteNoPermissionError || nsError.code == NSFileReadNoPermissionError { return EACCES }
        return fallback
    }

    /// An exclusive advisory lock that the kernel drops when the process dies, however it dies.
    static func lockExclusively(_ fd: Int32, path: String) throws(StoreError) {
        guard flock(fd, LOCK_EX | LOCK_NB) == 0 else {
            if errno == EWOULDBLOCK { throw .alreadyLocked(path: path) }
            throw .io(path: path, operation: "lock", errno: errno)
        }
    }
}
