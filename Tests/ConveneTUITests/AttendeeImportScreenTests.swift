import ConveneCore
import ConveneTUI
import Foundation
import Testing

/// `I` in the attendees view: a registration list imported on screen, in one change.
@Suite("Importing attendees on screen")
struct AttendeeImportScreenTests {
    @Test("I, a file, Enter: everyone imported at once, apologies marked; u takes it all back")
    func importList() throws {
        let harness = try Harness()
        harness.backend.registrationLists["/lists/march.csv"] = RegistrationList(
            header: ["First name", "Surname", "Company", "Attendance"],
            rows: [["Anna", "Randle", "Collaborate", "Attending"], ["Noel", "Hatch", "Camden Council", "Attending"],
                   ["Tris", "Lumley", "NPC", "Declined"]])
        harness.press(.character("A"), .character("I"))
        #expect(harness.screen.contains("CSV file to import"))
        harness.type("/lists/march.csv")
        harness.press(.enter)
        #expect(harness.screen.contains("Imported 3 people, 1 with apologies"), "\(harness.screen)")
        #expect(harness.backend.session.attendees.elements.map(\.name) == ["Anna Randle", "Noel Hatch", "Tris Lumley"])
        #expect(harness.backend.session.attendees.elements.last?.apologies == true)
        harness.press(.character("I"))
        harness.type("/lists/march.csv")
        harness.press(.enter)
        #expect(harness.screen.contains("Nobody new"))
        harness.press(.escape, .character("u"))
        #expect(harness.backend.session.attendees.isEmpty)
    }

    @Test("headers that say nothing of names: the screen asks which column holds them")
    func asksForNameColumn() throws {
        let harness = try Harness()
        harness.backend.registrationLists["odd.csv"] = RegistrationList(header: ["Who", "Where"], rows: [["Anna Randle", "Collaborate"]])
        harness.press(.character("A"), .character("I"))
        harness.type("odd.csv")
        harness.press(.enter)
        #expect(harness.screen.contains("which column holds names? (Who, Where)"), "\(harness.screen)")
        harness.type("who")
        harness.press(.enter)
        #expect(harness.backend.session.attendees.elements.map(\.name) == ["Anna Randle"])

        harness.press(.character("I"))
        harness.type("missing.csv")
        harness.press(.enter)
        #expect(harness.screen.contains("Not imported: missing.csv: no such file"))
    }
}
