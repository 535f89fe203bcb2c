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
        let (fd, size, saved) = try journalToRead()
        defer { close(fd) }
        let (lines, afterLastLine) = try wholeLines(fd, upTo: saved)
        return endWarnings(wholeLines: lines, tornBytes: afterLastLine, saved: saved, size: size)
    }

    /// What a load says of how the journal ends, in the order it says it: `tornBytes` after its
    /// last whole line, line `wholeLines` (a torn line dropped); `size` bytes of which `saved` are
    /// saved (a refused change left out).
    func endWarnings(wholeLines: Int, tornBytes: Int, saved: Int, size: Int) -> [String] {
        var warnings: [String] = []
        if tornBytes > 0 { warnings.append(JournalReader.tornLineWarning(path: journal.path, line: wholeLines + 1, bytes: tornBytes)) }
        if saved < size { warnings.append(refusedTailWarning(bytes: size - saved)) }
        return warnings
    }

    /// The journal opened for reading (the caller closes it), its size, and how much of it is
    /// saved: all of it, unless a change the disk refused follows (`savedJournalLength`).
    func journalToRead() throws(StoreError) -> (fd: Int32, size: Int, saved: Int) {
        let fd = try POSIX.openRegular(journal.path, flags: O_RDONLY)
        var status = stat()
        guard fstat(fd, &status) == 0 else {
            let failure = errno
            close(fd)
            throw .io(path: journal.path, operation: "inspect", errno: failure)
        }
        let size = Int(status.st_size)
        return (fd, size, savedJournalLength.map { min($0, size) } ?? size)
    }

    /// How many whole lines the first `length` bytes of the open journal hold, and how many bytes
    /// follow the last of them (read up to where the file ends, should it have been cut shorter).
    private func wholeLines(_ fd: Int32, upTo length: Int) throws(StoreError) -> (lines: Int, afterLastLine: Int) {
        var lines = 0
        var lastLineEnd = 0
        let read = try POSIX.eachPiece(of: fd, from: 0, upTo: length, path: journal.path) { piece, offset in
            guard let base = piece.baseAddress else { return }
            var from = 0
            while from < piece.count, let found = memchr(base + from, 0x0A, piece.count - from) {
                let index = UnsafeRawPointer(found) - base
                lines += 1
                lastLineEnd = offset + index + 1
                from = index + 1
            }
        }
        return (lines, read - lastLineEnd)
    }
}
