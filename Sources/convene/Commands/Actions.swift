import ArgumentParser
import ConveneCore
import ConveneStore
import Foundation

/// `convene actions`: a series' actions (or questions) followed across its sessions, one line each
/// however many sessions carried it.
struct Actions: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "actions",
        abstract: "List the actions of a session's series: owner, due date, status, where raised and where closed.",
        discussion: """
            Without SESSION, every series (and single session) in the archive that has any. The \
            number before an open action is the one `convene set LATEST action N done` takes, \
            LATEST being the series' latest session, named above its list.
            """
    )

    @OptionGroup var sessions: SessionsOptions

    @Argument(help: ArgumentHelp("A session of the series: its folder's path, a prefix of its name, or words of its title.",
                                 valueName: "session"), completion: ShellCompletion.sessions)
    var session: String?

    @Flag(name: .long, help: "Only what is still open.")
    var open = false

    @Flag(name: .long, help: "Questions (open, answered, dropped) instead of actions.")
    var questions = false

    @Flag(name: .long, help: "Print JSON, one object per action, for scripts.")
    var json = false

    private var kind: PointKind { questions ? .question : .action }

    func run() throws {
        let listed = try seriesListed().compactMap { series in
            SeriesActions(series, kind: kind, openOnly: open)
        }
        if json { return try Output.printJSON(listed.flatMap(\.rows)) }
        let noun = questions ? "questions" : "actions"
        guard !listed.isEmpty else {
            return try Output.print(open ? "no open \(noun)" : "no \(noun) yet; add one with convene add SESSION point TEXT --kind \(kind.rawValue)")
        }
        try Output.print(lines: listed.flatMap { $0.lines(noun: noun) })
    }

    /// SESSION's series, or every series in the archive, newest first.
    private func seriesListed() throws -> [SessionFolder.Series] {
        if let session {
            let series = try SessionArgument.folder(named: session, in: sessions).series()
            for problem in series.problems { Output.warn("the series could not be read whole: \(problem)") }
            return [series]
        }
        var seen: Set<String> = []
        var found: [SessionFolder.Series] = []
        for folder in sessions.catalog.folders() where !seen.contains(folder.name) {
            do {
                let series = try folder.series()
                seen.formUnion(series.sessions.map(\.reference.folder))
                found.append(series)
            } catch {
                Output.warn("\(error)")
            }
        }
        return found
    }
}

/// One series' actions or questions, as `convene actions` prints them.
private struct SeriesActions {
    struct Row: Encodable {
        var series: String
        var kind: String
        var text: String
        var owner: String?
        var due: String?
        var status: String
        var answer: String?
        var raisedIn: SessionReference
        var closedIn: SessionReference?
        /// The latest session holding it, and its number there.
        var session: String
        var number: Int
    }

    let name: String
    let latest: SessionReference
    let sessionCount: Int
    let rows: [Row]

    init?(_ series: SessionFolder.Series, kind: PointKind, openOnly: Bool) {
        guard let last = series.sessions.last else { return nil }
        let numbers = Dictionary(uniqueKeysWithValues: series.sessions.map { reference, session in
            (reference.folder, Dictionary(uniqueKeysWithValues: session.tracked(kind).enumerated().map { ($1.id, $0 + 1) }))
        })
        let entries = series.ledger.entries.filter { $0.point.kind == kind && (!openOnly || $0.isOpen) }
        guard !entries.isEmpty else { return nil }
        name = last.session.seriesName
        latest = last.reference
        sessionCount = series.sessions.count
        rows = entries.map { [name] entry in
            let holder = entry.closedIn ?? entry.lastIn
            return Row(
                series: name, kind: kind.rawValue, text: entry.point.text, owner: entry.point.owner, due: entry.point.due,
                status: (entry.point.status ?? .open).name(for: kind), answer: entry.point.answer,
                raisedIn: entry.raisedIn, closedIn: entry.closedIn, session: holder.folder,
                number: numbers[holder.folder]?[entry.point.id] ?? 0)
        }
    }

    func lines(noun: String) -> [String] {
        let open = rows.count { $0.closedIn == nil }
        var lines = ["\(name) · \(Counted.phrase(sessionCount, "session")) · \(open) of \(rows.count) \(noun) open · latest \(latest.folder)"]
        for row in rows {
            let number = row.closedIn == nil && row.session == latest.folder ? String(row.number) : ""
            let lead = "  " + String(repeating: " ", count: max(0, 3 - number.count)) + number + "  "
            lines.append(lead + "[\(row.status)] " + row.text.onOneLine)
            var facts: [String] = []
            if let owner = row.owner { facts.append("owner \(owner)") }
            if let due = row.due { facts.append("due \(due)") }
            facts.append("raised \(row.raisedIn.date) \(row.raisedIn.title)")
            if let closed = row.closedIn { facts.append("\(row.status) \(closed.date) \(closed.title)") }
            lines.append(String(repeating: " ", count: lead.count) + facts.joined(separator: " · "))
            if let answer = row.answer {
                lines.append(String(repeating: " ", count: lead.count) + "answer: " + answer.onOneLine)
            }
        }
        return lines + [""]
    }
}
