import ArgumentParser
import ConveneStore
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Started by a change to a long session (see `NotesFollowUp`), not by people: hidden from help.
struct CatchUpNotes: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "catch-up-notes",
        abstract: "Bring a session's notes.md up to date with its journal.",
        shouldDisplay: false
    )

    @OptionGroup var sessions: SessionsOptions

    @Argument(help: "The session folder.")
    var folder: String

    func run() throws {
        // Outlives the terminal it was started from.
        signal(SIGHUP, SIG_IGN)
        try NotesFollowUp.catchUp(SessionFolder(url: URL(fileURLWithPath: folder)), options: sessions)
    }
}
