import ConveneCore
import Foundation

/// Finds text in a session by reading it, as the index would answer (see `SearchQuery`): for the
/// search-as-you-type of the review list, and where there is no index.
public enum SessionSearch {
    public static func hits(for query: String, in folder: SessionFolder, session: Session) -> [SearchHit] {
        hits(for: SearchQuery(query), in: folder, session: session)
    }

    public static func hits(for query: SearchQuery, in folder: SessionFolder, session: Session) -> [SearchHit] {
        guard !query.isEmpty else { return [] }
        let title = session.details.title
        return passages(of: session).compactMap { place, text in
            query.firstMatch(in: text).map { SearchHit(folder: folder.name, title: title, place: place, excerpt: excerpt(around: $0, in: text)) }
        }
    }

    /// Everything searchable in a session, with the place each is shown under: the title and
    /// purpose, the hosts, the people who attended (with their organisations) and who presented,
    /// then what was captured, in record order. People are found where the record names them
    /// (its attendees and presenters), never tied to a point under the Chatham House Rule.
    public static func passages(of session: Session) -> [(place: String, text: String)] {
        var passages = [("title", session.details.title), ("purpose", session.details.purpose)].filter { !$0.1.isEmpty }
        passages += session.details.hosts.map { ("host", $0) }
        for person in session.attendees.elements {
            let organisation = person.organisation.map { ", \($0)" } ?? ""
            passages.append((person.apologies ? "attendee (apologies)" : "attendee", person.name + organisation))
        }
        // Who presented each item: its speaker, and whoever its attributed points name (only in
        // parts not under the Rule, where points carry a speaker at all).
        for item in session.agenda.elements {
            guard let number = session.itemNumber(item.id) else { continue }
            var speakers = item.speaker.map { [$0] } ?? []
            for point in session.points.elements where point.item == item.id {
                if let speaker = point.speaker, !speakers.contains(speaker) { speakers.append(speaker) }
            }
            passages += speakers.filter { !$0.isEmpty }.map { ("item \(number) · presenter", $0) }
        }
        for captured in session.capturedTexts where !captured.location.isSessionHeading {
            passages.append((captured.location.label, captured.text))
        }
        // Who owns an action: the record names them as its owner, not as anyone who spoke.
        for point in session.points.elements where point.kind == .action {
            if let owner = point.owner { passages.append(("action owner · ‘\(point.text.prefix(30))’", owner)) }
        }
        return passages
    }

    static func excerpt(around range: Range<String.Index>, in text: String, radius: Int = 40) -> String {
        let start = text.index(range.lowerBound, offsetBy: -radius, limitedBy: text.startIndex) ?? text.startIndex
        let end = text.index(range.upperBound, offsetBy: radius, limitedBy: text.endIndex) ?? text.endIndex
        let body = text[start..<end].onOneLine
        return (start > text.startIndex ? "…" : "") + body + (end < text.endIndex ? "…" : "")
    }
}
