import Foundation

extension SessionFolder {
    /// Beside `notes.md`, the digest of what this program last wrote there: notes someone edited
    /// by hand (a name typed back into a record held under the Rule) never pass for the rendered
    /// record. A derived dot-file like the checkpoint: lost or stale, the notes are rendered again.
    var notesDigestFile: URL { url.appendingPathComponent(".notes-digest") }

    /// Records that `notes.md` now holds `content`. Not flushed: a digest lost in a crash only
    /// costs a rendering.
    func recordNotesDigest(of content: Data) {
        let line = "\(ContentDigest.of(content)) \(content.count)\n"
        try? AtomicFile.replace(notesDigestFile, with: Data(line.utf8), durability: .none)
    }

    /// Whether `content` is what the last recorded write put in `notes.md`.
    func isWrittenNotes(_ content: Data) -> Bool {
        guard let recorded = try? AtomicFile.existingContent(of: notesDigestFile.path) else { return false }
        return String(decoding: recorded, as: UTF8.self) == "\(ContentDigest.of(content)) \(content.count)\n"
    }
}
