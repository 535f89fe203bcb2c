import ArgumentParser
import ConveneStore
import Foundation

/// Git's merge driver for a session's journal (set up by `convene sync`): git runs it with the
/// three versions and the path, and takes what it leaves in OURS. Not for people: hidden from help.
struct MergeJournal: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "merge-journal",
        abstract: "Merge two versions of a session's journal by event id (git's merge driver).",
        shouldDisplay: false
    )

    @Argument(help: "The common ancestor's version (unused: the shared lines are found in the two).")
    var base: String

    @Argument(help: "This side's version; the merged journal is written here.")
    var ours: String

    @Argument(help: "The other side's version.")
    var theirs: String

    @Argument(help: "The journal's path in the repository, for messages.")
    var path: String

    func run() throws {
        let ourData = try Data(contentsOf: URL(fileURLWithPath: ours))
        let theirData = try Data(contentsOf: URL(fileURLWithPath: theirs))
        let merged = try JournalFileMerge.merge(ours: ourData, theirs: theirData, path: path)
        try merged.journal.write(to: URL(fileURLWithPath: ours))
        // For the sync that started git, which tells the person; a `git merge` by hand has none.
        guard let noticesPath = ProcessEnvironment.current["CONVENE_MERGE_NOTICES"], !merged.notices.isEmpty else { return }
        let session = String(path.prefix { $0 != "/" })
        var lines = Data()
        for notice in merged.notices {
            lines += try JSONEncoder().encode(MergeNoticeLine(session: session, notice: notice)) + Data([0x0A])
        }
        let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: noticesPath), creatingIfMissing: true)
        defer { try? handle.close() }
        try handle.seekToEnd()
        try handle.write(contentsOf: lines)
    }
}

private extension FileHandle {
    convenience init(forWritingTo url: URL, creatingIfMissing: Bool) throws {
        if creatingIfMissing, !FileManager.default.fileExists(atPath: url.path) {
            // Should it not be created, opening it below says why.
            _ = FileManager.default.createFile(atPath: url.path, contents: nil)
        }
        try self.init(forWritingTo: url)
    }
}
