import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// The Unix socket a live session's host listens on, in the session folder: how a second screen
/// on the same machine (a note-taker's terminal, a participant logged in over SSH) reaches the
/// host. Never a network socket.
///
/// Private to its user, twice over: the socket file is made readable and writable by its owner
/// only (a Unix socket cannot be connected to without write permission on it), and the host asks
/// the kernel who is at the other end of every connection (`SO_PEERCRED`) and lets in only its
/// own user. wemux made its socket world-writable so friends could join; anyone could then type
/// into the session.
enum LiveSocket {
    static let name = ".live.sock"

    /// Listens at the session folder's socket. The caller holds the journal's lock, so a socket
    /// file already there was left by a host that died: it is replaced.
    static func listen(in folder: SessionFolder) throws(StoreError) -> Int32 {
        let path = folder.url.appendingPathComponent(name).path
        let fd = socket(AF_UNIX, Int32(SOCK_STREAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0)
        guard fd >= 0 else { throw .io(path: path, operation: "make the live session's socket", errno: errno) }
        do throws(StoreError) {
            try withAddress(of: folder) { address, length throws(StoreError) in
                if unlink(path) != 0 && errno != ENOENT { throw .io(path: path, operation: "replace the old socket", errno: errno) }
                // Made private before anyone can connect: between bind and chmod the folder's
                // permissions alone would guard it.
                let oldMask = umask(0o077)
                let bound = bind(fd, address, length)
                let bindError = errno
                umask(oldMask)
                guard bound == 0 else { throw .io(path: path, operation: "open the live session's socket", errno: bindError) }
            }
            chmod(path, 0o600)
            guard Glibc.listen(fd, 64) == 0 else { throw .io(path: path, operation: "listen on the live session's socket", errno: errno) }
            return fd
        } catch {
            close(fd)
            throw error
        }
    }

    /// Connects to the host of the session, or nil when nobody listens (no host, or one that died).
    static func connect(to folder: SessionFolder) throws(StoreError) -> Int32? {
        let path = folder.url.appendingPathComponent(name).path
        let fd = socket(AF_UNIX, Int32(SOCK_STREAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0)
        guard fd >= 0 else { throw .io(path: path, operation: "make a socket", errno: errno) }
        var connected = false
        var failure: Int32 = 0
        try withAddress(of: folder) { address, length throws(StoreError) in
            connected = Glibc.connect(fd, address, length) == 0
            failure = errno
        }
        guard connected else {
            close(fd)
            if [ENOENT, ECONNREFUSED, ENOTSOCK].contains(failure) { return nil }
            throw .io(path: path, operation: "connect to the live session", errno: failure)
        }
        return fd
    }

    /// The user at the other end of a connection, as the kernel knows it.
    static func peerUser(of fd: Int32) -> uid_t? {
        // `struct ucred` (pid, uid, gid), which Glibc's module leaves out without _GNU_SOURCE.
        var credentials: (pid: Int32, uid: UInt32, gid: UInt32) = (0, 0, 0)
        var length = socklen_t(MemoryLayout.size(ofValue: credentials))
        guard getsockopt(fd, SOL_SOCKET, SO_PEERCRED, &credentials, &length) == 0,
              Int(length) == MemoryLayout.size(ofValue: credentials) else { return nil }
        return credentials.uid
    }

    /// Removes the socket file, as a host that closes does.
    static func remove(in folder: SessionFolder) {
        unlink(folder.url.appendingPathComponent(name).path)
    }

    /// Calls `body` with the socket's address. A Unix socket's path may be at most 107 bytes, and
    /// a sessions folder deep in a home directory is longer: the address goes through the
    /// process's own handle on the folder (`/proc/self/fd/N/.live.sock`), which is short whatever
    /// the folder's path.
    private static func withAddress(of folder: SessionFolder, _ body: (UnsafePointer<sockaddr>, socklen_t) throws(StoreError) -> Void) throws(StoreError) {
        let directory = Glibc.open(folder.url.path, O_RDONLY | O_DIRECTORY | O_CLOEXEC | O_NOFOLLOW)
        guard directory >= 0 else { throw .io(path: folder.url.path, operation: "open", errno: errno) }
        defer { close(directory) }
        let path = "/proc/self/fd/\(directory)/\(name)"
        var address = sockaddr_un()
        address.sun_family = sa_family_t(AF_UNIX)
        let capacity = MemoryLayout.size(ofValue: address.sun_path)
        let bytes = Array(path.utf8)
        guard bytes.count < capacity else { throw .io(path: path, operation: "address", errno: ENAMETOOLONG) }
        withUnsafeMutableBytes(of: &address.sun_path) { buffer in
            buffer.copyBytes(from: bytes)
            buffer[bytes.count] = 0
        }
        let length = socklen_t(MemoryLayout<sa_family_t>.size + bytes.count + 1)
        try withUnsafePointer(to: &address) { pointer throws(StoreError) in
            try pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { address throws(StoreError) in try body(address, length) }
        }
    }
}
