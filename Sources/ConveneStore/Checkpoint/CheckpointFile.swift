import ConveneCore
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// `.checkpoint` in a session folder: the session as it stood at some length of its journal, so
/// that opening it replays only the lines written since.
///
/// Only ever a cache. It is used when the journal still begins with exactly the bytes it was made
/// from (same length, same digest) and its own bytes are whole; otherwise it is ignored and the
/// journal replayed in full. Deleting it loses nothing. It is written without flushing to disk,
/// since a torn or stale one is simply not used.
public enum CheckpointFile {
    public static let name = ".checkpoint"

    /// A session of fewer bytes than this is replayed faster than a checkpoint is worth keeping.
    static let minimumJournalLength = 64 * 1024
    /// Lines replayed past a checkpoint (or without one) before a new one is due.
    static let linesBeforeRenewal = 128

    private static let magic = Data("CONVENE-CHECKPOINT\n".utf8)
    private static let headerWords = 4

    static func url(in folder: SessionFolder) -> URL {
        folder.url.appendingPathComponent(name)
    }

    /// How the checkpoint stores undo steps and keyed changes: as journal lines store events.
    static let events = CheckpointEventCoding(
        encode: { event in try JournalCoding.encoder().encode(event) },
        decode: { data in try JournalCoding.decoder().decode(SessionEvent.self, from: data) })

    /// The session at the checkpoint's length of `journal`, or nil when there is no checkpoint or it
    /// does not belong to this journal. Never throws: a checkpoint that cannot be used is no error.
    static func restore(in folder: SessionFolder, matching journal: Data) -> (log: SessionLog, length: Int)? {
        guard let data = try? AtomicFile.existingContent(of: url(in: folder).path, mapped: true) else { return nil }
        return try? decode(data, matching: journal)
    }

    /// `digestingAlongside`: bytes (journal and body) from which the digests are worked out on
    /// another core while the body is decoded.
    static func decode(_ data: Data, matching journal: Data, digestingAlongside: Int = concurrentDigestBytes) throws -> (log: SessionLog, length: Int) {
        guard data.starts(with: magic) else { throw CheckpointError("not a checkpoint") }
        let header = data.dropFirst(magic.count)
        guard header.count >= headerWords * 8 else { throw CheckpointError("its header is cut short") }
        let words = headerValues(of: header)
        // A slice, read in place: a copy of a long session's body cost a millisecond.
        let body = header.dropFirst(headerWords * 8)
        guard words[2] == UInt64(body.count) else { throw CheckpointError("its content is damaged") }
        guard words[0] <= UInt64(journal.count) else { throw CheckpointError("the journal is shorter than it was") }
        let length = Int(words[0])
        guard length > 0, journal[journal.startIndex + length - 1] == 0x0A else { throw CheckpointError("the journal has changed") }
        // Both digests are worked out on another core while the body is decoded: at 200,000
        // points they read 85 MB, a tenth of opening the session. Decoding bytes not yet vouched
        // for is safe (`ByteReader` refuses what it cannot read), and its result is used only
        // once both digests match. A short session's are worked out first: a thread costs more.
        let digests = { @Sendable in (body: ContentDigest.of(body), journal: ContentDigest.of(journal.prefix(length))) }
        let digested = length + body.count < digestingAlongside ? Prefetched(ready: digests()) : Prefetched(digests)
        let log = Result { try SessionCheckpoint.decode(body, events: events) }
        guard digested.value.body == words[3] else { throw CheckpointError("its content is damaged") }
        guard digested.value.journal == words[1] else { throw CheckpointError("the journal has changed") }
        return (try log.get(), length)
    }

    /// Checkpoint and journal bytes below which both are digested before the body is decoded.
    static let concurrentDigestBytes = 4 << 20

    /// The header's words, from the bytes after the magic: the length of journal the checkpoint
    /// holds and its digest, then the length of the checkpoint's body and its digest.
    private static func headerValues(of header: Data) -> [UInt64] {
        (0..<headerWords).map { index in
            header.dropFirst(index * 8).prefix(8).reversed().reduce(UInt64(0)) { $0 << 8 | UInt64($1) }
        }
    }

    /// What the checkpoint says before its points (`SessionCheckpoint.opening`: the details and
    /// the last line's sequence number) and the length of journal it holds, when it still matches
    /// the first `journalLength` bytes of the open journal `fd`. Checked as `restore` checks it
    /// (its own bytes whole, the journal beginning with the bytes it was made from), but both
    /// files are read in pieces and no point is decoded: what a reader of a session's current
    /// notes needs for its title bar, at any length. Nil when there is none that matches.
    static func opening(in folder: SessionFolder, journal fd: Int32, length journalLength: Int)
        -> (details: SessionDetails, lastSeq: Int, length: Int)? {
        let path = url(in: folder).path
        guard POSIX.kind(at: path) != nil, let checkpoint = try? POSIX.openRegular(path, flags: O_RDONLY) else { return nil }
        defer { close(checkpoint) }
        let headerLength = magic.count + headerWords * 8
        var status = stat()
        guard let header = try? POSIX.read(checkpoint, length: headerLength, path: path), header.starts(with: magic),
              fstat(checkpoint, &status) == 0
        else { return nil }
        let words = headerValues(of: header.dropFirst(magic.count))
        guard let bodyLength = Int(exactly: words[2]), Int(status.st_size) - headerLength == bodyLength,
              let length = Int(exactly: words[0]), length > 0, length <= journalLength
        else { return nil }
        var bodyDigest = ContentDigest.Running(count: bodyLength)
        var firstPiece = Data()
        let bodyEnd = try? POSIX.eachPiece(of: checkpoint, from: headerLength, upTo: headerLength + bodyLength, path: path) { piece, offset in
            if offset == headerLength { firstPiece = Data(piece) }
            bodyDigest.add(piece)
        }
        guard bodyEnd == headerLength + bodyLength, bodyDigest.value == words[3] else { return nil }
        // The frame comes first and is small; one of more than a piece is read whole.
        let opening = (try? SessionCheckpoint.opening(of: firstPiece))
            ?? (try? POSIX.read(checkpoint, length: headerLength + bodyLength, path: path)).flatMap {
                try? SessionCheckpoint.opening(of: $0.dropFirst(headerLength))
            }
        var journalDigest = ContentDigest.Running(count: length)
        var lastByte: UInt8?
        let journalEnd = try? POSIX.eachPiece(of: fd, from: 0, upTo: length, path: folder.journal.path) { piece, _ in
            journalDigest.add(piece)
            lastByte = piece.last
        }
        guard let opening, journalEnd == length, lastByte == 0x0A, journalDigest.value == words[1] else { return nil }
        return (opening.details, opening.lastSeq, length)
    }

    static func encode(_ log: SessionLog, journalPrefix: Data) throws -> Data {
        let body = try SessionCheckpoint.encode(log, events: events)
        var data = magic
        for word in [UInt64(journalPrefix.count), ContentDigest.of(journalPrefix), UInt64(body.count), ContentDigest.of(body)] {
            withUnsafeBytes(of: word.littleEndian) { data.append(contentsOf: $0) }
        }
        data.append(body)
        return data
    }

    /// Writes the checkpoint of `log`, the state after the whole lines `journalPrefix` holds.
    static func write(_ log: SessionLog, journalPrefix: Data, in folder: SessionFolder) throws {
        try AtomicFile.replace(url(in: folder), with: try encode(log, journalPrefix: journalPrefix), durability: .none)
    }

    /// Whether a session of `journalLength` bytes, with `linesReplayed` lines read past the
    /// checkpoint it was opened from, should have a new one.
    static func isDue(journalLength: Int, linesReplayed: Int) -> Bool {
        journalLength >= minimumJournalLength && linesReplayed >= linesBeforeRenewal
    }

    /// Leaves a checkpoint for the next reader when a load replayed many lines. Best effort: a
    /// folder this process may not write to is read all the same, and the next load replays again.
    static func renewIfDue(after loaded: LoadedJournal, journal: Data, in folder: SessionFolder) {
        guard isDue(journalLength: loaded.intactLength, linesReplayed: loaded.linesReplayed) else { return }
        try? write(loaded.log, journalPrefix: journal.prefix(loaded.intactLength), in: folder)
    }
}
