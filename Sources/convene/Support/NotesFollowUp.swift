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
    @discardableResult
    static func spawnCatchUp(of folder: SessionFolder, options: SessionsOptions) -> Bool {
        BackgroundCommand.start(CatchUpNotes.configuration.commandName ?? "catch-up-notes", options: options,
                                arguments: ["--", folder.url.path])
    }

    /// Brings the notes up to the journal in the background (`SessionNotes.catchUp`); a template
    /// that cannot be read is kept in the folder for the next command to say, as a failed write is.
    static func catchUp(_ folder: SessionFolder, options: SessionsOptions) throws {
        let renderer: NotesRenderer
        do {
            renderer = try options.templates.notesRenderer()
        } catch {
            folder.recordNotesProblem("\(error)")
            throw error
        }
        try SessionNotes(folder: folder, renderer: renderer).catchUp()
    }
}
