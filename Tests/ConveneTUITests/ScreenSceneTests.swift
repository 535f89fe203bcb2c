import ConveneTUI
import Testing

/// A screen that keeps a log of what it heard: a key asks to save it; saving says "saved", which
/// the screen answers by asking to write the notes.
private struct LogScreen: Screen {
    static let minimumSize = (width: 10, height: 3)
    var heard: [String] = []

    enum Effect: Equatable { case save(String), writeNotes, close }
    enum Outcome: Equatable { case saved(String), notesWritten, refused(String) }

    mutating func update(_ message: Message<Outcome>, in world: Int) -> [Effect] {
        switch message {
        case .key(.character("q")): return [.close]
        case .key(.character(let character)):
            heard.append("typed \(character)")
            return [.save(String(character))]
        case .outcome(.saved(let text)):
            heard.append("saved \(text)")
            return [.writeNotes]
        case .outcome(.notesWritten):
            heard.append("notes")
        case .outcome(.refused(let why)):
            heard.append("refused: \(why)")
        default:
            break
        }
        return []
    }

    func render(_ world: Int, into frame: inout Frame) {
        frame.put(heard.last ?? "nothing yet", row: 0, column: 0)
    }
}

private final class LogEffects: EffectPerformer {
    var world = 0
    var refuse = false
    var performed: [LogScreen.Effect] = []

    func perform(_ effect: LogScreen.Effect, on screen: LogScreen) -> Performed<LogScreen.Outcome> {
        performed.append(effect)
        switch effect {
        case .save(let text): return refuse ? .refused(.refused("disk full")) : .done([.saved(text)])
        case .writeNotes: return .done([.notesWritten])
        case .close: return .then(.close, [])
        }
    }
}

@Suite("The scene driver")
struct ScreenSceneTests {
    @Test("every effect is performed and its outcome fed back; what the outcome asks for is performed in turn")
    func outcomesFeedBack() {
        let performer = LogEffects()
        let scene = ScreenScene(screen: LogScreen(), performer: performer)
        guard case .stay = scene.receive(.key(.character("a"))) else { Issue.record("a key that saves closed the screen"); return }
        #expect(performer.performed == [.save("a"), .writeNotes])
        #expect(scene.screen.heard == ["typed a", "saved a", "notes"])
        #expect(scene.render(width: 20, height: 3).lines.first?.hasPrefix("notes") == true)
    }

    @Test("a refused effect puts the screen back as it was before the message, then says why")
    func refusedRollsBack() {
        let performer = LogEffects()
        let scene = ScreenScene(screen: LogScreen(), performer: performer)
        _ = scene.receive(.key(.character("a")))
        performer.refuse = true
        _ = scene.receive(.key(.character("b")))
        #expect(scene.screen.heard == ["typed a", "saved a", "notes", "refused: disk full"])
    }

    @Test("an effect that closes the screen is the scene's transition")
    func transition() {
        let scene = ScreenScene(screen: LogScreen(), performer: LogEffects())
        guard case .close = scene.receive(.key(.character("q"))) else { Issue.record("q did not close"); return }
    }

    @Test("the home screen asks to list the sessions again when a session opened over it closes")
    func homeReloadsOnReturn() {
        var home = HomeScreen(today: "2026-04-02")
        #expect(home.update(.returned, in: HomeWorld(sessions: [], templates: [], folder: "/x")) == [.reload])
    }
}
