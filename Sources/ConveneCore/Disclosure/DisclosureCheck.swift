import Dispatch
import Foundation
import Synchronization

/// Finds where captured text names an attendee or their organisation, so that a record held under
/// the Chatham House Rule can be checked before it goes out.
///
/// From each attendee it derives the forms people use (full name, surname, first name, aliases; an
/// organisation as written, its acronym or written-out name, its distinctive first word). Real
/// lists hold names that are ordinary words (Little, Brown, Keen, Collaborate), so a form that is
/// also a dictionary word counts only where the words around it make it a name (`AttributionCue`).
public enum DisclosureCheck {
    /// Every finding, in record order, one per name per place, in the parts of the session held
    /// under the Rule (the Rule is for "a meeting, or part thereof": an attributed talk may name).
    public static func findings(in session: Session, words: WordList = .system) -> [DisclosureFinding] {
        let attendees = session.attendees.elements
        let names = NameIndex(terms: DisclosureTerm.terms(for: attendees))
        guard !names.isEmpty else { return [] }
        let writtenOut = WrittenOutNames(Abbreviation.abbreviations(for: attendees))
        let hosts = session.details.hosts.map(Self.folded)
        // Labelled only where something is found: most texts name no one.
        let texts = session.capturedTexts(labelled: false).filter { session.isUnderRule($0) }
        return inParts(texts) { captured in
            var found = findings(in: captured, names: names, writtenOut: writtenOut, words: words)
            // The heading saying who hosts the session says what the record already says (its
            // hosts): no finding. Naming a host anywhere else may still tie a point to it.
            if captured.location.isSessionHeading {
                found.removeAll { finding in hosts.contains { $0 == Self.folded(finding.matched) || $0 == finding.standsFor.map(Self.folded) } }
            }
            if !found.isEmpty {
                let label = session.label(for: captured.location)
                for index in found.indices { found[index].location.label = label }
            }
            return found
        }
    }

    /// `find` over every text, in order. A long record is shared among the processor's cores, each
    /// taking a stretch of texts: the texts are checked apart from one another.
    private static func inParts(_ texts: [CapturedText], _ find: @Sendable (CapturedText) -> [DisclosureFinding]) -> [DisclosureFinding] {
        let parts = min(ProcessInfo.processInfo.activeProcessorCount, 8, texts.count / 2_000)
        guard parts > 1 else { return texts.flatMap(find) }
        let found = Mutex([[DisclosureFinding]](repeating: [], count: parts))
        DispatchQueue.concurrentPerform(iterations: parts) { part in
            let stretch = texts.count * part / parts..<texts.count * (part + 1) / parts
            let inStretch = texts[stretch].flatMap(find)
            found.withLock { $0[part] = inStretch }
        }
        return found.withLock { $0.flatMap { $0 } }
    }

    private static func folded(_ text: String) -> String {
        text.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil)
    }

    /// The findings no one has acknowledged as not being attributions.
    public static func unacknowledged(in session: Session, words: WordList = .system) -> [DisclosureFinding] {
        findings(in: session, words: words).filter { !session.acknowledgedFindings.contains($0.key) }
    }

    static func findings(in captured: CapturedText, names: NameIndex, writtenOut: WrittenOutNames, words: WordList) -> [DisclosureFinding] {
        let text = captured.text
        let textWords = TextWords(text)
        var found: [(range: Range<String.Index>, finding: DisclosureFinding)] = []
        var unsure: [(Range<String.Index>, DisclosureTerm)] = []
        func keep(_ range: Range<String.Index>, reason: DisclosureFinding.Reason, attendees: [String], standsFor: String?) {
            let matched = String(text[range])
            guard !found.contains(where: { $0.range.overlaps(range) || $0.finding.matched.lowercased() == matched.lowercased() }) else { return }
            found.append((range, DisclosureFinding(
                location: captured.location, matched: matched, reason: reason, attendees: attendees,
                excerpt: excerpt(around: range, in: text), standsFor: standsFor, item: captured.item
            )))
        }
        for (range, abbreviation) in writtenOut.occurrences(in: textWords) {
            keep(range, reason: abbreviation.reason, attendees: abbreviation.attendees, standsFor: abbreviation.name)
        }
        for (range, term) in names.occurrences(in: textWords) where !found.contains(where: { $0.range.overlaps(range) }) {
            switch verdict(range, of: term, in: text, words: words) {
            case .named: keep(range, reason: term.reason, attendees: term.attendees, standsFor: term.standsFor)
            case .unsure: unsure.append((range, term))
            case .notNamed: break
            }
        }
        // A word that is also a name counts when the text has already named the same person
        // ("Michael Little … Little again"), or when it is joined to a name ("Collaborate and GO
        // Lab hosted"). Each one found may settle another, so look again until nothing changes.
        var settled = true
        while settled {
            settled = false
            for (range, term) in unsure where !found.contains(where: { $0.range.overlaps(range) }) {
                let refersBack = found.contains {
                    $0.finding.reason.isPersonal == term.reason.isPersonal && !Set($0.finding.attendees).isDisjoint(with: term.attendees)
                }
                guard refersBack || found.contains(where: { isJoined(range, $0.range, in: text) }) else { continue }
                keep(range, reason: term.reason, attendees: term.attendees, standsFor: term.standsFor)
                settled = true
            }
        }
        return found.sorted { $0.range.lowerBound < $1.range.lowerBound }.map(\.finding)
    }

    private enum Verdict { case named, unsure, notNamed }

    private static func verdict(_ range: Range<String.Index>, of term: DisclosureTerm, in text: String, words: WordList) -> Verdict {
        let written = text[range]
        switch term.strictness {
        case .anyCase:
            return .named
        case .exactCase:
            // In its own case; accents may be left out ("Fundacion" for Fundación).
            return written.folding(options: .diacriticInsensitive, locale: nil) == term.text.folding(options: .diacriticInsensitive, locale: nil)
                ? .named : .notNamed
        case .nameWord:
            guard written.first?.isUppercase == true else { return .notNamed }
            if OtherPerson.isNamed(around: range, by: term, in: text, words: words) { return .notNamed }
            if !words.isOrdinary(written) || AttributionCue.marksName(range, in: text) { return .named }
            return .unsure
        }
    }

    /// Whether only "and", "&", "or" or a comma stands between two places in `text`.
    private static func isJoined(_ first: Range<String.Index>, _ second: Range<String.Index>, in text: String) -> Bool {
        let between = first.upperBound <= second.lowerBound ? text[first.upperBound..<second.lowerBound] : text[second.upperBound..<first.lowerBound]
        let words = between.split(whereSeparator: { $0.isWhitespace || $0 == "," })
        return words.count <= 1 && words.allSatisfy { ["and", "&", "or"].contains($0) } && !between.contains(where: { ".;:!?".contains($0) })
            && (between.contains(",") || !words.isEmpty)
    }

    private static func excerpt(around range: Range<String.Index>, in text: String) -> String {
        let start = text.index(range.lowerBound, offsetBy: -30, limitedBy: text.startIndex) ?? text.startIndex
        let end = text.index(range.upperBound, offsetBy: 30, limitedBy: text.endIndex) ?? text.endIndex
        let body = text[start..<end].onOneLine
        return (start > text.startIndex ? "…" : "") + body + (end < text.endIndex ? "…" : "")
    }
}
