import ConveneCore
import ConveneStore
import Foundation

/// Opens a session for writing, lets `body` apply events, then sees to `notes.md` (see
/// `NotesFollowUp`). Every event is on disk as soon as `apply` returns; the notes are regenerated
/// from that. A notes write that fails is said on standard error but is no failure of the command:
/// what it saved is saved, and a script that retried would keep it twice.
func editing<Result>(
    _ folder: SessionFolder, options: SessionsOptions, wait: Duration = .zero, _ body: (SessionWriter) throws -> Result
) throws -> Result {
    let renderer = NotesFollowUp.prefetchRenderer(for: folder, options: options)
    // Waited for on every way out (a refusal, a long session's notes left to the background), so
    // that no thread is still at work when the command exits.
    defer { _ = renderer?.value }
    let writer = try SessionWriter.open(folder, wait: wait, author: LoginName.current)
    defer { writer.close() }
    // Each command that edits ends soon after this returns.
    LeftToExit.keep(writer)
    for warning in writer.warnings { Output.warn(warning) }
    let result = try body(writer)
    NotesFollowUp.afterChange(writer, options: options, renderer: renderer)
    return result
}

/// Regenerates `notes.md` from the session's current state, saying on standard error if it cannot.
func warnIfNotesFail(_ writer: SessionWriter, options: SessionsOptions) {
    warnIfNotesFail(writer, renderer: NotesFollowUp.renderer(from: options.templates))
}

func warnIfNotesFail(_ writer: SessionWriter, renderer: NotesFollowUp.Renderer) {
    switch renderer {
    case .success(let renderer):
        if let problem = SessionNotes(folder: writer.folder, renderer: renderer).problem(bringingUpTo: writer.session) {
            Output.warn("saved; notes.md not updated: \(problem)")
        }
    case .failure(let error):
        Output.warn("saved; notes.md not updated: \(error)")
    }
}

/// Reads text given as an argument, or standard input when it is `-`, cleaned of control characters.
func typedText(_ argument: String, singleLine: Bool = false) -> String {
    guard argument == "-" else { return TextRules.cleaned(argument, singleLine: singleLine) }
    let data = FileHandle.standardInput.readDataToEndOfFile()
    let text = String(decoding: data, as: UTF8.self)
    return TextRules.cleaned(text.hasSuffix("\n") ? String(text.dropLast()) : text, singleLine: singleLine)
}
