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
    }

    struct Theme {
        /// Nil for points given no theme.
        var heading: NotesText?
        var points: [PointLine]
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
        var header: String
        var separator: String
        var rows: [String]
        var caveats: [NotesText]
        var dilemmas: [Dilemma]
        var hasCaveats: Bool
        var hasDilemmas: Bool
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
    var chathamHouse: Bool
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
    var hasDivergence: Bool
    var questions: [PointLine]

    var contexts: [ContextRow]
    var quadrantChart: String?

    var checklists: [Checklist]

    var nextQuestions: [PointLine]
    var actions: [PointLine]
    var hasNextSteps: Bool

    var attendees: [Person]
    var apologies: [Person]
}
