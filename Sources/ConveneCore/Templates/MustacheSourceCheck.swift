/// Reads a notes template's tags before Mustache does, so that a broken one is named where a
/// person can find it: a tag never closed, a section never closed (at the line that opens it), a
/// section closed under another name, a partial (the notes template is one file: a partial would
/// render as nothing without a word), or a control character in the file.
enum MustacheSourceCheck {
    static func check(_ source: String, file: String) throws(TemplateError) {
        let text = Array(source.unicodeScalars)
        var open: [(name: String, line: Int, column: Int)] = []
        var line = 1
        var column = 1
        var index = 0
        func fail(_ problem: String, _ line: Int, _ column: Int) -> TemplateError {
            TemplateError(file: file, line: line, column: column, problem: problem)
        }
        while index < text.count {
            let scalar = text[index]
            if TextRules.isControl(scalar) && scalar != "\t" && scalar != "\r" {
                throw fail("a control character (U+\(String(scalar.value, radix: 16, uppercase: true))) is not allowed in a template", line, column)
            }
            guard scalar == "{", index + 1 < text.count, text[index + 1] == "{" else {
                advance(scalar, &line, &column)
                index += 1
                continue
            }
            let (tagLine, tagColumn) = (line, column)
            let triple = index + 2 < text.count && text[index + 2] == "{"
            let opening = triple ? 3 : 2
            let closing: [Unicode.Scalar] = triple ? ["}", "}", "}"] : ["}", "}"]
            guard let end = find(closing, in: text, from: index + opening),
                  find(["{", "{"], in: text, from: index + opening).map({ $0 > end }) ?? true
            else {
                throw fail("this tag is never closed with \(String(String.UnicodeScalarView(closing)))", tagLine, tagColumn)
            }
            let body = String(String.UnicodeScalarView(text[(index + opening)..<end])).trimmingBlanks
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
                return // Custom delimiters: from here on Mustache's own parser is the judge.
            default:
                break
            }
            for scalar in text[index..<(end + closing.count)] { advance(scalar, &line, &column) }
            index = end + closing.count
        }
        if let unclosed = open.last {
            throw fail("the section ‘\(unclosed.name)’ opened here is never closed", unclosed.line, unclosed.column)
        }
    }

    private static func advance(_ scalar: Unicode.Scalar, _ line: inout Int, _ column: inout Int) {
        if scalar == "\n" {
            line += 1
            column = 1
        } else {
            column += 1
        }
    }

    private static func find(_ needle: [Unicode.Scalar], in text: [Unicode.Scalar], from start: Int) -> Int? {
        guard start <= text.count - needle.count else { return nil }
        return (start...(text.count - needle.count)).first { text[$0..<($0 + needle.count)].elementsEqual(needle) }
    }
}

private extension String {
    var trimmingBlanks: String {
        String(drop { $0 == " " || $0 == "\t" }.reversed().drop { $0 == " " || $0 == "\t" }.reversed())
    }
}
