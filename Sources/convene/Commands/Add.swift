import ArgumentParser
import ConveneCore
import ConveneStore

struct Add: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Add a point, an attendee or a context to a session.",
        discussion: """
            convene add SESSION point "TEXT" --kind agreement --theme "Importance of context"
            convene add SESSION attendee "NAME" --org "ORGANISATION" --role chair
            convene add SESSION context "NAME" --uncertainty 4 --control 2
            Rating a context that already exists adds one more individual rating. TEXT - reads standard input.
            A script that may run an add twice (a retry after a timeout) gives it --id: the second add with
            the same id saves nothing and prints what the first saved.
            """
    )

    enum What: String, ExpressibleByArgument, CaseIterable {
        case point, attendee, context
    }

    @OptionGroup var sessions: SessionsOptions

    @OptionGroup var lock: WaitOption

    @Argument(help: "The session: folder path or unique prefix of its name.")
    var session: String

    @Argument(help: "What to add.")
    var what: What

    @Argument(help: "The point's text, the attendee's name or the context's name.")
    var text: String

    @Option(name: .long, help: "point: how the point is classified.")
    var kind: PointKind = .note

    @Option(name: .long, help: "point: the theme to group it under.")
    var theme: String?

    @Option(name: .long, help: ArgumentHelp("point: the agenda item it belongs to (1 is the first); the item under way by default.", valueName: "n"))
    var item: Int?

    @Option(name: .long, help: "point: who said it (only where the Chatham House Rule does not apply).")
    var speaker: String?

    @Option(name: .long, help: "attendee: their organisation.")
    var org: String?

    @Option(name: .long, help: "attendee: their role.")
    var role: Attendee.Role = .participant

    @Flag(name: .long, help: "attendee: sent apologies rather than attending.")
    var apologies = false

    @Option(name: .long, help: "context: uncertainty about cause and effect, 1 (low) to 5 (high).")
    var uncertainty: Int?

    @Option(name: .long, help: "context: control over outcomes, 1 (little) to 5 (broad).")
    var control: Int?

    @Option(name: .long, help: "context: what the context is.")
    var description: String?

    @Option(name: .long, help: ArgumentHelp(
        "A name for this change, unique to the script: adding again with the same id saves nothing.", valueName: "key"))
    var id: String?

    func validate() throws {
        let pointOnly = theme != nil || item != nil || speaker != nil
        let attendeeOnly = org != nil || apologies
        let contextOnly = uncertainty != nil || control != nil || description != nil
        if pointOnly && what != .point { throw ValidationError("--theme, --item and --speaker apply to points only") }
        if attendeeOnly && what != .attendee { throw ValidationError("--org and --apologies apply to attendees only") }
        if contextOnly && what != .context {
            throw ValidationError("--uncertainty, --control and --description apply to contexts only")
        }
        if what == .context && (uncertainty == nil) != (control == nil) {
            throw ValidationError("give both --uncertainty and --control, or neither")
        }
    }

    func run() throws {
        let folder = try sessions.catalog.resolve(session)
        let key = id.map { TextRules.cleaned($0, singleLine: true) }
        let added = try editing(folder, options: sessions, wait: lock.duration) { writer in
            // Already kept under this id: the script's earlier run got through.
            if let key, let earlier = writer.log.keyed[key] { return earlier.event }
            let event = try self.event(for: writer.session)
            try writer.apply(event, at: .nowToTheSecond, key: key)
            return event
        }
        try Output.print(Self.summary(of: added))
    }

    private func event(for session: Session) throws -> SessionEvent {
        let id = session.nextID
        switch what {
        case .point:
            let itemID: EntityID?
            if let item {
                guard let found = session.item(number: item) else {
                    throw ValidationError("the agenda has \(session.agenda.count) items; there is no item \(item)")
                }
                itemID = found.id
            } else {
                itemID = session.currentItem?.id
            }
            let point = Point(
                id: id, kind: kind, text: typedText(text), theme: theme.map { TextRules.cleaned($0, singleLine: true) },
                item: itemID, speaker: speaker.map { TextRules.cleaned($0, singleLine: true) }, createdAt: .nowToTheSecond
            )
            return .pointAdded(point: point)
        case .attendee:
            let attendee = Attendee(
                id: id, name: typedText(text, singleLine: true), organisation: org.map { TextRules.cleaned($0, singleLine: true) },
                role: role, apologies: apologies
            )
            return .attendeeAdded(attendee: attendee)
        case .context:
            let name = typedText(text, singleLine: true)
            let rating = uncertainty.flatMap { u in control.map { Rating(uncertainty: u, control: $0) } }
            if var existing = session.contexts.elements.first(where: { $0.name.lowercased() == name.lowercased() }) {
                if let rating { existing.ratings.append(rating) }
                if let description { existing.description = TextRules.cleaned(description) }
                return .contextChanged(context: existing)
            }
            let context = ContextAssessment(
                id: id, name: name, description: description.map { TextRules.cleaned($0) } ?? "",
                item: session.currentItem?.id, ratings: rating.map { [$0] } ?? []
            )
            return .contextAdded(context: context)
        }
    }

    static func summary(of event: SessionEvent) -> String {
        switch event {
        case .pointAdded(let point, _): "added point \(point.id) (\(point.kind.rawValue))"
        case .attendeeAdded(let attendee, _): "added \(attendee.apologies ? "apologies from" : "attendee") \(attendee.name)"
        case .contextAdded(let context, _): "added context \(context.name) (\(context.ratings.count) rating(s))"
        case .contextChanged(let context): "updated context \(context.name) (\(context.ratings.count) rating(s))"
        default: "saved"
        }
    }
}
