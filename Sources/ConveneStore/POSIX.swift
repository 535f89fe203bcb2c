import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// The few POSIX calls the store needs and Foundation does not expose with their guarantees:
/// `fsync`, `flock`, opening without following links, and writes that either complete or say why.
enum POSIX {
    static func open(_ path: String, flags: Int32, mode: mode_t = 0o644) throws(StoreError) -> Int32 {
        let fd = Glibc.open(path, flags | O_CLOEXEC, mode)
        guard fd >= 0 else { throw .io(path: path, operation: "open", errno: errno) }
        return fd
    }

    /// Opens a file of a session folder. A symbolic link there is refused rather than followed, so a
    /// link someone planted can never make Convene read or write a file elsewhere; anything but a
    /// regular file (a folder, a FIFO, a device) is refused too. `O_NONBLOCK` keeps a planted FIFO
    /// from hanging the open; it changes nothing for regular files.
    static func openRegular(_ path: String, flags: Int32, mode: mode_t = 0o644) throws(StoreError) -> Int32 {
        let fd = Glibc.open(path, flags | O_CLOEXEC | O_NOFOLLOW | O_NONBLOCK, mode)
        guard fd >= 0 else {
            let failure = errno
            if failure == ELOOP { throw .notARegularFile(path: path, found: "a symbolic link") }
            throw .io(path: path, operation: "open", errno: failure)
        }
        do {
            try requireRegular(fd, path: path)
        } catch {
            Glibc.close(fd)
            throw error
        }
        return fd
    }

    /// What is at `path` without following a link: nil when nothing is there.
    static func kind(at path: String) -> String? {
        var info = stat()
        guard lstat(path, &info) == 0 else { return nil }
        return describe(mode: info.st_mode)
    }

    private static func requireRegular(_ fd: Int32, path: String) throws(StoreError) {
        var info = stat()
        guard fstat(fd, &info) == 0 else { throw .io(path: path, operation: "inspect", errno: errno) }
        if let other = describe(mode: info.st_mode), other != "a regular file" {
            throw .notARegularFile(path: path, found: other)
        }
    }

    private static func describe(mode: mode_t) -> String? {
        switch mode & S_IFMT {
        case S_IFREG: "a regular file"
        case S_IFLNK: "a symbolic link"
        case S_IFDIR: "a folder"
        case S_IFIFO: "a named pipe"
        case S_IFSOCK: "a socket"
        case S_IFCHR, S_IFBLK: "a device"
        default: "not a regular file"
        }
    }

    /// The whole content of an open file.
    static func readAll(_ fd: Int32, path: String) throws(StoreError) -> Data {
        // Sized from the file first and read straight into place, rather than through a 64 KiB
        // buffer appended forty times for a 2.6 MB journal. One byte to spare shows the end
        // without another round; a file that grows meanwhile is still read to its end.
        var status = stat()
        let expected = fstat(fd, &status) == 0 ? max(0, Int(status.st_size)) : 0
        var data = Data(count: expected + 1)
        var filled = 0
        while true {
            if filled == data.count { data.count += max(1 << 16, data.count / 2) }
            let count = data.withUnsafeMutableBytes { buffer in
                Glibc.read(fd, buffer.baseAddress.map { $0 + filled }, buffer.count - filled)
            }
            if count < 0 {
                if errno == EINTR || errno == EAGAIN { continue }
                throw .io(path: path, operation: "read", errno: errno)
            }
            if count == 0 {
                data.count = filled
                return data
            }
            filled += count
        }
    }

    /// The whole content of an open file, mapped rather than copied when it is long: the kernel
    /// lends its cached pages, all at once, where reading would copy them into fresh memory faulted
    /// in page by page (900 faults for a 10,000-point session's journal and checkpoint). Only for a
    /// file nobody cuts short while it is read: a journal under its writer's lock, a checkpoint
    /// (only ever replaced whole). A file that cannot be mapped is read. `populated`: its pages
    /// are all put in place before this returns; otherwise each comes in when first read, on
    /// whichever thread reads it.
    static func mapAll(_ fd: Int32, path: String, populated: Bool = true) throws(StoreError) -> Data {
        var status = stat()
        guard fstat(fd, &status) == 0 else { throw .io(path: path, operation: "inspect", errno: errno) }
        let size = Int(status.st_size)
        guard size >= 64 * 1024, let address = mmap(nil, size, PROT_READ, MAP_PRIVATE | (populated ? MAP_POPULATE : 0), fd, 0),
              address != MAP_FAILED
        else { return try readAll(fd, path: path) }
        return Data(bytesNoCopy: address, count: size, deallocator: .custom { address, size in munmap(address, size) })
    }

    /// The open file's bytes from `offset` up to `end`, handed to `body` a piece at a time with
    /// the offset it starts at, never held whole: `size` bytes each but the last, however the
    /// kernel splits its reads. Stops where the file ends, should it end sooner; returns the
    /// offset it reached.
    @discardableResult
    static func eachPiece(of fd: Int32, from offset: Int, upTo end: Int, size: Int = 1 << 20, path: String,
                          _ body: (UnsafeRawBufferPointer, Int) throws(StoreError) -> Void) throws(StoreError) -> Int {
        let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: size, alignment: 16)
        defer { buffer.deallocate() }
        var position = offset
        while position < end {
            let wanted = min(size, end - position)
            var filled = 0
            while filled < wanted {
                let count = pread(fd, buffer.baseAddress.map { $0 + filled }, wanted - filled, off_t(position + filled))
                if count < 0 {
                    if errno == EINTR || errno == EAGAIN { continue }
                    throw .io(path: path, operation: "read", errno: errno)
                }
                if count == 0 { break }
                filled += count
            }
            if filled > 0 { try body(UnsafeRawBufferPointer(rebasing: buffer[..<filled]), position) }
            position += filled
            if filled < wanted { break }
        }
        return position
    }

    /// The first `length` bytes of the file, whatever the descriptor's offset (an append-mode
    /// descriptor included).
    static func read(_ fd: Int32, length: Int, path: String) throws(StoreError) -> Data {
        var data = Data(count: length)
        var done = 0
        while done < length {
            let count = data.withUnsafeMutableBytes { buffer in
                pread(fd, buffer.baseAddress.map { $0 + done }, length - done, off_t(done))
            }
            if count < 0 {
                if errno == EINTR || errno == EAGAIN { continue }
                throw .io(path: path, operation: "read", errno: errno)
            }
            if count == 0 { throw .io(path: path, operation: "read", errno: EIO) }
            done += count
        }
        return data
    }

    static func writeAll(_ fd: Int32, _ bytes: some ContiguousBytes, path: String) throws(StoreError) {
        // `withUnsafeBytes` rethrows untyped: the failure comes out as a `Result` to keep its type.
        try bytes.withUnsafeBytes { buffer in Result { () throws(StoreError) in try writeAll(fd, buffer, path: path) } }.get()
    }

    static func writeAll(_ fd: Int32, _ buffer: UnsafeRawBufferPointer, path: String) throws(StoreError) {
        guard let base = buffer.baseAddress else { return }
        var offset = 0
        while offset < buffer.count {
            let written = Glibc.write(fd, base + offset, buffer.count - offset)
            if written < 0 {
                if errno == EINTR { continue }
                throw .io(path: path, operation: "write", errno: errno)
            }
            offset += written
        }
    }

    static func sync(_ fd: Int32, path: String) throws(StoreError) {
        guard fsync(fd) == 0 else { throw .io(path: path, operation: "flush to disk", errno: errno) }
    }

    /// Cuts the file back to `length` bytes and makes that durable.
    static func truncate(_ fd: Int32, to length: Int, path: String) throws(StoreError) {
        guard ftruncate(fd, off_t(length)) == 0 else { throw .io(path: path, operation: "cut back", errno: errno) }
        try sync(fd, path: path)
    }

    /// Makes a rename or a new file in `directory` survive a power cut.
    static func syncDirectory(_ directory: String) {
        let fd = Glibc.open(directory, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard fd >= 0 else { return }
        _ = fsync(fd)
        Glibc.close(fd)
    }

    /// A new file in `directory`, named from `prefix` and six random characters, created with
    /// `O_EXCL` (so nothing already there, a planted link included, is ever opened) and readable by
    /// its owner only until the caller says otherwise.
    static func makeTemporary(in directory: String, prefix: String) throws(StoreError) -> (fd: Int32, path: String) {
        var template = Array((directory + "/" + prefix + ".XXXXXX").utf8CString)
        let fd = template.withUnsafeMutableBufferPointer { buffer in
            buffer.baseAddress.map { mkstemp($0) } ?? -1
        }
        let path = String(decoding: template.dropLast().map { UInt8(bitPattern: $0) }, as: UTF8.self)
        guard fd >= 0 else { throw .io(path: path, operation: "create", errno: errno) }
        _ = fcntl(fd, F_SETFD, FD_CLOEXEC) // no editor or child process inherits it
        return (fd, path)
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
    /// While another process holds it, tries again until `wait` has passed, then refuses.
    static func lockExclusively(_ fd: Int32, path: String, wait: Duration = .zero) throws(StoreError) {
        let clock = ContinuousClock()
        let deadline = clock.now.advanced(by: wait)
        var pause = Duration.milliseconds(2)
        while flock(fd, LOCK_EX | LOCK_NB) != 0 {
            guard errno == EWOULDBLOCK else { throw .io(path: path, operation: "lock", errno: errno) }
            guard clock.now < deadline else { throw .alreadyLocked(path: path) }
            // Short at first so a queue of quick writers moves quickly; never past the deadline.
            let nap = min(pause, deadline - clock.now)
            let (seconds, attoseconds) = nap.components
            usleep(UInt32(max(0, seconds * 1_000_000 + attoseconds / 1_000_000_000_000)))
            pause = min(pause * 2, .milliseconds(50))
        }
    }
}

/// Writes all of `bytes` to an open descriptor such as standard output, or says why it could not
/// (a full disk, a closed pipe), naming it as `name`.
public func writeAll(_ bytes: some ContiguousBytes, toDescriptor fd: Int32, name: String) throws(StoreError) {
    try POSIX.writeAll(fd, bytes, path: name)
}

/// Writes `text` as UTF-8, read in place: a long record's megabyte is not copied first.
public func writeAll(_ text: String, toDescriptor fd: Int32, name: String) throws(StoreError) {
    var text = text
    try text.withUTF8 { bytes in Result { () throws(StoreError) in try POSIX.writeAll(fd, UnsafeRawBufferPointer(bytes), path: name) } }.get()
}
