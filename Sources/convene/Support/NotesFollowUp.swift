import ConveneCore
import ConveneStore
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// What happens to `notes.md` after a command changed a session.
///
/// A change is saved once its journal line is on disk; the notes are derived. Rendering them grows
/// with the session (about 90 ms at 10,000 points), so a command that waited for them would slow
/// down as the session grows. Short sessions are rendered before the command ends, as they always
/// were; from `inlineLimit` points on the command hands the notes to a background `convene
/// catch-up-notes` and ends at once. Background catch-ups of one session run one at a time, and
/// the last one to finish has seen the last change.
enum NotesFollowUp {
    /// Below this many points the notes take under about 10 ms: rendered in the command itself.
    static let inlineLimit = 1_000

    static func afterChange(_ writer: SessionWriter, options: SessionsOptions) {
        writer.saveCheckpointIfDue()
        if writer.session.points.count >= inlineLimit, spawnCatchUp(of: writer.folder, options: options) { return }
        warnIfNotesFail(writer, options: options)
    }

    /// Starts `convene catch-up-notes FOLDER` in the background; false when it could not be
    /// started, and the caller then renders the notes itself.
    private static func spawnCatchUp(of folder: SessionFolder, options: SessionsOptions) -> Bool {
        BackgroundCommand.start(CatchUpNotes.configuration.commandName ?? "catch-up-notes", options: options,
                                arguments: ["--", folder.url.path])
    }

    /// Brings the notes up to date until no change arrived while they were being written. Another
    /// catch-up already at work will see this one's change, so this one leaves it to that one.
    static func catchUp(_ folder: SessionFolder, options: SessionsOptions) throws {
        let renderer = try options.templates.notesRenderer()
        while true {
            guard let lock = FolderLock.acquire(folder) else { return }
            let seen = folder.journalSize
            try folder.writeNotes(renderer.render(folder.load().log.session))
            lock.release()
            // Checked after letting go, so a change whose catch-up found the lock taken is never missed.
            if folder.journalSize == seen { return }
        }
    }
}
