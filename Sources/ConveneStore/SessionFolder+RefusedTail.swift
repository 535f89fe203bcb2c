import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A change the disk would not keep, that could not be taken back out of the journal either (the
/// flush failed, then the cut did too). It was reported not saved, so it must never be replayed as
/// if it were: `.refused-tail` beside the journal holds the length of the journal up to which every
/// line is saved, every reader stops there, and the next writer cuts the journal back to it before
/// adding anything, then removes the marker. While the marker is there nothing is appended.
extension SessionFolder {
    public static let refusedTailName = ".refused-tail"

    var refusedTailMarker: URL { url.appendingPathComponent(Self.refusedTailName) }

    /// The length of the journal's saved part when a refused change may follow it; nil when every
    /// line of the journal is saved.
    var savedJournalLength: Int? {
        guard let data = try? AtomicFile.existingContent(of: refusedTailMarker.path),
              let length = Int(String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)),
              length >= 0
        else { return nil }
        return length
    }

    /// Leaves the marker saying the journal's first `length` bytes are all that is saved. Written
    /// without waiting for a flush: the disk just refused one, and the refused line is no more
    /// durable than the marker. False when it could not be written.
    func markRefusedTail(after length: Int) -> Bool {
        let path = refusedTailMarker.path
        let fd = Glibc.open(path, O_WRONLY | O_CREAT | O_TRUNC | O_NOFOLLOW | O_CLOEXEC, 0o644)
        guard fd >= 0 else { return false }
        defer { Glibc.close(fd) }
        let written = (try? POSIX.writeAll(fd, Data("\(length)\n".utf8), path: path)) != nil
        _ = fsync(fd)
        return written
    }

    /// Removes the marker once the journal has been cut back to its saved part.
    func clearRefusedTail() throws(StoreError) {
        guard unlink(refusedTailMarker.path) == 0 || errno == ENOENT else {
            throw .io(path: refusedTailMarker.path, operation: "remove", errno: errno)
        }
    }

    /// The part of `journal` (this folder's journal's bytes) that is saved, and what a person
    /// should know when a refused change follows it.
    func savedPart(of journal: Data) -> (data: Data, warning: String?) {
        guard let length = savedJournalLength, length < journal.count else { return (journal, nil) }
        return (journal.prefix(length), refusedTailWarning(bytes: journal.count - length))
    }

    /// What a person is told of the last `bytes` bytes of the journal left out as refused.
    func refusedTailWarning(bytes: Int) -> String {
        "\(journal.path): left out the last \(bytes) bytes: a change the disk refused to keep, reported not saved at the time "
            + "(\(Self.refusedTailName) marks where the saved part ends)"
    }
}
