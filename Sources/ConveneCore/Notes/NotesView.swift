/// What the notes template sees. Every string here is already Markdown, escaped for where the
/// template puts it, so a template (built-in or a user's) cannot be broken by what people typed.
/// Field names are the template's vocabulary: see `Templates/notes.mustache`.
struct NotesView {
    struct PointLine {
        /// A list item's text; continuation lines indented to stay in the item.
        var text: String
        /// "Name" where the rule is off and the point is attributed.
        var speaker: String?
    }

    struct Theme {
        /// Nil for points given no theme.
        var heading: String?
        var points: [PointLine]
    }

    struct ItemSection {
        var title: String
        var speaker: String?
        var themes: [Theme]
    }

    struct AgendaRow {
        var number: Int
        var title: String
        var phase: String
        var planned: String
        var actual: String
    }

    struct Dilemma {
        var title: String
        var text: String
    }

    struct Topic {
        var title: String
        var header: String
        var separator: String
        var rows: [String]
        var caveats: [String]
        var dilemmas: [Dilemma]
        var hasCaveats: Bool
        var hasDilemmas: Bool
    }

    struct ContextRow {
        var name: String
        var description: String
        var uncertainty: String
        var control: String
        var quadrant: String
        var measure: String
        var spread: String
    }

    struct ChecklistEntry {
        var prompt: String
        /// Nil where no response was given.
        var response: String?
    }

    struct Checklist {
        var title: String
        var entries: [ChecklistEntry]
    }

    struct Person {
        var name: String
        var organisation: String
        var role: String
    }

    var frontMatter: String
    var title: String
    var chathamHouse: Bool
    var date: String
    var kind: String
    var hosts: String?
    var series: String?
    var purpose: String?

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
