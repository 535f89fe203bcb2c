import ConveneCore
import Foundation

extension Session {
    /// The session's actions (or questions) in record order: what `ACTION 2` counts.
    func tracked(_ kind: PointKind) -> [Point] {
        points.elements.filter { $0.kind == kind }
    }

    /// The action or question a person names on the command line: its number among the session's
    /// actions (or questions), 1 the first, as `convene actions` shows it, or words of its text,
    /// each to be found in it, in any case and with or without accents.
    func trackedPoint(_ kind: PointKind, named query: String) throws -> Point {
        let candidates = tracked(kind)
        let noun = kind == .action ? "action" : "question"
        guard !candidates.isEmpty else { throw CommandFailure("\(details.title) has no \(noun)s") }
        if let number = Int(query.trimmingCharacters(in: .whitespaces)) {
            guard candidates.indices.contains(number - 1) else {
                throw CommandFailure("\(details.title) has \(Counted.phrase(candidates.count, noun)); there is no \(noun) \(number)")
            }
            return candidates[number - 1]
        }
        let words = Self.folded(query).split(whereSeparator: \.isWhitespace)
        guard !words.isEmpty else { throw CommandFailure("name the \(noun) by its number or words of its text") }
        let matches = candidates.filter { point in
            let text = Self.folded(point.text)
            return words.allSatisfy { text.contains($0) }
        }
        switch matches.count {
        case 1:
            return matches[0]
        case 0:
            throw CommandFailure("no \(noun) of \(details.title) has the words ‘\(query)’; convene actions lists them")
        default:
            let listed = matches.prefix(5).map { point in
                "\(candidates.firstIndex { $0.id == point.id }.map { $0 + 1 } ?? 0): \(point.text.prefix(60))"
            }
            throw CommandFailure("‘\(query)’ matches \(matches.count) \(noun)s; give its number or more words:\n  "
                                 + listed.joined(separator: "\n  "))
        }
    }

    private static func folded(_ text: String) -> String {
        text.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil)
    }
}
