import ArgumentParser
import ConveneStore
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Started by a search of an archive whose index is far behind (see `Archive.search`), not by
/// people: hidden from help. One builder per sessions folder; a second one leaves it to the first.
struct CatchUpIndex: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "catch-up-index",
        abstract: "Bring the archive's index up to date with the journals.",
        shouldDisplay: false
    )

    @OptionGroup var sessions: SessionsOptions

    func run() throws {
        // Outlives the terminal it was started from.
        signal(SIGHUP, SIG_IGN)
        guard let lock = FolderLock.acquire(directory: sessions.catalog.root) else { return }
        defer { lock.release() }
        _ = try ArchiveIndex.updated(sessions.catalog, patience: .background) { _ in }
    }
}
