import ConveneCore
import ConveneStore
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// What happens to `notes.md` after a command changed a session.
///
/// A change is saved once its journal line is on disk; the notes are derived. Rendering them grows
/// with the session, so a command that waited for them would slow down as the session grows.
/// Short sessions are rendered before the command ends; from `inlineLimit` points on the command hands the notes to a background `convene
/// catch-up-notes` and ends at once. Background catch-ups of one session run one at a time, and
/// the last one to finish has seen the last change.
enum NotesFollowUp {
    /// Below this many points the notes render in less time than starting a background command
    /// takes: rendered in the command itself.
    static let inlineLimit = 1_000
    /// A journal under this size is most likely a session whose notes the command writes itself.
    static let prefetchJournalLimit = 512 * 1024

    typealias Renderer = Result<NotesRenderer, StoreError>

    /// Starts reading and parsing the notes template on another thread, for a session short enough
    /// that the command will write its notes itself: done while the session opens and the change
    /// is flushed to disk, so the command does not wait for it afterwards. Nil for a long session, whose notes a background catch-up writes. Whoever starts one
    /// waits for it before exiting, used or not.
    static func prefetchRenderer(for folder: SessionFolder, options: SessionsOptions) -> Prefetched<Renderer>? {
        guard let size = folder.journalSize, size < prefetchJournalLimit else { return nil }
        let templates = options.templates
        return Prefetched { renderer(from: templates) }
    }

    /// The notes renderer of `templates`, or why there is none.
    static func renderer(from templates: TemplateLibrary) -> Renderer {
        Renderer { () throws(StoreError) in try templates.notesRenderer() }
    }

    static func afterChange(_ writer: SessionWriter, options: SessionsOptions, renderer: Prefetched<Renderer>? = nil) {
        writer.saveCheckpointIfDue()
        if writer.session.points.count >= inlineLimit, spawnCatchUp(of: writer.folder, options: options) {
            // This change's notes are in the background's hands; an earlier one's failure is said now.
            if let problem = writer.folder.notesProblem {
                Output.warn("saved; notes.md not updated: \(problem) (since an earlier change; trying again in the background)")
            }
            return
        }
        warnIfNotesFail(writer, renderer: renderer?.value ?? Self.renderer(from: options.templates))
    }

    /// Starts `convene catch-up-notes FOLDER` in the background; false when it could not be
    /// started, and the caller then renders the notes itself.
    private static func spawnCatchUp(of folder: SessionFolder, options: SessionsOptions) -> Bool {
        BackgroundCommand.start(CatchUpNotes.configuration.commandName ?? "catch-up-notes", options: options,
                                arguments: ["--", folder.url.path])
    }

    /// Brings the notes up to date until no change arrived while they were being written. Another
    /// catch-up already at work will see this one's change, so this one leaves it to that one.
    /// A failure is kept in the folder (`SessionFolder.notesProblem`) for the next command to say.
    static func catchUp(_ folder: SessionFolder, options: SessionsOptions) throws {
        func recordingFailure<Value>(_ work: () throws -> Value) throws -> Value {
            do {
                return try work()
            } catch {
                folder.recordNotesProblem("\(error)")
                throw error
            }
        }
        let renderer = try recordingFailure { try options.templates.notesRenderer() }
        while true {
            guard let lock = FolderLock.acquire(folder) else { return }
            let seen = folder.journalSize
            // Kept while the lock is held, so a later catch-up's success is never overwritten.
            _ = try recordingFailure { try folder.writeNotes(renderer.render(folder.load().log.session)) }
            lock.release()
            // Checked after letting go, so a change whose catch-up found the lock taken is never missed.
            if folder.journalSize == seen { return }
        }
    }
}
