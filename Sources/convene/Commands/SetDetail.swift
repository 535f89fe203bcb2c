import ArgumentParser
import ConveneCore
import ConveneStore

/// `convene set`: what the session details overlay changes on screen, for scripts.
struct SetDetail: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "set",
        abstract: "Change a session's title, purpose, hosts, hard end, series, where the Chatham House Rule applies, or an action's or a question's status.",
        discussion: """
            convene set SESSION title "TITLE"
            convene set SESSION purpose "TEXT"          (TEXT - reads standard input; paragraphs and lists allowed)
            convene set SESSION host "Collaborate" "GO Lab"   (replaces the hosts; "" leaves none)
            convene set SESSION rule on|off             (the whole session)
            convene set SESSION rule on|off|session --item 3   (one part; session: as the session says)
            convene set SESSION end 16:30               (the time it must end by, on its date; "" for none)
            convene set SESSION series "NAME"           (the name of the series it belongs to)
            convene set SESSION next FOLLOW-UP          (links the session a series continues with)
            convene set SESSION action ACTION done|open|dropped [--owner NAME] [--due YYYY-MM-DD]
            convene set SESSION question QUESTION answered|open|dropped [--answer "TEXT"]
            convene set SESSION ratings CONTEXT "4 2; 5 1"   (every rating of a context, uncertainty control; "" for none)

            ACTION and QUESTION are its number, as convene actions shows it (1 is the session's             first), or words of its text.
            """
    )

    enum Field: String, ExpressibleByArgument, CaseIterable {
        case title, purpose, host, hosts, rule, end, series, next, action, question, ratings
    }

    @OptionGroup var sessions: SessionsOptions

    @OptionGroup var lock: WaitOption

    @OptionGroup var target: SessionArgument

    @Argument(help: "What to change.")
    var field: Field

    @Argument(help: "The new value; for host, each host.")
    var values: [String]

    @Option(name: .long, help: ArgumentHelp("rule: the agenda item whose rule to set (1 is the first).", valueName: "n"))
    var item: Int?

    @Option(name: .long, help: ArgumentHelp("action: who does it (an attendee or anyone); \"\" for no one.", valueName: "name"))
    var owner: String?

    @Option(name: .long, help: ArgumentHelp("action: when it is due; \"\" for no date.", valueName: "YYYY-MM-DD"))
    var due: String?

    @Option(name: .long, help: ArgumentHelp("question: its answer (- reads standard input); marks it answered.", valueName: "text"))
    var answer: String?

    func validate() throws {
        if item != nil && field != .rule { throw ValidationError("--item applies to rule only") }
        if (owner != nil || due != nil) && field != .action { throw ValidationError("--owner and --due apply to action only") }
        if answer != nil && field != .question { throw ValidationError("--answer applies to question only") }
        if values.isEmpty { throw ValidationError("give the new \(field.rawValue)") }
        if field == .action || field == .question {
            return try TrackedPointChange.validate(self)
        }
        if field == .ratings {
            guard values.count == 2 else { throw ValidationError("give the context (its name or number), then every rating: \"4 2; 5 1\"") }
            if case .failure(let error) = Rating.list(typed: values[1]) { throw ValidationError("\(error)") }
            return
        }
        if field != .host && field != .hosts && values.count > 1 {
            throw ValidationError("\(field.rawValue) takes one value; quote it if it has spaces")
        }
        if field == .rule {
            let allowed = item == nil ? ["on", "off"] : ["on", "off", "session"]
            guard allowed.contains(values[0]) else {
                throw ValidationError("rule is one of \(allowed.joined(separator: ", ")); got ‘\(values[0])’")
            }
        }
    }

    func run() throws {
        let folder = try target.folder(in: sessions)
        let event = try editing(folder, options: sessions, wait: lock.duration) { writer in
            let event = try self.event(for: writer.session)
            try writer.apply(event, at: .nowToTheSecond)
            return event
        }
        try Output.print(Self.summary(of: event))
    }

    private func event(for session: Session) throws -> SessionEvent {
        var details = session.details
        switch field {
        case .title:
            details.title = typedText(values[0], singleLine: true)
        case .purpose:
            details.purpose = typedText(values[0])
        case .host, .hosts:
            details.hosts = values.map { TextRules.cleaned($0, singleLine: true).trimmingCharacters(in: .whitespaces) }
                .filter { !$0.isEmpty }
        case .end:
            let text = values[0].trimmingCharacters(in: .whitespaces)
            guard !text.isEmpty else {
                details.hardEnd = nil
                return .detailsChanged(details: details)
            }
            guard let day = WallClock.day(details.date), let end = WallClock.time(text, on: day) else {
                throw ValidationError("end is a time of day such as 16:30; got ‘\(text)’")
            }
            details.hardEnd = end
        case .series:
            let name = typedText(values[0], singleLine: true).trimmingCharacters(in: .whitespaces)
            details.series = name.isEmpty ? nil : name
        case .next:
            let follower = try sessions.catalog.resolve(values[0])
            details.next = try follower.load().log.session.reference(folder: follower.name)
        case .action, .question:
            return .pointChanged(point: try TrackedPointChange(self).changed(in: session))
        case .ratings:
            var context = try session.context(named: values[0])
            context.ratings = try Rating.list(typed: values[1]).get()
            return .contextChanged(context: context)
        case .rule:
            guard let number = item else {
                details.chathamHouse = values[0] == "on"
                return .detailsChanged(details: details)
            }
            var changed = try session.agendaItem(numbered: number)
            changed.chathamHouse = ["on": true, "off": false][values[0]] ?? nil
            return .itemChanged(item: changed)
        }
        return .detailsChanged(details: details)
    }

    static func summary(of event: SessionEvent) -> String {
        switch event {
        case .pointChanged(let point):
            TrackedPointChange.summary(of: point)
        case .contextChanged(let context):
            "\(context.name): \(Counted.phrase(context.ratings.count, "rating"))"
                + (context.ratings.isEmpty ? "" : " (" + context.ratings.map(\.shown).joined(separator: ", ") + ")")
        case .itemChanged(let item):
            "\(item.title): " + (item.chathamHouse.map { $0 ? "under the Chatham House Rule" : "attributed" } ?? "as the session")
        case .detailsChanged(let details):
            "\(details.title): " + (details.chathamHouse ? "under the Chatham House Rule" : "attributed")
                + (details.hosts.isEmpty ? "" : ", hosted by \(details.hosts.joined(separator: ", "))")
                + (details.hardEnd.map { ", ends by \(WallClock.text($0))" } ?? "")
                + (details.series.map { ", series \($0)" } ?? "")
                + (details.next.map { ", followed by \($0.folder)" } ?? "")
        default: "saved"
        }
    }
}
