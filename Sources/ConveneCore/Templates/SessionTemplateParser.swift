import Foundation
import Yams

/// Reads session templates from YAML text and says where a broken one is broken.
public enum SessionTemplateParser {
    /// - Parameters:
    ///   - name: the template's name (its file name without `.yaml`).
    ///   - file: how to name the file in an error.
    public static func parse(_ yaml: String, name: String, file: String) throws(TemplateError) -> SessionTemplate {
        let root: Node
        do {
            guard let node = try Yams.compose(yaml: yaml) else {
                throw TemplateError(file: file, problem: "the template is empty")
            }
            root = node
        } catch let error as TemplateError {
            throw error
        } catch let error as YamlError {
            throw templateError(from: error, yaml: yaml, file: file)
        } catch {
            throw TemplateError(file: file, problem: "\(error)")
        }

        try checkText(in: root, path: [], file: file)
        var template: SessionTemplate
        do {
            template = try YAMLDecoder().decode(SessionTemplate.self, from: root)
        } catch let error as DecodingError {
            throw templateError(from: error, in: root, file: file)
        } catch {
            throw TemplateError(file: file, problem: "\(error)")
        }
        template.name = name
        try check(template, in: root, file: file)
        return template
    }

    /// Rules that decoding cannot express, checked by building the session the template would start.
    private static func check(_ template: SessionTemplate, in root: Node, file: String) throws(TemplateError) {
        if template.agenda.isEmpty {
            throw TemplateError(file: file, line: root["agenda"]?.mark?.line, problem: "the agenda has no items")
        }
        var session = Session()
        do {
            try session.apply(.created(setup: template.setup(title: template.title, date: "2000-01-01")))
        } catch {
            let line = failingItemLine(template, root: root)
            throw TemplateError(file: file, line: line, problem: error.description)
        }
    }

    /// The line of the first agenda item the reducer refuses on its own, to point the error at it.
    private static func failingItemLine(_ template: SessionTemplate, root: Node) -> Int? {
        let nodes = root["agenda"]?.array() ?? []
        let setup = template.setup(title: template.title, date: "2000-01-01")
        for (index, item) in setup.agenda.enumerated() where nodes.indices.contains(index) {
            var probe = Session()
            let alone = SessionSetup(details: setup.details, agenda: [item])
            if (try? probe.apply(.created(setup: alone))) == nil { return nodes[index].mark?.line }
        }
        return root.mark?.line
    }

    /// Every text in the template is shown on screens and written into notes: a control character
    /// in any of them (an escape sequence, a NUL) is refused at its own line.
    private static func checkText(in node: Node, path: [String], file: String) throws(TemplateError) {
        switch node {
        case .scalar(let scalar):
            guard let bad = scalar.string.unicodeScalars.first(where: { TextRules.isControl($0) && $0 != "\t" }) else { return }
            let code = String(bad.value, radix: 16, uppercase: true)
            let place = path.isEmpty ? "" : " in \(path.joined(separator: ".").replacingOccurrences(of: ".[", with: "["))"
            throw TemplateError(file: file, line: node.mark?.line, column: node.mark?.column,
                                problem: "a control character (U+\(code)) is not allowed\(place)")
        case .mapping(let mapping):
            for (key, value) in mapping {
                try checkText(in: key, path: path, file: file)
                try checkText(in: value, path: path + [key.string ?? "?"], file: file)
            }
        case .sequence(let sequence):
            for (index, element) in sequence.enumerated() {
                try checkText(in: element, path: path + ["[\(index + 1)]"], file: file)
            }
        case .alias:
            break
        }
    }

    private static func templateError(from error: YamlError, yaml: String, file: String) -> TemplateError {
        switch error {
        case .scanner(_, let problem, let mark, _), .parser(_, let problem, let mark, _),
             .composer(_, let problem, let mark, _):
            return TemplateError(file: file, line: mark.line, column: mark.column, problem: "YAML: \(problem)")
        case .duplicatedKeysInMapping(let duplicates, let context):
            let line = duplicates.compactMap { secondLine(ofKey: $0, inMappingAt: context.mark, yaml: yaml) }.min()
            return TemplateError(
                file: file, line: line ?? context.mark.line, column: line == nil ? context.mark.column : nil,
                problem: "the key(s) \(duplicates.map { "‘\($0)’" }.joined(separator: ", ")) appear twice in one mapping"
            )
        default:
            return TemplateError(file: file, problem: "YAML: \(error)")
        }
    }

    /// Turns a decoding error into one that names the line of the value it is about.
    private static func templateError(from error: DecodingError, in root: Node, file: String) -> TemplateError {
        let (path, problem): ([any CodingKey], String) = switch error {
        case .typeMismatch(let type, let context):
            (context.codingPath, "expected \(describe(type)) at \(dotted(context.codingPath))")
        case .valueNotFound(let type, let context):
            (context.codingPath, "missing \(describe(type)) at \(dotted(context.codingPath))")
        case .keyNotFound(let key, let context):
            (context.codingPath, "missing key ‘\(key.stringValue)’" + (context.codingPath.isEmpty ? "" : " in \(dotted(context.codingPath))"))
        case .dataCorrupted(let context):
            (context.codingPath, context.debugDescription.isEmpty ? "invalid value at \(dotted(context.codingPath))" : invalidValue(context))
        @unknown default:
            ([], "\(error)")
        }
        let mark = node(at: path, in: root)?.mark
        return TemplateError(file: file, line: mark?.line, column: mark?.column, problem: problem)
    }

    private static func invalidValue(_ context: DecodingError.Context) -> String {
        if context.debugDescription.hasPrefix("unknown") { return context.debugDescription }
        // Yams says "Cannot initialize PhaseKind from invalid String value x": name the choices instead.
        if context.codingPath.last?.stringValue == "phase" {
            return "unknown phase at \(dotted(context.codingPath)); expected one of "
                + PhaseKind.allCases.map(\.rawValue).joined(separator: ", ")
        }
        return "\(context.debugDescription) at \(dotted(context.codingPath))"
    }

    /// The deepest node the coding path reaches.
    private static func node(at path: [any CodingKey], in root: Node) -> Node? {
        var current = root
        for key in path {
            let next: Node? = if let index = key.intValue, case .sequence(let sequence) = current {
                sequence.indices.contains(index) ? sequence[index] : nil
            } else {
                current[key.stringValue]
            }
            guard let next else { break }
            current = next
        }
        return current
    }

    private static func dotted(_ path: [any CodingKey]) -> String {
        path.isEmpty ? "the top level" : path.map { $0.intValue.map { "[\($0 + 1)]" } ?? $0.stringValue }
            .joined(separator: ".").replacingOccurrences(of: ".[", with: "[")
    }

    private static func describe(_ type: Any.Type) -> String {
        switch type {
        case is String.Type: "text"
        case is Int.Type: "a whole number"
        case is Bool.Type: "true or false"
        default: "\(type)"
        }
    }

    /// Yams names the mapping that repeats a key, not the repeat: find the key's second line among
    /// the mapping's own keys (those at its column, from its first line until it ends).
    private static func secondLine(ofKey key: String, inMappingAt mark: Mark, yaml: String) -> Int? {
        let indent = max(0, mark.column - 1)
        var seen = 0
        for (offset, text) in yaml.split(separator: "\n", omittingEmptySubsequences: false).enumerated().dropFirst(mark.line - 1) {
            var line = Substring(text)
            if offset == mark.line - 1 { line = line.dropFirst(indent) } else {
                let leading = line.prefix { $0 == " " }.count
                let content = line.drop { $0 == " " }
                if content.isEmpty || content.hasPrefix("#") { continue }
                if leading < indent { break }
                guard leading == indent else { continue }
                line = content
            }
            let name = line.prefix { $0 != ":" }.trimmingCharacters(in: CharacterSet(charactersIn: " \"'"))
            if name == key, line.contains(":") {
                seen += 1
                if seen == 2 { return offset + 1 }
            }
        }
        return nil
    }
}
