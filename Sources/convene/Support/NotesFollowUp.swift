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

    /// Starts `convene catch-up-notes FOLDER` detached: its own process group (so Ctrl-C at the
    /// terminal does not reach it) and no terminal for its input or output. False when it could
    /// not be started; the caller then renders the notes itself.
    private static func spawnCatchUp(of folder: SessionFolder, options: SessionsOptions) -> Bool {
        var arguments = [CommandLine.arguments.first ?? "convene", CatchUpNotes.configuration.commandName ?? "catch-up-notes"]
        if let dir = options.dir { arguments += ["--dir", dir] }
        arguments += ["--", folder.url.path]
        var actions = posix_spawn_file_actions_t()
        var attributes = posix_spawnattr_t()
        posix_spawn_file_actions_init(&actions)
        posix_spawnattr_init(&attributes)
        defer {
            posix_spawn_file_actions_destroy(&actions)
            posix_spawnattr_destroy(&attributes)
        }
        for descriptor in Int32(0)...2 {
            posix_spawn_file_actions_addopen(&actions, descriptor, "/dev/null", descriptor == 0 ? O_RDONLY : O_WRONLY, 0)
        }
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETPGROUP))
        posix_spawnattr_setpgroup(&attributes, 0)
        let argv = arguments.map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        var pid = pid_t()
        return posix_spawn(&pid, "/proc/self/exe", &actions, &attributes, argv, environ) == 0
    }

    /// Brings the notes up to date until no change arrived while they were being written. Another
    /// catch-up already at work will see this one's change, so this one leaves it to that one.
    static func catchUp(_ folder: SessionFolder, options: SessionsOptions) throws {
        let renderer = try options.templates.notesRenderer()
        while true {
            guard let lock = NotesLock.acquire(folder) else { return }
            let seen = folder.journalSize
            try folder.writeNotes(renderer.render(folder.load().log.session))
            lock.release()
            // Checked after letting go, so a change whose catch-up found the lock taken is never missed.
            if folder.journalSize == seen { return }
        }
    }
}
