import ConveneCore
import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#endif

@Suite("convene show", .serialized)
struct ShowTests {
    private func handEdited(in convene: ConveneProcess) throws -> String {
        let source = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("ConveneTUITests/Fixtures/hand-edited-notes.md")
        let copy = convene.home.appendingPathComponent("received by email.md")
        try Data(contentsOf: source).write(to: copy)
        return copy.path
    }

    @Test("piped, a hand-edited notes file comes out plain and within the width")
    func piped() throws {
        let convene = try ConveneProcess()
        defer { convene.cleanUp() }
        let shown = try convene.run(["show", try handEdited(in: convene), "--width", "72"])
        #expect(shown.status == 0, "\(shown.stderr)")
        #expect(!shown.stdout.contains("\u{1B}"))
        #expect(shown.stdout.contains("Importance of context") && shown.stdout.contains("│ Measured │"))
        #expect(shown.stdout.split(separator: "\n").allSatisfy { $0.count <= 72 })
        let missing = try convene.run(["show", convene.home.appendingPathComponent("absent.md").path])
        #expect(missing.status == 1 && missing.stderr.contains("absent.md: no such file"))
        #expect(!missing.stderr.contains("Usage:"), "a missing file is not a mistake in the arguments")
    }

    @Test("notes Convene wrote itself show with their tables")
    func ownNotes() throws {
        let convene = try ConveneProcess()
        defer { convene.cleanUp() }
        let folder = try convene.newSessionFolder(title: "Learning")
        try convene.run(["add", "2026", "attendee", "Rob Pollock", "--org", "Social Finance", "--role", "chair"])
        let shown = try convene.run(["show", folder + "/notes.md", "--width", "80"])
        #expect(shown.stdout.contains("│ Rob Pollock │ Social Finance │ Chair │"))
        #expect(shown.stdout.contains("Held under the Chatham House Rule."))
    }

    @Test("on a terminal it is styled and fits the terminal's width")
    func styled() throws {
        let convene = try ConveneProcess()
        defer { convene.cleanUp() }
        let file = try handEdited(in: convene)
        let tmux = try Tmux.convene(["show", file], for: convene)
        try tmux.waitFor("Importance of context")
        let styled = try tmux.tmux(["capture-pane", "-e", "-p", "-t", tmux.name])
        #expect(styled.contains("\u{1B}[1m") || styled.contains("\u{1B}[1;"))
        #expect(try tmux.screen().contains("┌"))
    }
}
