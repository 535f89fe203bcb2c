import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Why the notes could not be brought up to date in the background (`convene catch-up-notes`, for
/// a long session), kept in the session's folder for the next command to say: a process with no
/// terminal has nobody else to tell. Gone as soon as `notes.md` is written again.
extension SessionFolder {
    static let notesProblemName = ".notes-problem"

    private var notesProblemFile: URL { url.appendingPathComponent(Self.notesProblemName) }

    /// What the last background update of the notes met, when it failed.
    public var notesProblem: String? {
        guard let data = try? AtomicFile.existingContent(of: notesProblemFile.path), !data.isEmpty else { return nil }
        return String(decoding: data.prefix(4096), as: UTF8.self)
    }

    /// Keeps `problem` for the next command. Best effort: a folder that cannot take it cannot take
    /// the notes either, and the next change tries the notes again all the same.
    public func recordNotesProblem(_ problem: String) {
        _ = try? AtomicFile.write(problem, to: notesProblemFile, durability: .none)
    }

    func clearNotesProblem() {
        unlink(notesProblemFile.path)
    }
}
