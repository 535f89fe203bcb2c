import ConveneCore
import Testing

/// The disclosure check over sentences written the way note-takers attribute, and the way ordinary
/// prose happens to use the same words, with the seed roundtable's 37 people and organisations.
/// The README quotes the figures these tests hold.
@Suite("Disclosure check over the seed roundtable's people")
struct DisclosureCorpusTests {
    /// The seed note's attendee list, apologies included (naming them identifies them too), with
    /// the alias a note-taker would add for someone everyone calls by a nickname.
    static let people: [(name: String, organisation: String, aliases: [String]?)] = [
        ("Rob Pollock (Chair)", "Social Finance", nil), ("Adam Lent", "NLGN", nil), ("Adrian Brown", "CPI", nil),
        ("Alex Smith", "The Cares Family", nil), ("Andreea Anastasiu", "GO Lab", nil), ("Andy Brogan", "Easier Inc", nil),
        ("Anna Randle", "Collaborate", nil), ("Benjamin Taylor", "Red Quadrant/Commissioning Academy", ["Ben"]),
        ("Ben Hartridge", "Dartington Service Design Lab", nil), ("Bethia McNeil", "Centre for Youth Impact", nil),
        ("Clare Fitzgerald", "GO Lab", nil), ("Dawn Plimmer", "Collaborate", nil), ("Deon Simpson", "Dartington Service Design Lab", nil),
        ("Eleanor Carter", "GO Lab", nil), ("Emily Sun", "Black Thrive", nil), ("Gary Wallace", "Plymouth City Council", nil),
        ("Jasmin Keeble", "Office for Civil Society, DCMS", nil), ("Jenni Lloyd", "Nesta", nil), ("Jo Blundell", "GO Lab", ["Jo"]),
        ("Joel Trounce", "iMPOWER", nil), ("John Burgoyne", "Centre for Public Impact", nil),
        ("Laura Venning", "National Lottery Community Fund", nil), ("Mark Smith", "Gateshead Council", nil),
        ("Martin Pratt", "Camden Council", nil), ("Michael Little", "RATIO", nil), ("Nick Davies", "Institute for Government", nil),
        ("Nigel Ball", "GO Lab", nil), ("Noel Hatch", "Camden Council", nil), ("Oliver French", "Lankelly Chase", nil),
        ("Pete Babudu", "Youth Endowment Fund / Blagrove Trust", nil), ("Tim Hobbs", "Dartington Service Design Lab", nil),
        ("Toby Lowe", "Newcastle Business School", ["Tobes"]), ("Axel Heitmueller", "Imperial College Health Partners", nil),
        ("Gen Maitland-Hudson", "Social Investment Business", nil), ("Ruth Alleyne", "Sport England", nil), ("Tris Lumley", "NPC", nil),
        ("Val Keen", "Office for Civil Society, DCMS", nil),
    ]

    /// Each sentence attributes to someone on the list; the second value is the words that must be
    /// found (each in its own form: surname, first name, acronym, written-out name, head word…).
    static let attributions: [(String, String)] = [
        ("Trounce suggested that targets distort practice.", "Trounce"),
        ("Hatch noted the role of elected members.", "Hatch"),
        ("Maitland-Hudson set out the case for learning.", "Maitland-Hudson"),
        ("The view from Gateshead was quite different.", "Gateshead"),
        ("We thanked Nigel for framing the question.", "Nigel"),
        ("As Jenni said, learning has to come first.", "Jenni"),
        ("The Government Outcomes Lab has studied this for years.", "Government Outcomes Lab"),
        ("Collaborate and GO Lab hosted the call.", "Collaborate"),
        ("Little argued for outcomes defined in common.", "Little"),
        ("According to Brown, measurement still matters.", "Brown"),
        ("Keen put it bluntly: targets are blunt tools.", "Keen"),
        ("Ball, however, disagreed with the framing.", "Ball"),
        ("Lent's view was that councils should lead.", "Lent"),
        ("French observed that trust takes years to build.", "French"),
        ("Dr Sun described a community programme.", "Sun"),
        ("Mark said the council had dropped its targets.", "Mark"),
        ("Funding from Blagrove supports this kind of work.", "Blagrove"),
        ("The Dartington team described their service design work.", "Dartington"),
        ("Someone from Plymouth explained how their council works.", "Plymouth"),
        ("NLGN published a report on this last year.", "NLGN"),
        ("New Local Government Network research was cited.", "New Local Government Network"),
        ("The IfG has written widely on accountability.", "IfG"),
        ("New Philanthropy Capital guidance was mentioned.", "New Philanthropy Capital"),
        ("SIB funds were discussed as an example.", "SIB"),
        ("Randle warned against gaming the measures.", "Randle"),
        ("as michael little put it, context is everything", "michael little"),
        ("Oliver's point about trust stood out.", "Oliver"),
        ("Pollock opened the discussion with a question.", "Pollock"),
        ("The Lankelly approach to funding was mentioned.", "Lankelly"),
        ("Someone at Nesta disagreed strongly.", "Nesta"),
        ("At Collaborate, the emphasis is on relationships.", "Collaborate"),
        ("Smith argued that councils lead on place.", "Smith"),
        ("Dawn asked how success is defined.", "Dawn"),
        ("The Camden experience of relational practice was described.", "Camden"),
        ("Easier's approach was contrasted with commissioning.", "Easier"),
        ("Imperial's partners were cited as an example.", "Imperial"),
        ("Rob thanked everyone for coming.", "Rob"),
        ("Lowe has written about complexity for years.", "Lowe"),
        ("The Department for Digital, Culture, Media and Sport sent a note.", "Digital, Culture, Media and Sport"),
        ("Tobes made the case for human learning systems.", "Tobes"),
        ("Carter said that evidence should travel.", "Carter"),
        ("That is not the whole story, noted Hatch.", "Hatch"),
        ("We asked Little whether it could scale.", "Little"),
        ("Hobbs' evaluation was the example given.", "Hobbs"),
        ("Jo pointed out that funders want certainty.", "Jo"),
        ("The Centre for Youth Impact framework came up.", "Centre for Youth Impact"),
        ("CYI's framework came up again.", "CYI"),
        ("Ms Keeble explained the department's position.", "Keeble"),
        ("Thanks to Sport England for the example.", "Sport England"),
        ("Ben, who chairs the group, summed up.", "Ben"),
        ("A view from iMPOWER was that demand can be managed.", "iMPOWER"),
        ("Nick shared an example from Whitehall.", "Nick"),
    ]

    /// Ordinary prose using the same words as words: none of these names anyone.
    static let ordinary: [String] = [
        "Little is known about the long-term effects.",
        "Someone handed over a brown envelope.",
        "The Sun rose over a busy week for the sector.",
        "It is part of an impower-ment agenda.",
        "Keen observers of the sector noticed a shift.",
        "Keen interest in the ball being dropped was clear.",
        "French practice differs on targets.",
        "Lent is a time of restraint for some.",
        "Hatch a plan before the next meeting.",
        "Trounce is a strong word for what happened.",
        "A smith forges tools; a manager forges targets.",
        "Mark the date for the next roundtable.",
        "Dawn broke before the report was finished.",
        "Rob Peter to pay Paul, as the saying goes.",
        "The ratio of staff to users matters.",
        "We should collaborate more across sectors.",
        "Collaborate with partners early and often.",
        "Imperial measures and metric ones differ.",
        "Easier said than done, as ever.",
        "Black and white thinking does not help here.",
        "Thrive is what we want for every family.",
        "Sport matters to young people.",
        "Social finance is a growing field.",
        "Red tape was raised as a barrier.",
        "Ball games and other activities for young people were mentioned.",
        "Brown-field sites were an example of place-based funding.",
        "A little learning goes a long way.",
        "Little changed after the last review.",
        "The Sun's heat was used as a metaphor for scrutiny.",
        "Centre stage was the question of trust.",
        "Gen Z participants were mentioned as a group to hear from.",
        "Martin Luther King was quoted on justice.",
        "Noel is a word heard at Christmas.",
        "John Lewis was cited as a partnership model.",
        "They tried to ball-park the cost.",
        "A keen sense of purpose was shared.",
        "Lent money comes with strings attached.",
        "The French approach to welfare was contrasted.",
        "Sun and rain were used as metaphors for funding cycles.",
        "Ratio analysis was described as a blunt tool.",
        "Smith is an old name for a metalworker.",
        "Nick of time is when the funding arrived.",
        "The national lottery of postcode provision came up.",
        "Outcomes should be defined by each person who uses a service.",
        "Public value needs some collectively defined outcomes.",
        "Evidence based practice was contrasted with bespoke by default.",
    ]

    private static func session(with text: String) throws -> Session {
        var session = Fixtures.created()
        for (offset, person) in people.enumerated() {
            let attendee = Attendee(id: EntityID(100 + offset), name: person.name, organisation: person.organisation, aliases: person.aliases)
            try session.apply(.attendeeAdded(attendee: attendee))
        }
        try session.apply(.pointAdded(point: Fixtures.point(500, .note, text)))
        return session
    }

    @Test("the table is as large as the README says")
    func tableSize() {
        #expect(Self.people.count == 37)
        #expect(Self.attributions.count >= 40)
        #expect(Self.ordinary.count >= 40)
    }

    @Test("every attribution is found", arguments: attributions)
    func attribution(sentence: String, expected: String) throws {
        let found = DisclosureCheck.findings(in: try Self.session(with: sentence)).map(\.matched)
        #expect(found.contains(expected), "‘\(expected)’ not found in: \(sentence) (found \(found))")
    }

    @Test("no ordinary sentence raises a finding", arguments: ordinary)
    func noFalseAlarm(sentence: String) throws {
        let found = DisclosureCheck.findings(in: try Self.session(with: sentence))
        #expect(found.isEmpty, "flagged \(found.map { "‘\($0.matched)’ (\($0.identifies))" }) in: \(sentence)")
    }
}
