import ConveneCore
import ConveneStore
import Foundation

/// Opens a session for writing, lets `body` apply events, then brings `notes.md` up to date.
/// Every event is on disk as soon as `apply` returns; the notes are regenerated from that.
func editing<Result>(
    _ folder: SessionFolder, options: SessionsOptions, _ body: (SessionWriter) throws -> Result
) throws -> Result {
    let writer = try SessionWriter.open(folder)
    defer { writer.close() }
    for warning in writer.warnings { Output.warn(warning) }
    let result = try body(writer)
    try writeNotes(of: writer, options: options)
    return result
}

/// Regenerates `notes.md` from the session's current state.
func writeNotes(of writer: SessionWriter, options: SessionsOptions) throws {
    let renderer = try options.templates.notesRenderer()
    try writer.folder.writeNotes(renderer.render(writer.session))
}

/// Reads text given as an argument, or standard input when it is `-`, cleaned of control characters.
func typedText(_ argument: String, singleLine: Bool = false) -> String {
    guard argument == "-" else { return TextRules.cleaned(argument, singleLine: singleLine) }
    let data = FileHandle.standardInput.readDataToEndOfFile()
    let text = String(decoding: data, as: UTF8.self)
    return TextRules.cleaned(text.hasSuffix("\n") ? String(text.dropLast()) : text, singleLine: singleLine)
}
