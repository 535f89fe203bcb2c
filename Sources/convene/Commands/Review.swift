import ArgumentParser
import ConveneCore
import ConveneStore
import ConveneTUI
import Foundation

struct Review: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "review",
        abstract: "Read a saved session, or any Markdown notes file, in the terminal.",
        discussion: """
            Read-only: nothing can be changed and no lock is taken, so it works while a live session \
            has the same session open. Press t for the contents, / to search, q to close.
            """
    )

    @OptionGroup var sessions: SessionsOptions

    @Argument(help: "A Markdown file, or a session (folder path or unique prefix of its name); none for the list with search.",
              completion: ShellCompletion.sessionOrMarkdown)
    var target: String?

    func run() throws {
        if let notice = AutoSync.start(.showing, options: sessions) { Output.warn(notice) }
        let document = try target.map(document(at:))
        // What loading the session found (a torn last line dropped), said once the screen is gone.
        defer { for message in document?.learnt?.ready?.messages ?? [] { Output.warn(message) } }
        try onScreen("convene review", otherwise: "`convene show` prints to standard output", options: sessions) { terminal, signals, configuration in
            let scene: any Scene = if let (title, document, learnt) = document {
                ReaderScene(terminal: terminal, title: title, document: document, keys: configuration.keys,
                            heading: learnt.map { learnt in Prefetched { learnt.value.heading } },
                            reading: ReaderScene.reading(terminal: terminal, keys: configuration.keys) {
                                try StoreReview.record(of: $0, options: sessions)
                            })
            } else {
                ReviewScene(terminal: terminal, backend: StoreReview(options: sessions), keys: configuration.keys)
            }
            Program(terminal: terminal, root: scene).run(shouldStop: signals.shouldStop)
        }
    }

    /// The title and Markdown to read, its opening parsed, and, for a session, its title and
    /// series as they are learnt (current notes are shown before they are).
    private func document(at target: String) throws -> (title: String, document: ArrivingDocument, learnt: Prefetched<StoreReview.Learnt>?) {
        var isFolder: ObjCBool = false
        if FileManager.default.fileExists(atPath: target, isDirectory: &isFolder), !isFolder.boolValue {
            return (URL(fileURLWithPath: target).lastPathComponent, ArrivingDocument(parsing: try readTextFile(target)), nil)
        }
        if target.hasSuffix(".md") && !FileManager.default.fileExists(atPath: target) {
            throw CommandFailure("\(target): no such file")
        }
        let folder = try sessions.catalog.resolve(target)
        let notes = try StoreReview.notesSoon(of: folder, options: sessions, reading: ArrivingDocument.init(parsing:))
        // The folder's name, until the session's own title is learnt (most often before the first
        // frame); the learnt title already says "read-only".
        return (notes.learnt.ready?.heading?.title ?? folder.name + " · read-only", notes.notes, notes.learnt)
    }
}
