/// What the notes template sees. Text people typed arrives as `NotesText`, escaped for the place
/// the template puts it; every `String` here is Markdown built by Convene (table rows whose cells
/// are escaped, timings, the chart), so a template (built-in or a user's) cannot be broken by what
/// people typed. Field names are the template's vocabulary: see `Templates/notes.mustache`.
struct NotesView {
    struct PointLine {
        /// The point's text: `{{text.block}}` keeps its line breaks inside a list item.
        var text: NotesText
        /// "Name" where the rule is off and the point is attributed.
        var speaker: NotesText?
        /// An action's owner and due date.
        var owner: NotesText?
        var due: NotesText?
        /// "done", "answered" or "dropped"; nil while open (or for a point of another kind).
        var status: String?
        /// A question's answer.
        var answer: NotesText?
        /// Where a carried item was first raised: a Markdown link to that session's notes.
        var origin: String?
        /// A question set in bold among next steps' paragraphs, as records set the questions a
        /// group takes away (one paragraph only: bold cannot span two).
        var boldQuestion = false
        /// A question from the room, kept in its presentation with its answer.
        var question = false
        /// A point written as a paragraph of its own rather than a bullet (`Point.layout`, or as
        /// its section writes points: next steps in paragraphs).
        var paragraph = false
        /// Made a bullet on purpose (`Point.layout`), where its section writes paragraphs.
        var bullet = false
    }

    struct Subtheme {
        var heading: NotesText
        var points: [PointLine]
    }

    struct Theme {
        /// Nil for points given no theme.
        var heading: NotesText?
        /// Points under the theme itself, then under each of its sub-themes.
        var points: [PointLine]
        var subthemes: [Subtheme]
        /// The id of its first point: where it stands among things captured.
        var firstID: Int
    }

    struct ItemSection {
        var title: NotesText
        var speaker: NotesText?
        var themes: [Theme]
    }

    struct AgendaRow {
        var number: Int
        var title: NotesText
        var phase: String
        var planned: String
        var actual: String
    }

    struct Dilemma {
        var title: NotesText
        var text: NotesText
    }

    struct Topic {
        var title: NotesText
        /// The lead-in before the table; `{{description.block}}` keeps its paragraphs and lists.
        var description: NotesText?
        var header: String
        var separator: String
        var rows: [String]
        var caveats: [NotesText]
        /// The paragraph after the caveats, leading into the dilemmas.
        var dilemmasLeadIn: NotesText?
        var dilemmas: [Dilemma]
        var hasCaveats: Bool
        var hasDilemmas: Bool
        var id: Int
    }

    /// One part of the points of divergence: a theme of points or a table, in the order captured,
    /// so a divergence item's table and the themes discussed after it read in that order.
    struct DivergencePart {
        var theme: Theme?
        var topic: Topic?
    }

    /// The contexts rated under one agenda item.
    struct ContextGroup {
        /// The item's title where contexts were rated under more than one item; nil otherwise.
        var title: NotesText?
        var rows: [ContextRow]
    }

    struct ContextRow {
        var name: NotesText
        var description: NotesText
        var uncertainty: String
        var control: String
        var quadrant: String
        var measure: String
        var spread: String
    }

    /// A dot vote: its question, and its options with their dots, most first.
    struct VoteResult {
        var question: String
        var dots: Int
        var voters: Int
        var open: Bool
        var rows: [VoteRow]
    }

    struct VoteRow {
        var option: String
        var dots: Int
    }

    struct ChecklistEntry {
        var prompt: NotesText
        /// Nil where no response was given.
        var response: NotesText?
    }

    struct Checklist {
        var title: NotesText
        var entries: [ChecklistEntry]
    }

    struct Person {
        var name: NotesText
        var organisation: NotesText
        var role: String
    }

    var frontMatter: String
    var title: NotesText
    /// Links to the series' previous and next sessions' notes, as Markdown; nil when not linked.
    var previous: String?
    var next: String?
    /// Both on one line: "**Previous:** [One, 2026-03-01](…) · **Next:** [Three, 2026-05-01](…)".
    var seriesLinks: String?
    /// The whole session was held under the Chatham House Rule.
    var chathamHouse: Bool
    /// Only some parts were: `partsUnderRule` names them, `partsAttributed` the others.
    var partlyUnderRule: Bool
    var partsUnderRule: String
    var partsAttributed: String?
    var date: NotesText
    var kind: NotesText
    var hosts: NotesText?
    var series: NotesText?
    var purpose: NotesText?

    var agenda: [AgendaRow]
    var plannedTotal: String
    var actualTotal: String

    var presentations: [ItemSection]
    var discussion: [ItemSection]
    var agreement: [Theme]
    var divergence: [Theme]
    var topics: [Topic]
    var divergenceParts: [DivergencePart]
    var hasDivergence: Bool
    var questions: [PointLine]

    var contexts: [ContextRow]
    var contextGroups: [ContextGroup]
    /// The Mermaid source of the 2×2, for a template that places it itself; nil until a context is rated.
    var quadrantChart: String?
    /// The 2×2 as the reader of these notes sees it (`NotesChart`), ready to stand on its own lines.
    var contextChart: String?

    var votes: [VoteResult]

    var checklists: [Checklist]

    /// Notes taken in a next-steps item: what the group said about where to go next.
    var nextStepNotes: [Theme]
    var nextQuestions: [PointLine]
    var actions: [PointLine]
    /// Actions and questions an earlier session of the series raised, carried into this one.
    var carriedActions: [PointLine]
    var carriedQuestions: [PointLine]
    var hasCarried: Bool
    var hasNextSteps: Bool

    var attendees: [Person]
    var apologies: [Person]
}
