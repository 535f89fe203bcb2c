import Foundation

/// Finds where captured text names an attendee or their organisation, so that a record held under
/// the Chatham House Rule can be checked before it goes out.
///
/// Real attendee lists hold surnames that are ordinary words (Little, Brown, Ball, Keen) and
/// organisations that are verbs or acronyms (Collaborate, RATIO), so a name only counts where it is
/// written as a name; see `DisclosureTerm.Strictness`.
public enum DisclosureCheck {
    static let titles: Set<String> = [
        "dr", "mr", "mrs", "ms", "mx", "miss", "prof", "professor", "sir", "dame", "lord", "lady", "cllr", "councillor",
    ]

    /// Every finding, in record order, one per name per place, in the parts of the session held
    /// under the Rule (the Rule is for "a meeting, or part thereof": an attributed talk may name).
    public static func findings(in session: Session) -> [DisclosureFinding] {
        let terms = DisclosureTerm.terms(for: session.attendees.elements)
        guard !terms.isEmpty else { return [] }
        return session.capturedTexts.filter { session.isUnderRule($0.item) }.flatMap { findings(in: $0, terms: terms) }
    }

    /// The findings no one has acknowledged as not being attributions.
    public static func unacknowledged(in session: Session) -> [DisclosureFinding] {
        findings(in: session).filter { !session.acknowledgedFindings.contains($0.key) }
    }

    static func findings(in captured: CapturedText, terms: [DisclosureTerm]) -> [DisclosureFinding] {
        let text = captured.text
        var claimed: [Range<String.Index>] = []
        var found: [(Range<String.Index>, DisclosureFinding)] = []
        for term in terms {
            for range in occurrences(of: term.text, in: text) {
                guard !claimed.contains(where: { $0.overlaps(range) }), counts(range, of: term, in: text) else { continue }
                claimed.append(range)
                let matched = String(text[range])
                if found.contains(where: { $0.1.matched.lowercased() == matched.lowercased() }) { continue }
                let finding = DisclosureFinding(
                    location: captured.location, matched: matched, reason: term.reason,
                    attendees: term.attendees, excerpt: excerpt(around: range, in: text)
                )
                found.append((range, finding))
            }
        }
        return found.sorted { $0.0.lowerBound < $1.0.lowerBound }.map(\.1)
    }

    /// Whole-word, case-insensitive occurrences; the strictness rules then decide which count.
    static func occurrences(of term: String, in text: String) -> [Range<String.Index>] {
        var ranges: [Range<String.Index>] = []
        var searchStart = text.startIndex
        while let range = text.range(of: term, options: [.caseInsensitive], range: searchStart..<text.endIndex) {
            let before = range.lowerBound > text.startIndex ? text[text.index(before: range.lowerBound)] : nil
            let after = range.upperBound < text.endIndex ? text[range.upperBound] : nil
            if !isWordCharacter(before) && !isWordCharacter(after) { ranges.append(range) }
            searchStart = range.upperBound
        }
        return ranges
    }

    private static func counts(_ range: Range<String.Index>, of term: DisclosureTerm, in text: String) -> Bool {
        let written = text[range]
        switch term.strictness {
        case .anyCase:
            return true
        case .exactCase:
            return written == term.text
        case .writtenAsName:
            guard written.first?.isUppercase == true else { return false }
            return isPossessive(after: range, in: text)
                || followsTitle(range, in: text)
                || !startsSentence(range, in: text)
        }
    }

    private static func isPossessive(after range: Range<String.Index>, in text: String) -> Bool {
        let rest = text[range.upperBound...]
        return rest.hasPrefix("'s") || rest.hasPrefix("’s") || rest.hasPrefix("'") || rest.hasPrefix("’")
    }

    private static func followsTitle(_ range: Range<String.Index>, in text: String) -> Bool {
        let before = text[..<range.lowerBound].trimmingCharacters(in: .whitespaces)
        let word = before.reversed().prefix { $0.isLetter || $0 == "." }.reversed()
        return titles.contains(String(word).lowercased().trimmingCharacters(in: CharacterSet(charactersIn: ".")))
    }

    /// Whether nothing but opening punctuation stands between the word and the start of its sentence.
    private static func startsSentence(_ range: Range<String.Index>, in text: String) -> Bool {
        for character in text[..<range.lowerBound].reversed() {
            if character == "\n" || ".!?:;".contains(character) { return true }
            if character.isWhitespace || "\"'“‘([{*-–—•>".contains(character) { continue }
            return false
        }
        return true
    }

    private static func isWordCharacter(_ character: Character?) -> Bool {
        guard let character else { return false }
        return character.isLetter || character.isNumber || character == "_"
    }

    private static func excerpt(around range: Range<String.Index>, in text: String) -> String {
        let start = text.index(range.lowerBound, offsetBy: -30, limitedBy: text.startIndex) ?? text.startIndex
        let end = text.index(range.upperBound, offsetBy: 30, limitedBy: text.endIndex) ?? text.endIndex
        let body = text[start..<end].split(whereSeparator: \.isNewline).joined(separator: " ")
        return (start > text.startIndex ? "…" : "") + body + (end < text.endIndex ? "…" : "")
    }
}
