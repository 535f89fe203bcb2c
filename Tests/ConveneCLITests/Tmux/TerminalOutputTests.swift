import ConveneCore
import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// What the terminal is sent, measured in bytes rather than time: deterministic on a shared machine.
@Suite("Bytes sent to the terminal", .serialized)
struct TerminalOutputTests {
    /// Appends `count` points under the first agenda item, as a long session leaves its journal.
    private func grow(_ folder: String, by count: Int) throws {
        let journal = URL(fileURLWithPath: folder).appendingPathComponent("session.jsonl")
        let existing = try String(contentsOf: journal, encoding: .utf8).split(separator: "\n").count
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .iso8601
        let date = Date(timeIntervalSince1970: 1_775_124_000)
        var lines = Data()
        for index in 0..<count {
            let point = Point(id: EntityID(1_000 + index), kind: .note, text: "Point \(index): outcomes emerge from complex systems.",
                              item: EntityID(1), createdAt: date)
            lines.append(try encoder.encode(JournalRecord(seq: existing + index + 1, at: date, event: .pointAdded(point: point))))
            lines.append(0x0A)
        }
        let handle = try FileHandle(forWritingTo: journal)
        try handle.seekToEnd()
        try handle.write(contentsOf: lines)
        try handle.close()
    }

    @Test("typing a character sends a few dozen bytes, with 10,000 points in the session")
    func bytesPerCharacter() throws {
        let convene = try ConveneProcess()
        defer { convene.cleanUp() }
        let folder = try convene.newSessionFolder(title: "Long session")
        try grow(folder, by: 10_000)
        let tmux = try Tmux.convene(["run", folder], for: convene)
        try tmux.waitFor("CHATHAM HOUSE RULE", seconds: 30)
        try tmux.press("n", until: "Point 9999")
        try tmux.send("t") // pause the item clock, so only the session clock ticks
        try tmux.press("a", until: "Enter save")

        let captured = convene.home.appendingPathComponent("pane-output").path
        try tmux.tmux(["pipe-pane", "-t", tmux.name, "-o", "cat >> " + Tmux.quote(captured)])
        let typed = "abcdefghijklmnopqrst"
        try tmux.type(typed)
        try tmux.waitFor(typed)
        // Wait for the output to settle: the file stops growing.
        var size = -1
        let deadline = Date().addingTimeInterval(5)
        while Date() < deadline {
            let now = (try? FileManager.default.attributesOfItem(atPath: captured)[.size] as? Int) ?? 0
            if now == size && now > 0 { break }
            size = now
            Thread.sleep(forTimeInterval: 0.2)
        }
        try tmux.tmux(["pipe-pane", "-t", tmux.name])
        // 20 characters at a few dozen bytes each, with room for a clock tick or two.
        #expect(size > 0)
        print("bytes for \(typed.count) characters: \(size)")
        #expect(size < typed.count * 40 + 200, "\(size) bytes for \(typed.count) characters")
        try tmux.send("Escape", "q")
        try tmux.waitForExit()
    }

    @Test("colour by default, none under NO_COLOR, and a monochrome terminal still works")
    func colour() throws {
        let convene = try ConveneProcess()
        defer { convene.cleanUp() }
        let folder = try convene.newSessionFolder(title: "Colour")
        /// Whether the visible screen uses any foreground colour (SGR 30–37 or 38;…).
        func coloured(_ environment: [String: String]) throws -> Bool {
            let tmux = try Tmux.convene(["run", folder], for: convene, environment: environment)
            try tmux.waitFor("Colour")
            let styled = try tmux.tmux(["capture-pane", "-e", "-p", "-t", tmux.name])
            try tmux.send("q")
            try tmux.waitForExit()
            return styled.range(of: "\u{1B}\\[[0-9;]*(3[0-7]|38)[;m]", options: .regularExpression) != nil
        }
        #expect(try coloured([:]))
        #expect(try !coloured(["NO_COLOR": "1"]))
        #expect(try !coloured(["TERM": "vt100"]))
    }

    @Test("accents, CJK and emoji still work when the locale is not UTF-8")
    func nonUTF8Locale() throws {
        let convene = try ConveneProcess()
        defer { convene.cleanUp() }
        let folder = try convene.newSessionFolder(title: "Café 会議")
        let tmux = try Tmux.convene(["run", folder], for: convene, environment: ["LANG": "C", "LC_ALL": "C"])
        try tmux.waitFor("Café 会議")
        try tmux.send("n", "a")
        try tmux.type("Résumé 日本語 👍", until: "Résumé 日本語 👍")
        try tmux.saveAndQuit()
        #expect(try String(contentsOfFile: folder + "/notes.md", encoding: .utf8).contains("- Résumé 日本語 👍"))
    }
}
