import ConveneCore
import ConveneTUI
import Foundation
import Testing

@Suite("Chatham House review before the notes are written")
struct DisclosureReviewTests {
    /// Attendees, and two points that name one of them and an organisation.
    private func named() throws -> Harness {
        let harness = try Harness()
        harness.press(.character("A"), .character("a"))
        harness.type("Michael Little")
        harness.press(.enter)
        harness.type("RATIO")
        harness.press(.enter, .escape, .character("n"), .character("a"))
        harness.type("As Little argued, targets distort behaviour.")
        harness.press(.enter, .character("a"))
        harness.type("RATIO's framework was cited.")
        harness.press(.enter, .character("a"))
        harness.type("There was little appetite for league tables.")
        harness.press(.enter)
        return harness
    }

    @Test("w lists the findings first, each with its place and the text around it", .tags(.golden))
    func listing() throws {
        let harness = try named()
        harness.press(.character("w"))
        try expectSnapshot(harness.terminal.screen, named: "live-disclosure-80x24")
        #expect(harness.screen.contains("2 places may identify someone"))
        #expect(harness.backend.notesWritten == 0)
    }

    @Test("a finding is opened, fixed, and the review comes back; once clean, w writes")
    func fixing() throws {
        let harness = try named()
        harness.press(.character("w"), .enter)
        #expect(harness.screen.contains("edit note"))
        harness.press(.home)
        for _ in 0..<"As Little argued".count { harness.press(.delete) }
        harness.type("One participant argued")
        harness.press(.enter)
        #expect(harness.screen.contains("1 place may identify someone"))
        #expect(harness.backend.session.points.elements[0].text == "One participant argued, targets distort behaviour.")

        harness.press(.character("x"))
        #expect(harness.screen.contains("The one place found is acknowledged"), "acknowledged, not absent")
        #expect(harness.screen.contains("✓ acknowledged · item 1 · point 2"))
        #expect(harness.backend.session.acknowledgedFindings.count == 1)
        harness.press(.character("w"))
        #expect(harness.backend.notesWritten == 1)
        #expect(harness.screen.contains("✓ Notes written to"))
    }

    @Test("Enter on a finding in an earlier item goes there, leaving the agenda and its clock where they are")
    func goesToTheItem() throws {
        let harness = try named()
        harness.press(.character("n"))
        #expect(harness.screen.contains("2/4"))
        let running = harness.backend.session.currentItem?.id
        harness.press(.character("w"), .enter)
        #expect(harness.screen.contains("edit note"))
        #expect(harness.screen.contains("1/4  Welcome"), "the item the text was captured under is on screen")
        #expect(harness.screen.contains("looking · on 2"))
        harness.press(.escape, .escape)
        #expect(harness.screen.contains("As Little argued"), "the item's points are in view")
        #expect(harness.backend.session.currentItem?.id == running, "the agenda did not move")
        harness.press(.character("."))
        #expect(harness.screen.contains("2/4"))
        #expect(!harness.screen.contains("looking"))
    }

    @Test("[ and ] look at other items; points added there belong to them")
    func lookingAround() throws {
        let harness = try named()
        harness.press(.character("n"), .character("["))
        #expect(harness.screen.contains("1/4  Welcome"))
        harness.press(.character("a"))
        harness.type("A point remembered late.")
        harness.press(.enter)
        let late = try #require(harness.backend.session.points.elements.last)
        #expect(late.item == harness.backend.session.item(number: 1)?.id)
        harness.press(.character("]"))
        #expect(harness.screen.contains("2/4"))
        #expect(!harness.screen.contains("looking"))
    }

    @Test("without the rule, or with nothing found, w writes at once")
    func direct() throws {
        let harness = try Harness(chathamHouse: false)
        harness.press(.character("w"))
        #expect(harness.backend.notesWritten == 1)
        let clean = try Harness()
        clean.press(.character("w"))
        #expect(clean.backend.notesWritten == 1)
    }
}
