/// Reads a notes template's tags before Mustache does, so that a broken one is named where a
/// person can find it: a tag never closed, a section never closed (at the line that opens it), a
/// section closed under another name, a partial (the notes template is one file: a partial would
/// render as nothing without a word), or a control character in the file.
///
/// It reads the file's UTF-8 bytes once, front to back (every command that writes notes reads the
/// template first, so this is on the path of every `convene add`). Columns count characters' first
/// bytes, so they are the scalars a person counts.
///
/// On the way it notes the lines that start outside every section, before any change of
/// delimiters: where the template can be cut into pieces that render, one after the other, as the
/// whole does (see `NotesRenderer`).
enum MustacheSourceCheck {
    /// A line that starts outside every section: its first byte's offset and its number.
    struct TopLevelLine: Equatable {
        var offset: Int
        var line: Int
    }

    /// The template's top-level lines after its first, in order; throws at the first problem.
    @discardableResult
    static func check(_ source: String, file: String) throws(TemplateError) -> [TopLevelLine] {
        let text = Array(source.utf8)
        var open: [(name: String, line: Int, column: Int)] = []
        var line = 1
        var column = 1
        var index = 0
        var topLevel: [TopLevelLine] = []
        func fail(_ problem: String, _ line: Int, _ column: Int) -> TemplateError {
            TemplateError(file: file, line: line, column: column, problem: problem)
        }
        while index < text.count {
            if let control = TextRules.controlCharacter(at: index, in: text), control != 0x09, control != 0x0D, control != 0x0A {
                throw fail("a control character (U+\(String(control, radix: 16, uppercase: true))) is not allowed in a template", line, column)
            }
            guard text[index] == UInt8(ascii: "{"), index + 1 < text.count, text[index + 1] == UInt8(ascii: "{") else {
                advance(text[index], &line, &column)
                index += 1
                if text[index - 1] == UInt8(ascii: "\n"), open.isEmpty, index < text.count { topLevel.append(TopLevelLine(offset: index, line: line)) }
                continue
            }
            let (tagLine, tagColumn) = (line, column)
            let triple = index + 2 < text.count && text[index + 2] == UInt8(ascii: "{")
            let opening = triple ? 3 : 2
            let closing = triple ? 3 : 2
            guard let end = find(UInt8(ascii: "}"), times: closing, in: text, from: index + opening),
                  find(UInt8(ascii: "{"), times: 2, in: text, from: index + opening).map({ $0 > end }) ?? true
            else {
                throw fail("this tag is never closed with \(String(repeating: "}", count: closing))", tagLine, tagColumn)
            }
            let body = String(decoding: text[(index + opening)..<end], as: UTF8.self).trimmingBlanks
            switch body.first {
            case "#", "^":
                open.append((String(body.dropFirst()).trimmingBlanks, tagLine, tagColumn))
            case "/":
                let name = String(body.dropFirst()).trimmingBlanks
                guard let last = open.popLast() else { throw fail("‘\(name)’ is closed but was never opened", tagLine, tagColumn) }
                guard last.name == name else {
                    throw fail("‘\(name)’ is closed, but ‘\(last.name)’ opened at line \(last.line) is still open", tagLine, tagColumn)
                }
            case ">":
                throw fail("partials ({{> …}}) are not supported: the notes template is one file", tagLine, tagColumn)
            case "=":
                // Custom delimiters: from here on Mustache's own parser is the judge, and the rest
                // is one piece (the delimiters hold to its end).
                return topLevel
            default:
                break
            }
            for byte in text[index..<(end + closing)] { advance(byte, &line, &column) }
            index = end + closing
        }
        if let unclosed = open.last {
            throw fail("the section ‘\(unclosed.name)’ opened here is never closed", unclosed.line, unclosed.column)
        }
        return topLevel
    }

    /// One more column for each character's first byte; a new line after a line feed.
    private static func advance(_ byte: UInt8, _ line: inout Int, _ column: inout Int) {
        if byte == UInt8(ascii: "\n") {
            line += 1
            column = 1
        } else if byte & 0xC0 != 0x80 {
            column += 1
        }
    }

    /// Where `times` of `byte` in a row first start, at or after `start`.
    private static func find(_ byte: UInt8, times: Int, in text: [UInt8], from start: Int) -> Int? {
        var index = start
        while index + times <= text.count {
            if (0..<times).allSatisfy({ text[index + $0] == byte }) { return index }
            index += 1
        }
        return nil
    }
}

private extension String {
    var trimmingBlanks: String {
        let isBlank = { (character: Character) in character == " " || character == "\t" }
        guard let first = firstIndex(where: { !isBlank($0) }), let last = lastIndex(where: { !isBlank($0) }) else { return "" }
        return String(self[first...last])
    }
}
