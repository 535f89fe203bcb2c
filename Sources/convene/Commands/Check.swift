import ArgumentParser
import ConveneCore
import ConveneStore

struct Check: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "List where captured text names an attendee or their organisation.",
        discussion: """
            Exits 1 when there are findings no one has acknowledged, 0 when the record is clean. \
            Each finding ends with its key in [brackets]; --acknowledge KEY records that it is not an \
            attribution (kept in the journal; `convene undo` takes it back).
            """
    )

    @OptionGroup var sessions: SessionsOptions

    @OptionGroup var lock: WaitOption

    @OptionGroup var target: SessionArgument

    @Option(name: .long, parsing: .singleValue, help: ArgumentHelp("Acknowledge a finding as not an attribution (repeatable).", valueName: "key"))
    var acknowledge: [String] = []

    @Flag(name: .long, help: "Also list acknowledged findings.")
    var all = false

    @Flag(name: .long, help: "Print JSON, one object per finding (key, place, words, whom they identify, excerpt), for scripts.")
    var json = false

    /// A finding, as `--json` prints it.
    struct Found: Encodable {
        var key: String
        var place: String
        var words: String
        var reason: String
        var identifies: [String]
        var standsFor: String?
        var excerpt: String
        var acknowledged: Bool

        init(_ finding: DisclosureFinding, acknowledged: Bool) {
            key = finding.key
            place = finding.location.label
            words = finding.matched
            reason = finding.reason.rawValue
            identifies = finding.attendees
            standsFor = finding.standsFor
            excerpt = finding.excerpt
            self.acknowledged = acknowledged
        }
    }

    func run() throws {
        let folder = try target.folder(in: sessions)
        var current = try folder.load().log.session
        if !acknowledge.isEmpty {
            current = try editing(folder, options: sessions, wait: lock.duration) { writer in
                let known = Set(DisclosureCheck.findings(in: writer.session).map(\.key))
                for key in acknowledge {
                    guard known.contains(key) else { throw CommandFailure("no finding has the key ‘\(key)’") }
                    try writer.apply(.findingAcknowledged(key: key), at: .nowToTheSecond)
                }
                return writer.session
            }
        }
        if WordList.system.isEmpty {
            Output.warn("no word list at \(WordList.systemPaths.joined(separator: " or ")) (Debian's wbritish): every capitalised name counts, ordinary words too")
        }
        let findings = DisclosureCheck.findings(in: current)
        if json {
            let listed = findings.map { Found($0, acknowledged: current.acknowledgedFindings.contains($0.key)) }
            try Output.printJSON(all ? listed : listed.filter { !$0.acknowledged })
            if listed.contains(where: { !$0.acknowledged }) { throw ExitCode(1) }
            return
        }
        var open = 0
        for finding in findings {
            let acknowledged = current.acknowledgedFindings.contains(finding.key)
            if !acknowledged { open += 1 }
            if !acknowledged || all { try Output.print((acknowledged ? "(acknowledged) " : "") + finding.description) }
        }
        let acknowledged = findings.count - open
        if open == 0 && acknowledged > 0 {
            let also = all ? "" : " (--all lists them)"
            try Output.print("clean: \(Counted.phrase(acknowledged, "place")) found in \(folder.shownName), all acknowledged as not attributions\(also)")
        } else if open == 0 {
            try Output.print("clean: no unacknowledged names of attendees or organisations in \(folder.shownName)")
        } else {
            try Output.print("\(Counted.phrase(open, "finding")) in \(folder.shownName)")
            throw ExitCode(1)
        }
    }
}
