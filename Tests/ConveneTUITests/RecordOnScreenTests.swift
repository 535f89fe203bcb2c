import ConveneCore
import ConveneTUI
import Foundation
import Testing

/// The parts of a real roundtable note that are captured on the live screen: the session's
/// details, where the Rule applies, sub-themes, a divergence table's lead-in, row header and
/// unnamed columns, and what a context is.
@Suite("Every part of the record, captured on screen")
struct RecordOnScreenTests {
    @Test("s opens the session details: title, a purpose of paragraphs and a list, hosts")
    func details() throws {
        // Wide enough for the new title beside the rule badge and the projected end.
        let harness = try Harness(width: 100)
        harness.press(.character("s"))
        #expect(harness.screen.contains("Session details"))
        #expect(harness.screen.contains("Learning and accountability"))
        harness.press(.character("j"), .enter)
        #expect(harness.screen.contains("purpose"))
        harness.type("To explore the tension between proving value and learning.")
        harness.press(.control("j"), .control("j"))
        harness.type("- who is accountable")
        harness.press(.control("j"))
        harness.type("- to whom")
        harness.press(.enter)
        #expect(harness.backend.session.details.purpose == "To explore the tension between proving value and learning.\n\n- who is accountable\n- to whom")
        #expect(harness.screen.contains("Session details"), "the prompt closes back to the details")
        #expect(harness.screen.contains("- who is accountable"))

        harness.press(.character("j"), .enter)
        harness.type("Collaborate, GO Lab")
        harness.press(.enter)
        #expect(harness.backend.session.details.hosts == ["Collaborate", "GO Lab"])

        harness.press(.character("g"), .enter, .control("u"))
        harness.type("Learning and accountability roundtable")
        harness.press(.enter)
        #expect(harness.backend.session.details.title == "Learning and accountability roundtable")
        harness.press(.escape)
        #expect(harness.screen.contains("Convene · Learning and accountability roundtable"))
    }

    @Test("the Rule is set per item in the details, and the item line says which part is under it")
    func rulePerItem() throws {
        let harness = try Harness()
        harness.press(.character("s"), .character("G"))
        #expect(harness.screen.contains("(as the session)"))
        // The last item, then up to the first: item 1 is the welcome, an attributed talk here.
        harness.press(.character("k"), .character("k"), .character("k"), .character("r"))
        let first = try #require(harness.backend.session.item(number: 1))
        #expect(first.chathamHouse == false)
        #expect(harness.screen.contains("Item 1 is attributed"))
        harness.press(.escape)
        #expect(harness.screen.contains("1/4  attributed · Welcome"))
        #expect(harness.screen.contains("ATTRIBUTED"))
        harness.press(.character("n"), .character("n")) // starts the agenda, then on to item 2
        #expect(harness.screen.contains("2/4"))
        #expect(harness.screen.contains("2/4  under the Rule · "))
        #expect(harness.screen.contains("CHATHAM HOUSE RULE"))

        // Back to following the session: the item line stops saying it.
        harness.press(.character("s"), .character("j"), .character("j"), .character("j"), .character("j"), .character("r"))
        #expect(harness.backend.session.item(number: 1)?.chathamHouse == nil)
        harness.press(.escape)
        #expect(!harness.screen.contains("under the Rule · "))
    }

    @Test("S on a selected point takes its attribution away; the Rule refused says how many stand in the way, where, and how to clear them, whole")
    func attributionRemoved() throws {
        let harness = try Harness(width: 100, chathamHouse: false)
        harness.press(.character("n"), .character("S"))
        harness.type("Ana López")
        harness.press(.enter)
        harness.add("Outcomes funds need patient capital.")
        harness.add("Data sharing took a year.")
        #expect(harness.backend.session.points.elements.allSatisfy { $0.speaker == "Ana López" })
        // The first point: said by nobody now.
        harness.press(.character("g"), .character("S"), .control("u"), .enter)
        #expect(harness.screen.contains("✓ Attributed to nobody"))
        let points = harness.backend.session.points.elements
        #expect(points[0].speaker == nil && points[1].speaker == "Ana López")

        harness.press(.escape, .character("s"), .character("j"), .character("j"), .character("j"), .character("r"))
        let screen = harness.screen
        #expect(!harness.backend.session.details.chathamHouse)
        #expect(screen.contains("Not under the Rule: 2 attributions stand in the way (item 1 · presenter, item 1 · point 2)"), "\(screen)")
        #expect(screen.contains("select the point and press S, then Enter with the name cleared"), "\(screen)")
        #expect(screen.contains("clears the item's presenter"), "the refusal is cut off: \(screen)")
    }

    @Test("T takes a theme and a sub-theme; the screen groups points under both")
    func subthemes() throws {
        let harness = try Harness()
        harness.press(.character("n"), .character("T"))
        harness.type("How accountability should operate > Who is accountable to whom?")
        harness.press(.enter)
        harness.add("Democratic institutions hold ultimate accountability.")
        let point = try #require(harness.backend.session.points.elements.last)
        #expect(point.theme == "How accountability should operate")
        #expect(point.subtheme == "Who is accountable to whom?")
        #expect(harness.screen.contains("◆ How accountability should operate"))
        #expect(harness.screen.contains("◇ Who is accountable to whom?"))

        harness.press(.character("G"), .character("T"))
        #expect(harness.screen.contains("operate > Who is"), "opens on both, to edit")
        harness.press(.control("u"))
        harness.type("How accountability should operate > What is the ultimate goal?")
        harness.press(.enter)
        #expect(harness.backend.session.points.elements.last?.subtheme == "What is the ultimate goal?")
    }

    @Test("a divergence topic takes a lead-in, a row header and unnamed perspectives")
    func divergenceParts() throws {
        let agenda = [AgendaItem(id: EntityID(1), title: "Where we differ", phase: .divergence, minutes: 20)]
        let harness = try Harness(width: 100, height: 30, agenda: agenda)
        harness.press(.character("n"), .character("a"))
        harness.type("How end outcomes are defined, measured and used")
        harness.press(.enter, .enter) // an unnamed first perspective
        harness.press(.character("P"), .enter)
        harness.press(.character("D"))
        harness.type("...defined")
        harness.press(.enter)
        let topic = try #require(harness.backend.session.topics.elements.first)
        #expect(topic.perspectives == ["", ""])

        // Up to the lead-in, above the table.
        harness.press(.character("g"), .character("j"), .character("e"))
        #expect(harness.screen.contains("lead-in before the table"))
        harness.type("Contrasting perspectives, with two *major* caveats.")
        harness.press(.enter)
        #expect(harness.backend.session.topics.elements[0].description == "Contrasting perspectives, with two *major* caveats.")
        #expect(harness.screen.contains("Contrasting perspectives, with two"))

        // The header row's first cell is the row header.
        harness.press(.character("j"), .character("h"), .character("h"), .character("e"))
        #expect(harness.screen.contains("row header"))
        harness.type("How outcomes are...")
        harness.press(.enter)
        #expect(harness.backend.session.topics.elements[0].rowHeader == "How outcomes are...")
        #expect(harness.screen.contains("│ How ") && harness.screen.contains("are..."))
    }

    @Test("e on a context edits its name, then what it is; one rating shows as a value")
    func contextDescription() throws {
        let harness = try Harness(agenda: MemoryBackend.phaseAgenda)
        harness.press(.character("n"), .character("a"))
        harness.type("Homelessness support")
        harness.press(.enter)
        harness.type("4 2")
        harness.press(.enter)
        #expect(harness.screen.contains("U 4.0  C 2.0  n=1"), "no spread for one rating")
        harness.press(.character("e"), .enter)
        #expect(harness.screen.contains("what ‘Homelessness support’ is"))
        harness.type("Services for people sleeping rough.")
        harness.press(.enter)
        #expect(harness.backend.session.contexts.elements[0].description == "Services for people sleeping rough.")
        #expect(harness.screen.contains("Services for people sleeping rough."))
    }

    @Test("each context-assessment item shows the contexts rated under it")
    func contextsPerItem() throws {
        let agenda = [
            AgendaItem(id: EntityID(1), title: "Contexts before", phase: .contextAssessment, minutes: 10),
            AgendaItem(id: EntityID(2), title: "Contexts after", phase: .contextAssessment, minutes: 10),
        ]
        let harness = try Harness(agenda: agenda)
        harness.press(.character("n"), .character("a"))
        harness.type("Homelessness support")
        harness.press(.enter)
        harness.type("4 2")
        harness.press(.enter, .character("n"))
        #expect(harness.screen.contains("No contexts yet"), "the second item starts empty")
        harness.press(.character("a"))
        harness.type("Childhood vaccination")
        harness.press(.enter)
        harness.type("1 5")
        harness.press(.enter)
        #expect(harness.screen.contains("Childhood vaccination") && !harness.screen.contains("Homelessness support"))
        harness.press(.character("["))
        #expect(harness.screen.contains("Homelessness support") && !harness.screen.contains("Childhood vaccination"))
        #expect(harness.backend.session.contexts.elements.map(\.item) == [EntityID(1), EntityID(2)])
    }
}
