import ConveneCore
import Foundation

/// A place where a search query was found.
public struct SearchHit: Sendable, Equatable {
    public var folder: String
    public var title: String
    /// "title", "purpose", or the captured text's place as the screen shows it, e.g. "item 3 · point 2 · ‘…’".
    public var place: String
    /// The text around the hit, on one line.
    public var excerpt: String
}

/// Finds text across sessions, ignoring case and accents, so "resume" finds "résumé".
public enum SessionSearch {
    static let options: String.CompareOptions = [.caseInsensitive, .diacriticInsensitive]

    public static func hits(for query: String, in folder: SessionFolder, session: Session) -> [SearchHit] {
        let needle = query.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !needle.isEmpty else { return [] }
        var hits: [SearchHit] = []
        let title = session.details.title
        func add(_ place: String, _ text: String) {
            guard let range = text.range(of: needle, options: options) else { return }
            hits.append(SearchHit(folder: folder.name, title: title, place: place, excerpt: excerpt(around: range, in: text)))
        }
        add("title", title)
        add("purpose", session.details.purpose)
        // The title and purpose are searched above, under the names the review list shows them by.
        for captured in session.capturedTexts where !captured.location.isSessionHeading { add(captured.location.label, captured.text) }
        return hits
    }

    static func excerpt(around range: Range<String.Index>, in text: String, radius: Int = 40) -> String {
        let start = text.index(range.lowerBound, offsetBy: -radius, limitedBy: text.startIndex) ?? text.startIndex
        let end = text.index(range.upperBound, offsetBy: radius, limitedBy: text.endIndex) ?? text.endIndex
        let body = text[start..<end].split(whereSeparator: \.isNewline).joined(separator: " ")
        return (start > text.startIndex ? "…" : "") + body + (end < text.endIndex ? "…" : "")
    }
}
