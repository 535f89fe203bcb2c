import ArgumentParser
import ConveneCore
import ConveneStore
import Foundation
#if canImport(Glibc)
import Glibc
#endif

struct Sync: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sync",
        abstract: "Share the sessions folder with other machines through git: commit, fetch, merge, push.",
        discussion: """
            The sessions folder must be a git repository with a remote; `--init URL` makes it one. \
            Git is run as you run it, with your configuration, credentials and SSH keys. Journals merge \
            by event id and never conflict; where two machines changed the same thing, the later change \
            is kept everywhere and sync says what gave way (it stays in the history, and --put-back \
            brings it back). Offline, sync says so and exits with status 75; what was written here is \
            committed and goes with the next sync.
            """
    )

    @OptionGroup var sessions: SessionsOptions

    @Option(name: .customLong("init"), help: ArgumentHelp("Make the sessions folder a git repository that syncs with URL.", valueName: "URL"))
    var remote: String?

    @Option(help: ArgumentHelp("Put back a change that gave way in a merge (sync names it), in SESSION, instead of syncing.",
                               valueName: "change"))
    var putBack: String?

    @Argument(help: ArgumentHelp("With --put-back: the session the change is in.", valueName: "session"))
    var session: String?

    /// Started by `[sync] auto` (see `AutoSync`): no prompts, nothing printed; the outcome is kept
    /// for the next command to say.
    @Flag(help: .hidden)
    var background = false

    func validate() throws {
        if putBack != nil, session == nil { throw ValidationError("--put-back needs the session too: convene sync --put-back CHANGE SESSION") }
        if putBack == nil, session != nil { throw ValidationError("sync works on the whole sessions folder; name a session only with --put-back") }
    }

    func run() throws {
        if let putBack, let session { return try Self.putting(back: EventID(putBack), in: session, options: sessions) }
        let root = sessions.location.sessions
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        let repository = ArchiveRepository(root: root)
        if let remote { try repository.initialise(remote: remote) }
        let report = try ArchiveSync(repository: repository, renderer: sessions.templates.notesRenderer(),
                                     driver: ForcedCommand.shellQuoted(Access.binary), machine: Self.machine, background: background).sync()
        if background { return }
        try SyncSummary(report: report).print()
        if case .notSynced(_, let offline) = report.outcome { throw ExitCode(offline ? 75 : 1) }
        if case .waiting = report.outcome { throw ExitCode(75) }
    }

    /// Records the change `id` made again, over what replaced it: it goes to the other machines
    /// with the next sync.
    static func putting(back id: EventID, in session: String, options: SessionsOptions) throws {
        let folder = try SessionArgument.folder(named: session, in: options)
        try editing(folder, options: options) { writer in
            let event = try JournalMerge.puttingBack(id, from: folder.records(), into: writer.session)
            try writer.apply(event, at: .nowToTheSecond)
        }
        try Output.print("put back change \(id) in \(folder.shownName); it goes to the other machines with the next sync")
    }

    /// This machine's name, as commit messages give it.
    static var machine: String {
        // gethostname, not Foundation's hostName: that asks the resolver, which offline can take seconds.
        var name = [CChar](repeating: 0, count: 256)
        guard gethostname(&name, name.count - 1) == 0 else { return "this machine" }
        let host = String(decoding: name.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
        return host.split(separator: ".").first.map(String.init) ?? "this machine"
    }
}
