import ConveneCore
import ConveneTUI
import Testing

/// The key map is a value each screen is handed: a remapped key works on every screen and overlay
/// it belongs to, closes what it opened, and is the one every message names.
@Suite("The key map")
struct KeyMapTests {
    @Test("as shipped, no key does two things on any screen or overlay")
    func standardIsConsistent() throws {
        _ = try KeyMap(remapping: [:])
    }

    @Test("a remapped agenda key opens the agenda and closes it again; the old key does neither")
    func agendaClosesOnItsKey() throws {
        let harness = try Harness(width: 110, keys: try KeyMap(remapping: [.agenda: .character("O")]))
        harness.press(.character("O"))
        #expect(harness.screen.contains("Projected end"))
        harness.press(.character("o"))
        #expect(harness.screen.contains("Projected end"), "o closed the agenda it no longer opens")
        #expect(harness.screen.contains("o does nothing here; Esc goes back"))
        harness.press(.character("O"))
        #expect(!harness.screen.contains("Projected end"))
        #expect(harness.screen.contains("O agenda"))
    }

    @Test("with quit on Q: q in the help or an overlay closes it and never quits; Q closes them too, then quits")
    func remappedQuit() throws {
        let harness = try Harness(keys: try KeyMap(remapping: [.quit: .character("Q")]))
        harness.press(.character("?"), .character("q"))
        #expect(!harness.screen.contains(" Keys ") && !harness.program.isFinished)
        harness.press(.character("A"))
        #expect(harness.screen.contains("Attendees"))
        harness.press(.character("Q"))
        #expect(!harness.screen.contains("No one yet") && !harness.program.isFinished)
        harness.press(.character("q"))
        #expect(!harness.program.isFinished, "q still quits")
        #expect(harness.screen.contains("q does nothing here; ? shows the keys"))
        harness.press(.character("Q"))
        #expect(harness.program.isFinished)
    }

    @Test("remapped moves work in every list: the agenda, the help, the attendees")
    func sharedMoves() throws {
        let keys = try KeyMap(remapping: [.selectNext: .character("y"), .selectPrevious: .character("Y")])
        #expect(KeyMap.action(for: .character("y"), in: keys.agenda) == .selectNext)
        #expect(KeyMap.action(for: .down, in: keys.agenda) == .selectNext, "the arrow was lost")
        #expect(KeyMap.action(for: .character("j"), in: keys.agenda) == nil)
        #expect(KeyMap.action(for: .character("Y"), in: keys.help) == .lineUp)
        #expect(KeyMap.action(for: .character("y"), in: keys.reader) == .lineDown)
        #expect(keys.listMarks == (up: "Y", down: "y"))
    }

    @Test("messages name the keys as remapped: undo, add, the help")
    func messagesReadTheMap() throws {
        let keys = try KeyMap(remapping: [.undo: .character("U"), .add: .character("+"), .help: .character("H")])
        let harness = try Harness(keys: keys)
        harness.press(.character("n"))
        #expect(harness.screen.contains("Press + to add one"))
        harness.press(.character("+"))
        harness.type("A point")
        harness.press(.enter, .character("k"), .character("d"))
        #expect(harness.screen.contains("(U to undo)"))
        harness.press(.character("?"))
        #expect(harness.screen.contains("? does nothing here; H shows the keys"))
        harness.press(.character("H"), .character("G"))
        #expect(harness.screen.contains("Esc, q, H or any other key closes it"))
    }

    @Test("a remapping that makes one key do two things anywhere is refused, naming the key, both and where",
          arguments: [
              ([LiveAction.selectPrevious: Key.character("v")], "v would do both ‘look at the selected item without starting it’", "agenda"),
              ([.add: .character("P")], "P would do both ‘add’", "on a divergence item"),
              ([.help: .character("N")], "N would do both", "on the home screen"),
              ([.undo: .character("n")], "n would do both ‘next’ and ‘undo’", "on a divergence item"),
          ])
    func conflictsRefused(overrides: [LiveAction: Key], message: String, place: String) {
        #expect { try KeyMap(remapping: overrides) } throws: { error in
            "\(error)".contains(message) && "\(error)".contains(place)
        }
    }
}
