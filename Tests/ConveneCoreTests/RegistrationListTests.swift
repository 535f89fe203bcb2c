import ConveneCore
import Testing

/// Reading registration exports: the usual headers recognised, apologies told apart, duplicates
/// and blank rows left out.
@Suite("Registration lists")
struct RegistrationListTests {
    @Test("the usual headers of registration exports are recognised, whatever their case, accents and punctuation")
    func headers() {
        let eventbrite = RegistrationList(header: ["Order #", "First Name", "Surname", "Company", "Attendee Status"], rows: [])
        #expect(eventbrite.guessedColumns() == RegistrationList.Columns(firstName: 1, lastName: 2, organisation: 3, apologies: 4))
        let form = RegistrationList(header: ["Full name", "Organisation", "Role", "Apologies?"], rows: [])
        #expect(form.guessedColumns() == RegistrationList.Columns(name: 0, organisation: 1, role: 2, apologies: 3))
        let american = RegistrationList(header: ["NAME", "ORGANIZATION", "RSVP"], rows: [])
        #expect(american.guessedColumns() == RegistrationList.Columns(name: 0, organisation: 1, apologies: 2))
        #expect(!RegistrationList(header: ["Who", "Where"], rows: []).guessedColumns().hasName)
    }

    @Test("apologies: a yes under Apologies, the words for not coming under Attendance or Status, a no under RSVP")
    func apologies() {
        let rows = [["Ana", "yes"], ["Ben", ""], ["Cy", "no"]]
        let list = RegistrationList(header: ["Name", "Apologies"], rows: rows)
        let found = list.attendees(columns: list.guessedColumns(), existing: [], firstID: EntityID(10))
        #expect(found.attendees.map(\.apologies) == [true, false, false])
        #expect(found.attendees.map(\.id) == [EntityID(10), EntityID(11), EntityID(12)])

        let status = RegistrationList(header: ["Name", "Status"], rows: [["Ana", "Declined"], ["Ben", "Attending"], ["Cy", "Sent apologies"]])
        #expect(status.attendees(columns: status.guessedColumns(), existing: [], firstID: EntityID(1)).attendees.map(\.apologies)
            == [true, false, true])
        let rsvp = RegistrationList(header: ["Name", "RSVP"], rows: [["Ana", "No"], ["Ben", "Yes"]])
        #expect(rsvp.attendees(columns: rsvp.guessedColumns(), existing: [], firstID: EntityID(1)).attendees.map(\.apologies) == [true, false])
    }

    @Test("people already listed or listed twice are left out; rows without a name are reported, blank ones ignored")
    func duplicates() {
        let list = RegistrationList(header: ["Name", "Organisation", "Role"], rows: [
            ["Noel Hatch", "Camden Council", ""], ["Anna  Randle ", "Collaborate", "Facilitator"], ["NOEL HATCH", "", ""], ["", "", ""],
            ["", "An organisation alone", ""], ["José Núñez (speaker)", "", ""],
        ])
        let existing = [Attendee(id: EntityID(1), name: "Anna Randle")]
        let found = list.attendees(columns: list.guessedColumns(), existing: existing, firstID: EntityID(2))
        #expect(found.attendees.map(\.name) == ["Noel Hatch", "José Núñez"])
        #expect(found.attendees.last?.role == .speaker)
        #expect(found.duplicates == ["Anna Randle", "NOEL HATCH"])
        #expect(found.nameless == [5])
    }
}
