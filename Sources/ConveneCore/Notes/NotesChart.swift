/// How the context assessment's 2×2 stands in the notes: the template's `{{contextChart}}`. The
/// template says where the chart goes; what it is depends on who reads the notes.
public enum NotesChart: Equatable, Sendable {
    /// A Mermaid `quadrantChart` in a fenced block, which GitHub and other Markdown viewers draw:
    /// for `notes.md`.
    case mermaid
    /// A real picture, for a printed record (HTML, PDF, DOCX), placed as `PrintableNotes` says.
    case picture(PrintableNotes.ChartPlacement)
}
