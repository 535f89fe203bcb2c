import ConveneCore
import Foundation
import Testing

/// A registration list imported as a note-taker gets it: a CSV export with the usual headers,
/// apologies marked, in one change that one undo takes back.
@Suite("Attendees from a registration list")
struct AttendeeImportTests {
    /// The seed roundtable's 37 people, as its note lists them: name (with the chair marked), organisation, apologies.
    static let seed: [(name: String, organisation: String, apologies: Bool)] = [
        ("Rob Pollock (Chair)", "Social Finance", false), ("Adam Lent", "NLGN", false), ("Adrian Brown", "CPI", false),
        ("Alex Smith", "The Cares Family", false), ("Andreea Anastasiu", "GO Lab", false), ("Andy Brogan", "Easier Inc", false),
        ("Anna Randle", "Collaborate", false), ("Benjamin Taylor", "Red Quadrant/Commissioning Academy", false),
        ("Ben Hartridge", "Dartington Service Design Lab", false), ("Bethia McNeil", "Centre for Youth Impact", false),
        ("Clare Fitzgerald", "GO Lab", false), ("Dawn Plimmer", "Collaborate", false), ("Deon Simpson", "Dartington Service Design Lab", false),
        ("Eleanor Carter", "GO Lab", false), ("Emily Sun", "Black Thrive", false), ("Gary Wallace", "Plymouth City Council", false),
        ("Jasmin Keeble", "Office for Civil Society, DCMS", false), ("Jenni Lloyd", "Nesta", false), ("Jo Blundell", "GO Lab", false),
        ("Joel Trounce", "iMPOWER", false), ("John Burgoyne", "Centre for Public Impact", false),
        ("Laura Venning", "National Lottery Community Fund", false), ("Mark Smith", "Gateshead Council", false),
        ("Martin Pratt", "Camden Council", false), ("Michael Little", "RATIO", false), ("Nick Davies", "Institute for Government", false),
        ("Nigel Ball", "GO Lab", false), ("Noel Hatch", "Camden Council", false), ("Oliver French", "Lankelly Chase", false),
        ("Pete Babudu", "Youth Endowment Fund / Blagrove Trust", false), ("Tim Hobbs", "Dartington Service Design Lab", false),
        ("Toby Lowe", "Newcastle Business School", false),
        ("Axel Heitmueller", "Imperial College Health Partners", true), ("Gen Maitland-Hudson", "Social Investment Business", true),
        ("Ruth Alleyne", "Sport England", true), ("Tris Lumley", "NPC", true), ("Val Keen", "Office for Civil Society, DCMS", true),
    ]

    /// The seed note in `shared/domain`, where this checkout has it beside it.
    static var seedNote: URL? {
        var folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        while folder.path != "/" {
            let candidate = folder.appendingPathComponent("shared/domain/000_3b6e28e0db88a0f4.txt")
            if FileManager.default.fileExists(atPath: candidate.path) { return candidate }
            folder = folder.deletingLastPathComponent()
        }
        return nil
    }

    /// The people as the seed note lists them: tab-separated rows after "Attendees", apologies after their heading.
    static func peopleInSeedNote(_ text: String) -> [(name: String, organisation: String, apologies: Bool)] {
        guard let start = text.range(of: "**Attendees**") else { return [] }
        var people: [(String, String, Bool)] = []
        var apologies = false
        for line in text[start.upperBound...].split(separator: "\n") {
            let cells = line.split(separator: "\t").map { $0.trimmingCharacters(in: .whitespaces) }
            if line.contains("Apologies") { apologies = true; continue }
            guard cells.count == 2, !line.contains("<b>") else { continue }
            people.append((cells[0], cells[1], apologies))
        }
        return people
    }

    /// A registration export of the seed's people: first and last names, organisation, attendance.
    static func csv() -> String {
        func quoted(_ text: String) -> String { text.contains(",") ? "\"\(text)\"" : text }
        let rows = seed.map { person -> String in
            let first = person.name.prefix { $0 != " " }
            let last = person.name.dropFirst(first.count + 1)
            return [String(first), String(last), quoted(person.organisation), person.apologies ? "Sent apologies" : "Attending"]
                .joined(separator: ",")
        }
        return "\u{FEFF}First Name,Last Name,Organization,Attendance\n" + rows.joined(separator: "\n") + "\n"
    }

    @Test("the test's list is the seed note's", .enabled(if: seedNote != nil))
    func listMatchesSeed() throws {
        let note = try String(contentsOf: try #require(Self.seedNote), encoding: .utf8)
        let found = Self.peopleInSeedNote(note)
        #expect(found.map(\.name) == Self.seed.map(\.name))
        #expect(found.map(\.organisation) == Self.seed.map(\.organisation))
        #expect(found.map(\.apologies) == Self.seed.map(\.apologies))
    }

    @Test("37 people imported in one change: the chair, five apologies, organisations with commas; one undo; again leaves out everyone")
    func importSeed() throws {
        let convene = try ConveneProcess()
        defer { convene.cleanUp() }
        let session = try convene.newSession(title: "Imported roundtable")
        let file = convene.home.appendingPathComponent("registrations.csv")
        try Self.csv().write(to: file, atomically: true, encoding: .utf8)

        let imported = try convene.run(["add", session, "attendees", file.path])
        #expect(imported.status == 0, "\(imported.stderr)")
        #expect(imported.stdout.contains("imported 37 attendees, 5 with apologies"), "\(imported.stdout)")
        let notes = try String(contentsOf: convene.sessions.appendingPathComponent(session).appendingPathComponent("notes.md"), encoding: .utf8)
        #expect(notes.contains("Rob Pollock"))
        #expect(!notes.contains("(Chair)"))
        #expect(notes.contains("Office for Civil Society, DCMS"))
        let apologies = try #require(notes.range(of: "pologies")).upperBound
        #expect(notes[apologies...].contains("Tris Lumley"))

        let again = try convene.run(["add", session, "attendees", file.path])
        #expect(again.status == 0)
        #expect(again.stdout.contains("imported nobody"))
        #expect(again.stderr.contains("left out 37 already listed"))

        let undone = try convene.run(["undo", session])
        #expect(undone.status == 0, "\(undone.stderr)")
        let after = try String(contentsOf: convene.sessions.appendingPathComponent(session).appendingPathComponent("notes.md"), encoding: .utf8)
        #expect(!after.contains("Tris Lumley"), "one undo did not take the whole import back")
    }

    @Test("headers that cannot be guessed: the error lists the columns and names --field; with it, the import works")
    func unknownHeaders() throws {
        let convene = try ConveneProcess()
        defer { convene.cleanUp() }
        let session = try convene.newSession(title: "Mapped")
        let file = convene.home.appendingPathComponent("odd.csv")
        try "Who,Where\nAnna Randle,Collaborate\nNoel Hatch,Camden Council\n".write(to: file, atomically: true, encoding: .utf8)
        let refused = try convene.run(["add", session, "attendees", file.path])
        #expect(refused.status == 1)
        #expect(refused.stderr.contains("‘Who’, ‘Where’"), "\(refused.stderr)")
        #expect(refused.stderr.contains("--field"))
        let mapped = try convene.run(["add", session, "attendees", file.path, "--field", "name=Who", "--field", "organisation=where"])
        #expect(mapped.status == 0, "\(mapped.stderr)")
        #expect(mapped.stdout.contains("imported 2 attendees, 0 with apologies"))
        let wrong = try convene.run(["add", session, "attendees", file.path, "--field", "name=Nobody"])
        #expect(wrong.stderr.contains("has no column ‘Nobody’"))
    }

    @Test("a list with one quote never closed is refused with the line it opened on; nobody is half-imported")
    func unclosedQuote() throws {
        let convene = try ConveneProcess()
        defer { convene.cleanUp() }
        let session = try convene.newSession(title: "Stray quote")
        let rows = (1...50).map { $0 == 3 ? "\"Person \($0), Org \($0)" : "Person \($0),Org \($0)" }
        let file = convene.home.appendingPathComponent("stray.csv")
        try (["Name,Organisation"] + rows).joined(separator: "\n").appending("\n").write(to: file, atomically: true, encoding: .utf8)
        let refused = try convene.run(["add", session, "attendees", file.path])
        #expect(refused.status == 1)
        #expect(refused.stderr.contains("stray.csv:4:") && refused.stderr.contains("never closed"), "\(refused.stderr)")
        #expect(!refused.stderr.contains("quotation(message"))
        let journal = try JournalFile.replayed(convene.sessions.appendingPathComponent(session).appendingPathComponent("session.jsonl"))
        #expect(journal.session.attendees.elements.isEmpty)
        // Quotes that are closed, doubled inside a field, with a line break inside, are read whole.
        try "Name,Organisation\n\"Ann \"\"Nan\"\" Lee\",\"Line\nbreak Ltd\"\nBob Ray,Y\n".write(to: file, atomically: true, encoding: .utf8)
        let read = try convene.run(["add", session, "attendees", file.path])
        #expect(read.status == 0 && read.stdout.contains("imported 2 attendees"), "\(read.stderr)")
    }

    @Test("a name longer than any person's is left out and said, not added as an attendee")
    func implausibleName() throws {
        let convene = try ConveneProcess()
        defer { convene.cleanUp() }
        let session = try convene.newSession(title: "Long name")
        let file = convene.home.appendingPathComponent("long.csv")
        try "Name,Organisation\n\(String(repeating: "Pasted paragraph ", count: 70)),X\nCy Twombly,Z\n".write(to: file, atomically: true, encoding: .utf8)
        let imported = try convene.run(["add", session, "attendees", file.path])
        #expect(imported.status == 0 && imported.stdout.contains("imported 1 attendee"), "\(imported.stderr)")
        #expect(imported.stderr.contains("left out row 1") && imported.stderr.contains("characters long"), "\(imported.stderr)")
    }
}
