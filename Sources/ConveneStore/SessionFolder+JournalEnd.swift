import ConveneCore
import Foundation
#if canImport(Glibc)
import Glibc
#endif

extension SessionFolder {
    /// What loading the session would warn about before replaying anything (a change the disk
    /// refused left out, a torn last line dropped), found by reading the journal through once in
    /// pieces, holding neither it nor the session: for a reader of current notes (`convene show`),
    /// who needs nothing else of the session, and of a long one not the hundreds of megabytes.
    public func journalEndWarnings() throws(StoreError) -> [String] {
        let fd = try POSIX.openRegular(journal.path, flags: O_RDONLY)
        defer { close(fd) }
        var status = stat()
        guard fstat(fd, &status) == 0 else { throw .io(path: journal.path, operation: "inspect", errno: errno) }
        let size = Int(status.st_size)
        let saved = savedJournalLength.map { min($0, size) } ?? size
        let (lines, afterLastLine) = try wholeLines(fd, upTo: saved)
        var warnings: [String] = []
        if afterLastLine > 0 { warnings.append(JournalReader.tornLineWarning(path: journal.path, line: lines + 1, bytes: afterLastLine)) }
        if saved < size { warnings.append(refusedTailWarning(bytes: size - saved)) }
        return warnings
    }

    /// How many whole lines the first `length` bytes of the open journal hold, and how many bytes
    /// follow the last of them (read up to where the file ends, should it have been cut shorter).
    private func wholeLines(_ fd: Int32, upTo length: Int) throws(StoreError) -> (lines: Int, afterLastLine: Int) {
        var buffer = [UInt8](repeating: 0, count: 1 << 20)
        var lines = 0
        var read = 0
        var lastLineEnd = 0
        while read < length {
            let count = buffer.withUnsafeMutableBytes { pread(fd, $0.baseAddress, min($0.count, length - read), off_t(read)) }
            if count < 0 {
                if errno == EINTR || errno == EAGAIN { continue }
                throw .io(path: journal.path, operation: "read", errno: errno)
            }
            if count == 0 { break }
            buffer.withUnsafeBytes { bytes in
                guard let base = bytes.baseAddress else { return }
                var from = 0
                while from < count, let found = memchr(base + from, 0x0A, count - from) {
                    let index = UnsafeRawPointer(found) - base
                    lines += 1
                    lastLineEnd = read + index + 1
                    from = index + 1
                }
            }
            read += count
        }
        return (lines, read - lastLineEnd)
    }
}
