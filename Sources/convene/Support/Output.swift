import ConveneCore
import ConveneStore
import Foundation

/// Everything the command line writes. Messages for people go to standard error, so that standard
/// output stays clean for scripts. Whatever a line echoes (a folder name, an argument, a template's
/// text) is shown with its control characters made visible, so no input can drive the terminal.
enum Output {
    /// A message for a person on standard error, prefixed `convene:`.
    static func warn(_ message: String) {
        report("convene: " + message)
    }

    /// A message on standard error as it is (an error as ArgumentParser words it starts `Error:`).
    static func report(_ message: String) {
        try? write(Data(writtenLine(message).utf8), to: STDERR_FILENO, name: "standard error")
    }

    /// One line of a command's result on standard output.
    static func print(_ line: String) throws {
        try write(Data(writtenLine(line).utf8), to: STDOUT_FILENO, name: "standard output")
    }

    /// Lines of a command's result on standard output, written at once: a thousand sessions are one
    /// write, not a thousand.
    static func print(lines: [String]) throws {
        guard !lines.isEmpty else { return }
        try write(Data(lines.map(writtenLine).joined().utf8), to: STDOUT_FILENO, name: "standard output")
    }

    /// A line as every line is written, a result or a message: made safe (no control sequence
    /// reaches the terminal; its line breaks kept) and ended.
    static func writtenLine(_ line: String) -> String {
        VisibleText.of(line, keepingLineBreaks: true) + "\n"
    }

    /// `value` as pretty-printed JSON with sorted keys (stable for scripts and diffs) on standard
    /// output: what `--json` prints. JSON escapes every control character itself.
    static func printJSON(_ value: some Encodable) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        try standardOutput(String(decoding: try encoder.encode(value), as: UTF8.self) + "\n")
    }

    /// Bytes already made safe by whoever produced them (the notes, a laid-out document), written as
    /// they are. A full disk or a closed pipe is an error that says so, never a crash.
    static func standardOutput(_ text: String) throws {
        try writeAll(text, toDescriptor: STDOUT_FILENO, name: "standard output")
    }

    /// Bytes already made safe, as `standardOutput(_:)` writes text.
    static func standardOutput(_ bytes: [UInt8]) throws {
        try writeAll(bytes, toDescriptor: STDOUT_FILENO, name: "standard output")
    }

    private static func write(_ data: Data, to fd: Int32, name: String) throws {
        try writeAll(data, toDescriptor: fd, name: name)
    }
}
