/// What a session's `notes.md` must be newer than to be read as the record this program would
/// write now: the notes template in use and the program itself (a new version may write notes
/// differently). Export and the readers read such notes, when this program wrote them
/// (`SessionFolder.currentNotes(alsoAfter:asWritten:)`), and render the session otherwise.
public enum NotesProvenance {
    public static func makers(_ templates: TemplateLibrary) -> [String] {
        // A template that cannot be found fails the rendering with its own error; until then the
        // notes are judged by the program alone.
        ((try? templates.notesTemplateFile().path).map { [$0] } ?? []) + ["/proc/self/exe"]
    }
}
