import Foundation
import ConveneCore
import Testing

@Suite("Chatham House disclosure check")
struct DisclosureCheckTests {
    /// A roundtable whose attendees include surnames and organisations that are also ordinary words.
    private func session(with texts: [String]) throws -> Session {
        var session = Fixtures.created()
        let people: [(String, String)] = [
            ("Michael Little", "RATIO"), ("Adrian Brown", "CPI"), ("Nigel Ball", "GO Lab"),
            ("Val Keen", "Office for Civil Society, DCMS"), ("Anna Randle", "Collaborate"), ("Alex Smith", "The Cares Family"),
        ]
        for (offset, person) in people.enumerated() {
            try session.apply(.attendeeAdded(attendee: Attendee(id: EntityID(100 + offset), name: person.0, organisation: person.1)))
        }
        for (offset, text) in texts.enumerated() {
            try session.apply(.pointAdded(point: Fixtures.point(200 + offset, .note, text)))
        }
        return session
    }

    private func matches(_ text: String) throws -> [String] {
        DisclosureCheck.findings(in: try session(with: [text])).map(\.matched)
    }

    @Test("a long record, checked in stretches on several cores, gives every finding once and in record order")
    func longRecord() throws {
        let named = ["Michael Little said so", "as the Government Outcomes Lab found", "Keen's view was clear", "RATIO disagreed"]
        let texts = (0..<9_001).map { index in index % 97 == 0 ? "\(index): \(named[index / 97 % named.count])" : "\(index): outcomes are emergent" }
        let found = DisclosureCheck.findings(in: try session(with: texts))
        let expected = texts.indices.filter { $0 % 97 == 0 }
        #expect(found.count == expected.count)
        #expect(found.map(\.location.entity) == expected.map { EntityID(200 + $0) })
    }

    @Test("a full name is found in any case", arguments: ["Michael Little said so", "as michael little put it", "MICHAEL LITTLE"])
    func fullName(text: String) throws {
        let found = try matches(text)
        #expect(found.count == 1)
        #expect(found.first?.lowercased() == "michael little")
    }

    @Test("a surname written as a name is found", arguments: [
        "We agreed with Little on this.", "Brown's point stood.", "As Dr Ball argued, targets distort.",
        "Ms Keen sent a paper.", "the view of Prof. Randle", "Little’s framework was cited.",
    ])
    func surnameAsName(text: String) throws {
        #expect(try matches(text).count == 1, "nothing found in: \(text)")
    }

    @Test("ordinary words are not flagged", arguments: [
        "There was little agreement on brown-field sites.", "Keen interest in the ball being dropped.",
        "Little is known about long-term effects.", "Brown envelopes were mentioned.",
        "We should collaborate more.", "The ratio of staff to users matters.", "Collaborate with partners early.",
        "She was keen to measure impact; little changed.",
    ])
    func ordinaryWords(text: String) throws {
        #expect(try matches(text).isEmpty, "flagged in: \(text)")
    }

    @Test("names and organisations are found without their accents or apostrophes")
    func plainSpellings() throws {
        var session = try session(with: [
            "Jose Lopez Garcia raised it.", "As Garcia said.", "OBrien and O Brien and O’Brien agreed.",
            "Nga Tangata Microfinance funds it.", "Fundacion Avina too.",
        ])
        let people = [("José López García", "Ngā Tāngata Microfinance"), ("Siobhán O'Brien", "Fundación Avina")]
        for (offset, person) in people.enumerated() {
            try session.apply(.attendeeAdded(attendee: Attendee(id: EntityID(150 + offset), name: person.0, organisation: person.1)))
        }
        let found = DisclosureCheck.findings(in: session).map(\.matched)
        #expect(found.contains("Jose Lopez Garcia") && found.contains("Garcia"), "\(found)")
        #expect(found.contains("OBrien") && found.contains("O Brien") && found.contains("O’Brien"), "\(found)")
        #expect(found.contains("Nga Tangata Microfinance") && found.contains("Fundacion Avina"), "\(found)")
    }

    @Test("another person's full name that shares a part with an attendee's is no finding; the attendee's own still is", arguments: [
        ("Michael Gove spoke on television about it.", [String]()), ("As Milton Little argued in 1962.", []),
        ("The economist Adrian Smith was quoted.", []), ("Michael said so.", ["Michael"]), ("Dr Little agreed.", ["Little"]),
        ("When Little spoke, we listened.", ["Little"]), ("We heard from Michael Little.", ["Michael Little"]),
    ])
    func otherPeople(text: String, expected: [String]) throws {
        #expect(try matches(text) == expected, "\(text)")
    }

    @Test("an organisation is found as it writes itself")
    func organisations() throws {
        #expect(try matches("RATIO published a framework.") == ["RATIO"])
        #expect(try matches("The work by Collaborate was useful.") == ["Collaborate"])
        #expect(try matches("Staff at GO Lab and DCMS agreed.") == ["GO Lab", "DCMS"])
        #expect(try matches("Cares Family volunteers.") == ["Cares Family"])
        #expect(try matches("The Office for Civil Society view.") == ["Office for Civil Society"])
    }

    @Test("a full name is reported once, not again as a surname")
    func fullNameOnce() throws {
        let findings = DisclosureCheck.findings(in: try session(with: ["Michael Little and later Little again"]))
        #expect(findings.map(\.matched) == ["Michael Little", "Little"])
        #expect(findings.map(\.reason) == [.fullName, .surname])
        #expect(findings[0].attendees == ["Michael Little"])
    }

    @Test("findings point at their place, and acknowledged ones drop out")
    func locationsAndAcknowledgement() throws {
        var session = try session(with: ["Nothing here.", "As Brown argued, outcomes matter."])
        try session.apply(.topicAdded(topic: DivergenceTopic(
            id: EntityID(300), title: "Outcomes", perspectives: ["A", "B"], dimensions: ["Defined"],
            cells: [["Per person", "RATIO's common measures"]]
        )))
        let findings = DisclosureCheck.findings(in: session)
        #expect(findings.map(\.key) == ["point-201:brown", "topic-300/cell-1-2:ratio"])
        #expect(findings[1].location.entity == EntityID(300))

        try session.apply(.findingAcknowledged(key: "point-201:brown"))
        #expect(DisclosureCheck.unacknowledged(in: session).map(\.key) == ["topic-300/cell-1-2:ratio"])
    }

    @Test("findings name their place as the screen shows it: item, point number, opening words")
    func placesAsPeopleSeeThem() throws {
        var session = try session(with: [])
        try session.apply(.pointAdded(point: Fixtures.point(201, .note, "Nothing here.", item: 3)))
        try session.apply(.pointAdded(point: Fixtures.point(202, .note, "Brown argued that targets distort what is measured.", item: 3)))
        let finding = try #require(DisclosureCheck.findings(in: session).first)
        #expect(finding.location.label == "item 3 · point 2 · ‘Brown argued that targets d…’")
        #expect(finding.key == "point-202:brown", "the key stays what acknowledgements were stored under")
    }

    @Test("the title and purpose are checked when the whole session is under the Rule, not when part of it is")
    func sessionHeading() throws {
        var session = try session(with: [])
        var details = session.details
        details.purpose = "Following up Michael Little's framework."
        try session.apply(.detailsChanged(details: details))
        #expect(DisclosureCheck.findings(in: session).map(\.location.label) == ["session purpose"])
        #expect(DisclosureCheck.findings(in: session).map(\.key) == ["session/purpose:michael-little"])

        var talk = try #require(session.agenda[EntityID(2)])
        talk.chathamHouse = false
        try session.apply(.itemChanged(item: talk))
        #expect(DisclosureCheck.findings(in: session).isEmpty, "an attributed talk may be named in the purpose")
    }

    @Test("hosts named as hosts in the heading are no finding; the same organisation named in a point still is")
    func hostsInTheHeading() throws {
        var session = try session(with: ["Collaborate argued for relational approaches."])
        var details = session.details
        details.hosts = ["Collaborate", "GO Lab"]
        details.purpose = "Hosted by Collaborate and GO Lab, following up Michael Little's framework."
        try session.apply(.detailsChanged(details: details))
        let found = DisclosureCheck.findings(in: session)
        #expect(found.filter { $0.location.isSessionHeading }.map(\.matched) == ["Michael Little"], "\(found.map(\.matched))")
        #expect(found.contains { !$0.location.isSessionHeading && $0.matched == "Collaborate" })
    }

    @Test("without a word list every name-like word counts: more to review, nothing missed")
    func noWordList() throws {
        let session = try session(with: ["Little is known about this."])
        #expect(DisclosureCheck.findings(in: session).isEmpty)
        #expect(DisclosureCheck.findings(in: session, words: WordList(paths: ["/nonexistent/words"])).map(\.matched) == ["Little"])
    }

    @Test("the system word list is installed, so ordinary words are known")
    func systemWordList() {
        #expect(!WordList.system.isEmpty, "install Debian's wbritish (see README)")
        #expect(WordList.system.isOrdinary("little") && WordList.system.isOrdinary("Trounce"))
        #expect(!WordList.system.isOrdinary("Gateshead") && !WordList.system.isOrdinary("Nigel"))
    }

    @Test("the list looked up as bytes answers for every line of the system's lists as a set of its lower-case words would")
    func bytesAnswerAsWords() throws {
        var expected = Set<String>()
        var lines: [String] = []
        for path in WordList.systemPaths {
            guard let data = FileManager.default.contents(atPath: path) else { continue }
            for line in String(decoding: data, as: UTF8.self).split(whereSeparator: \.isNewline) {
                lines.append(String(line))
                if line.first?.isLowercase == true && !line.hasSuffix("'s") { expected.insert(String(line)) }
            }
        }
        try #require(!lines.isEmpty, "install Debian's wbritish (see README)")
        let list = WordList.system
        let wrong = lines.filter { list.isOrdinary($0) != expected.contains($0.lowercased()) }
        #expect(wrong.isEmpty, "answered otherwise for \(wrong.prefix(10))")
        // Any case of an ordinary word is ordinary; a proper noun, a possessive or a stranger is not.
        #expect(list.isOrdinary("LITTLE") && list.isOrdinary("Keen"))
        #expect(!list.isOrdinary("Nigel") && !list.isOrdinary("zanzibarian") && !list.isOrdinary("little's") && !list.isOrdinary(""))
    }

    @Test("a list of given words keeps only what it was given, in any case, accents and all")
    func givenWords() {
        let list = WordList(words: ["élan", "Keen", "o'clock"])
        #expect(list.isOrdinary("Élan") && list.isOrdinary("keen") && list.isOrdinary("O'Clock"))
        #expect(!list.isOrdinary("ela") && !list.isOrdinary("keens"))
    }
}
