import ConveneCore
import ConveneTUI
import Foundation
import Testing

/// Two sessions in memory, searchable, with notes to read.
final class MemoryReview: ReviewBackend {
    let sessions = [
        SessionSummary(folder: "2026-04-02-learning", title: "Learning and accountability", date: "2026-04-02", kind: "roundtable",
                       chathamHouse: true, attendees: 30, points: 3, series: "Measurement group", open: 2),
        SessionSummary(folder: "2021-07-14-motives", title: "Motives for measurement 9", date: "2021-07-14", kind: "peer-learning",
                       chathamHouse: true, attendees: 12, points: 2, series: "Measurement group", open: 1),
    ]
    let texts = [
        "2026-04-02-learning": ["Complex contexts need adaptive practice.", "Measures matter; how they are used matters more."],
        "2021-07-14-motives": ["Participatory budgeting was tried in two places.", "Context shapes what can be measured.",
                               "A long account of how the group met, who came, what they brought and how the day went, "
                                   + "before it came to capabilities at the very end."],
    ]

    func listings() -> [SessionSummary] { sessions }

    func search(_ query: String) -> [SearchHit] {
        sessions.flatMap { listing in
            (texts[listing.folder] ?? []).enumerated().compactMap { index, text in
                text.range(of: query, options: .caseInsensitive) == nil ? nil
                    : SearchHit(folder: listing.folder, title: listing.title, date: listing.date, place: "point \(index + 1)", excerpt: text)
            }
        }
    }

    func openQuestions(ofSeriesOf folder: String) throws -> (title: String, markdown: String) {
        ("Open questions", "# Open questions\n\n- Which factors should shape our choices?\n")
    }

    /// Asked for once per finished search that found nothing.
    var suggestionsAsked: [String] = []

    func suggestion(for query: String) -> String? {
        suggestionsAsked.append(query)
        return query == "measurment" ? "measurement" : nil
    }

    /// The motives session is followed by the learning one, as `new --follow-up` links them.
    func notes(of folder: String) throws -> SessionRecord {
        guard let listing = sessions.first(where: { $0.folder == folder }) else { throw CocoaError(.fileNoSuchFile) }
        let reference = { (listing: SessionSummary) in SessionReference(folder: listing.folder, title: listing.title, date: listing.date) }
        let series = folder == sessions[1].folder ? ReaderSeries(next: reference(sessions[0])) : ReaderSeries(previous: reference(sessions[1]))
        return SessionRecord(title: listing.title,
                             markdown: "# \(listing.title)\n\n" + (texts[folder] ?? []).map { "- \($0)" }.joined(separator: "\n") + "\n",
                             series: series)
    }
}

@Suite("Review list")
struct ReviewListTests {
    @Test("search as you type across sessions, hits highlighted with their session and place", .tags(.golden))
    func searchAsYouType() throws {
        let terminal = VirtualTerminal(width: 100, height: 16)
        let app = Program(terminal: terminal, root: ReviewScene(terminal: terminal, backend: MemoryReview()))
        app.draw()
        #expect(terminal.screen?.text.contains("Motives for measurement 9") == true)
        for character in "/measure" {
            app.send(.character(character))
            app.draw()
        }
        try expectSnapshot(terminal.screen, named: "review-search-100x16")
        #expect(terminal.screen?.text.contains("2 places in 2 sessions") == true)
        app.send(.down)
        app.draw()
        // Enter reads the selected session, at the first hit; q closes the reader back to the list.
        app.send(.enter)
        app.draw()
        let read = try #require(terminal.frames.last?.text)
        #expect(read.contains("Motives for measurement 9"), "\(read)")
        #expect(read.contains("‘measure’: hit 1 of 2"), "\(read)") // the title says "measurement" too
        app.send(.character("q"))
        app.send(.escape)
        app.draw()
        #expect(terminal.screen?.text.contains("Learning and accountability") == true)
        app.send(.escape)
        #expect(app.isFinished)
    }

    @Test("in the reader, } reads the series' next session and { the previous; q comes back; the ends say so")
    func seriesNeighbours() throws {
        let terminal = VirtualTerminal(width: 100, height: 16)
        let app = Program(terminal: terminal, root: ReviewScene(terminal: terminal, backend: MemoryReview()))
        app.draw()
        // Grouped by series and newest first: the motives session is the second row.
        app.send(.down)
        app.send(.enter)
        app.draw()
        #expect(terminal.screen?.text.contains("Participatory budgeting") == true)
        app.send(.character("{"))
        app.draw()
        #expect(terminal.screen?.text.contains("This is the first session of the series") == true, "\(terminal.screen?.text ?? "")")
        app.send(.character("}"))
        app.draw()
        let next = terminal.screen?.text ?? ""
        #expect(next.contains("Complex contexts need adaptive practice."), "\(next)")
        app.send(.character("}"))
        app.draw()
        #expect(terminal.screen?.text.contains("This is the latest session of the series") == true)
        app.send(.character("q"))
        app.draw()
        #expect(terminal.screen?.text.contains("Participatory budgeting") == true)
    }

    @Test("a search that finds nothing, once the field is left, suggests the archive's own spelling; not at every key")
    func suggestion() throws {
        let terminal = VirtualTerminal(width: 100, height: 16)
        let backend = MemoryReview()
        let app = Program(terminal: terminal, root: ReviewScene(terminal: terminal, backend: backend))
        app.send(.character("/"))
        for character in "measurment" { app.send(.character(character)) }
        app.draw()
        #expect(terminal.screen?.text.contains("No session says ‘measurment’") == true)
        #expect(backend.suggestionsAsked.isEmpty)
        app.send(.escape)
        app.draw()
        #expect(terminal.screen?.text.contains("No session says ‘measurment’; did you mean ‘measurement’?") == true, "\(terminal.screen?.text ?? "")")
        #expect(backend.suggestionsAsked == ["measurment"])
    }

    @Test("a series is listed together, its newest session saying how much the series left open")
    func seriesOpenCount() throws {
        let terminal = VirtualTerminal(width: 100, height: 16)
        let app = Program(terminal: terminal, root: ReviewScene(terminal: terminal, backend: MemoryReview()))
        app.draw()
        let rows = (terminal.screen?.text ?? "").split(separator: "\n").map(String.init)
        #expect(rows.contains { $0.contains("Learning and accountability") && $0.contains("◆ Measurement group · 2 open") }, "\(rows)")
        #expect(rows.contains { $0.contains("Motives for measurement 9") && $0.contains("◆ Measurement group") && !$0.contains("open") })
    }

    @Test("q closes the list; after / it is text in the search; back from the reader q closes again")
    func qClosesOutsideTheSearch() throws {
        let terminal = VirtualTerminal(width: 100, height: 16)
        let app = Program(terminal: terminal, root: ReviewScene(terminal: terminal, backend: MemoryReview()))
        app.draw()
        for key in [Key.character("/")] + "quali".map(Key.character) { app.send(key) }
        app.draw()
        #expect(terminal.screen?.text.contains("Search: quali") == true, "q did not type into the search")
        #expect(!app.isFinished)
        app.send(.escape) // out of the field, the search kept
        app.send(.escape) // the search cleared
        for key in "/context".map(Key.character) { app.send(key) }
        app.send(.enter)
        app.send(.character("q")) // closes the reader
        app.draw()
        #expect(terminal.screen?.text.contains("Search: context") == true)
        app.send(.character("q")) // the list has the keys again
        #expect(app.isFinished)
    }

    @Test("a hit whose words come late in a long excerpt shows them, marked, with … before; each word of the query is marked")
    func lateMatchInView() throws {
        let terminal = VirtualTerminal(width: 80, height: 16)
        let app = Program(terminal: terminal, root: ReviewScene(terminal: terminal, backend: MemoryReview()))
        for key in "/capabilities".map(Key.character) { app.send(key) }
        app.draw()
        let screen = try #require(terminal.screen)
        let row = try #require(screen.lines.firstIndex { $0.contains("capabilities at the very") }, "\(screen.text)")
        #expect(screen.lines[row].contains("…"))
        let column = try #require(screen.lines[row].range(of: "capabilities")).lowerBound
        let offset = screen.lines[row].distance(from: screen.lines[row].startIndex, to: column)
        #expect(screen[row, offset].style.reverse, "the word found is marked")
    }

    @Test("Esc closes the reader back to the list, as q does")
    func escapeClosesTheReader() throws {
        let terminal = VirtualTerminal(width: 100, height: 16)
        let app = Program(terminal: terminal, root: ReviewScene(terminal: terminal, backend: MemoryReview()))
        app.send(.enter)
        #expect(app.scenes.count == 2, "Enter did not open the reader")
        app.send(.escape)
        app.draw()
        #expect(app.scenes.count == 1 && !app.isFinished)
        #expect(terminal.screen?.text.contains("review (read-only)") == true)
    }

    @Test("a long record opened from the list without a search opens at its top, and the end is the record's end")
    func longRecordFromTheList() throws {
        let terminal = VirtualTerminal(width: 100, height: 24)
        let app = Program(terminal: terminal, root: ReviewScene(terminal: terminal, backend: LongReview()))
        app.draw()
        app.send(.enter)
        app.draw()
        let top = terminal.screen?.text ?? ""
        #expect(top.contains("Section 1"), "\(top)")
        #expect(top.split(separator: "\n").first?.hasSuffix(" 0%") == true, "\(top)")
        app.send(.character("G"))
        app.draw()
        #expect(terminal.screen?.text.contains("The very last line.") == true)
        app.send(.character("q"))
        app.draw()
        #expect(terminal.screen?.text.contains("A long roundtable") == true)
    }
}

/// One session whose notes run to thousands of lines.
final class LongReview: ReviewBackend {
    func listings() -> [SessionSummary] {
        [SessionSummary(folder: "2026-05-01-long", title: "A long roundtable", date: "2026-05-01", kind: "roundtable",
                        chathamHouse: true, attendees: 40, points: 3_000)]
    }

    func search(_ query: String) -> [SearchHit] { [] }

    func openQuestions(ofSeriesOf folder: String) throws -> (title: String, markdown: String) { ("Open questions", "") }

    func suggestion(for query: String) -> String? { nil }

    func notes(of folder: String) throws -> SessionRecord {
        let sections = (1...1_500).map { "## Section \($0)\n\n- A point on outcomes number \($0), café 日本語\n- Another point, \($0)\n" }
        return SessionRecord(title: "A long roundtable", markdown: "# A long roundtable\n\n" + sections.joined(separator: "\n") + "\nThe very last line.\n")
    }
}
