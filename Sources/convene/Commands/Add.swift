import ArgumentParser
import ConveneCore
import ConveneStore

struct Add: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "add",
        abstract: "Add anything the live screen captures: a point, an attendee, a context, a divergence table's parts, a checklist response.",
        discussion: """
            One thing a call, each as the screen captures it:

              point "TEXT" --kind agreement --theme "Accountability" --subtheme "To whom?"
              point "TEXT" --kind action --owner "NAME" --due 2026-05-01
              attendee "NAME" --org "ORGANISATION" --role chair --alias Jo
              attendees registrations.csv [--field "name=Full name"]…
              context "NAME" --uncertainty 4 --control 2 --description "TEXT"
              topic "TITLE" --description "TEXT" --row-header "How outcomes are…"
              perspective "NAME"        (an empty NAME leaves the column unnamed)
              dimension "NAME"
              cell "TEXT" --row 1 --column 2
              caveat "TEXT"
              dilemma "TITLE" --text "TEXT"
              dilemmas-lead-in "TEXT"   (the paragraph after the caveats, before the dilemmas)
              response "TEXT" --item 6 --prompt 2

            A table's parts go to the newest topic unless --topic names one (its number or title). \
            Rating a context that already exists adds one more individual rating. TEXT - reads \
            standard input. A script that may run an add twice (a retry after a timeout) gives it \
            --id: the second add with the same id saves nothing and prints what the first saved.
            """
    )

    enum What: String, ExpressibleByArgument, CaseIterable {
        case point, attendee, attendees, context, topic, perspective, dimension, cell, caveat, dilemma, response
        case dilemmasLeadIn = "dilemmas-lead-in"
    }

    @OptionGroup var sessions: SessionsOptions

    @OptionGroup var lock: WaitOption

    @OptionGroup var target: SessionArgument

    @Argument(help: "What to add.")
    var what: What

    @Argument(help: "The point's text, a name, a title, a cell's, caveat's or response's text; for attendees, a CSV file.")
    var text: String

    @Option(name: .customLong("field"), parsing: .singleValue, help: ArgumentHelp(
        "attendees: which column holds a field, when its header is not one of the usual ones (repeatable): "
            + "name, first name, last name, organisation, role or apologies, then = and the column's header.",
        valueName: "field=header"))
    var fields: [String] = []

    @Option(name: .long, help: "point: how the point is classified.")
    var kind: PointKind = .note

    @Option(name: .long, help: "point: the theme to group it under.")
    var theme: String?

    @Option(name: .long, help: "point: a heading under its theme (one level), e.g. a question the theme was split into.")
    var subtheme: String?

    @Option(name: .long, help: ArgumentHelp(
        "point, context, topic, response: the agenda item (1 is the first); the item under way by default.", valueName: "n"))
    var item: Int?

    @Option(name: .long, help: "point: who said it (only where the Chatham House Rule does not apply).")
    var speaker: String?

    @Option(name: .long, help: ArgumentHelp(
        "point: how it stands in the notes, a bullet of its theme's list or a paragraph of its own; as its section writes points by default.",
        valueName: "bullet|paragraph"))
    var layout: PointLayout?

    @Option(name: .long, help: ArgumentHelp("point, an action: who does it (an attendee or anyone).", valueName: "name"))
    var owner: String?

    @Option(name: .long, help: ArgumentHelp("point, an action: when it is due.", valueName: "YYYY-MM-DD"))
    var due: String?

    @Option(name: .long, help: "attendee: their organisation.")
    var org: String?

    @Option(name: .long, help: "attendee: their role.")
    var role: Attendee.Role = .participant

    @Flag(name: .long, help: "attendee: sent apologies rather than attending.")
    var apologies = false

    @Option(name: .long, parsing: .singleValue, help: ArgumentHelp(
        "attendee: another name they or their organisation go by, for the disclosure check (repeatable).", valueName: "name"))
    var alias: [String] = []

    @Option(name: .long, help: "context: uncertainty about cause and effect, 1 (low) to 5 (high).")
    var uncertainty: Int?

    @Option(name: .long, help: "context: control over outcomes, 1 (little) to 5 (broad).")
    var control: Int?

    @Option(name: .long, help: "context, topic: what it is; paragraphs and lists allowed.")
    var description: String?

    @Option(name: .customLong("row-header"), help: "topic: what the rows are, for the table's top-left cell.")
    var rowHeader: String?

    @Option(name: .long, help: ArgumentHelp("perspective, dimension, cell, caveat, dilemma: the topic, by number or title.", valueName: "topic"))
    var topic: String?

    @Option(name: .long, help: ArgumentHelp("cell: the dimension's row, 1 is the first.", valueName: "n"))
    var row: Int?

    @Option(name: .long, help: ArgumentHelp("cell: the perspective's column, 1 is the first.", valueName: "n"))
    var column: Int?

    @Option(name: .customLong("text"), help: ArgumentHelp("dilemma: what the dilemma is; paragraphs and lists allowed.", valueName: "text"))
    var body: String?

    @Option(name: .long, help: ArgumentHelp("response: which of the item's checklist prompts it answers, 1 is the first.", valueName: "n"))
    var prompt: Int?

    @Option(name: .long, help: ArgumentHelp(
        "A name for this change, unique to the script: adding again with the same id saves nothing.", valueName: "key"))
    var id: String?

    func validate() throws {
        try AddOptionRules(self).check()
    }

    func run() throws {
        let folder = try target.folder(in: sessions)
        if what == .attendees { return try importAttendees(into: folder) }
        let key = id.map { TextRules.cleaned($0, singleLine: true) }
        let said = try editing(folder, options: sessions, wait: lock.duration) { writer in
            // Already kept under this id: the script's earlier run got through.
            if let key, let earlier = try writer.log.event(forKey: key) { return AddedEvent.summary(of: earlier, in: writer.session) }
            let event = try AddedEvent(self, session: writer.session).event()
            try writer.apply(event, at: .nowToTheSecond, key: key)
            return AddedEvent.summary(of: event, in: writer.session)
        }
        try Output.print(said)
    }
}

/// Which options go with which kind of thing, checked before anything is opened.
private struct AddOptionRules {
    let add: Add

    init(_ add: Add) {
        self.add = add
    }

    func check() throws {
        try only([.point], "--theme, --subtheme and --speaker", given: add.theme != nil || add.subtheme != nil || add.speaker != nil)
        try only([.point, .context, .topic, .response], "--item", given: add.item != nil)
        try only([.point], "--owner, --due and --layout", given: add.owner != nil || add.due != nil || add.layout != nil)
        if (add.owner != nil || add.due != nil) && add.kind != .action {
            throw ValidationError("--owner and --due belong to an action: add --kind action")
        }
        if let due = add.due, !TextRules.isValidDate(due) {
            throw ValidationError("--due ‘\(due)’ is not a date of the form YYYY-MM-DD")
        }
        try only([.attendee], "--org, --apologies and --alias", given: add.org != nil || add.apologies || !add.alias.isEmpty)
        try only([.context], "--uncertainty and --control", given: add.uncertainty != nil || add.control != nil)
        try only([.context, .topic], "--description", given: add.description != nil)
        try only([.topic], "--row-header", given: add.rowHeader != nil)
        try only([.perspective, .dimension, .cell, .caveat, .dilemma, .dilemmasLeadIn], "--topic", given: add.topic != nil)
        try only([.cell], "--row and --column", given: add.row != nil || add.column != nil)
        try only([.dilemma], "--text", given: add.body != nil)
        try only([.response], "--prompt", given: add.prompt != nil)
        try only([.attendees], "--field", given: !add.fields.isEmpty)
        if add.what == .context && (add.uncertainty == nil) != (add.control == nil) {
            throw ValidationError("give both --uncertainty and --control, or neither")
        }
        // A rating outside the scale is a mistake in how the command was typed, as a bad --kind is.
        for (name, value) in [("--uncertainty", add.uncertainty), ("--control", add.control)] {
            if let value, !Rating.scale.contains(value) {
                throw ValidationError("\(name) is \(value); give a rating from \(Rating.scale.lowerBound) to \(Rating.scale.upperBound)")
            }
        }
        for (name, value) in [("--row", add.row), ("--column", add.column), ("--item", add.item), ("--prompt", add.prompt)] {
            if let value, value < 1 { throw ValidationError("\(name) is \(value); numbers start at 1") }
        }
        if add.what == .cell && (add.row == nil || add.column == nil) {
            throw ValidationError("a cell needs --row and --column (1 is the first dimension and the first perspective)")
        }
        if add.what == .response && (add.item == nil || add.prompt == nil) {
            throw ValidationError("a response needs --item (the checklist's agenda item) and --prompt (which prompt it answers)")
        }
        if add.subtheme != nil && add.theme == nil {
            throw ValidationError("--subtheme needs --theme: a sub-theme sits under a theme")
        }
    }

    private func only(_ kinds: [Add.What], _ options: String, given: Bool) throws {
        guard given, !kinds.contains(add.what) else { return }
        throw ValidationError("\(options) apply to \(kinds.map { $0.rawValue + "s" }.joined(separator: ", ")) only")
    }
}
