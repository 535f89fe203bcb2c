import Foundation
import Testing

/// `$XDG_CONFIG_HOME/convene/config.toml`: settings a facilitator keeps, and mistakes in it named.
@Suite("The config file", .serialized)
struct ConfigurationTests {
    private func write(_ text: String, for convene: ConveneProcess) throws {
        let folder = convene.home.appendingPathComponent("config/convene", isDirectory: true)
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try text.write(to: folder.appendingPathComponent("config.toml"), atomically: true, encoding: .utf8)
    }

    @Test("the default template for new and the default export format come from the file")
    func defaults() throws {
        let convene = try ConveneProcess()
        defer { convene.cleanUp() }
        try write("""
            [new]
            template = "seminar"

            [export]
            format = "csv"
            """, for: convene)
        let created = try convene.run(["new", "--title", "Configured", "--date", "2026-05-01"])
        #expect(created.status == 0, "\(created.stderr)")
        let folder = created.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        let journal = try String(contentsOfFile: folder + "/session.jsonl", encoding: .utf8)
        #expect(journal.contains("\"template\":\"seminar\""))
        let exported = try convene.run(["export", folder, "--no-pager"])
        #expect(exported.stdout.hasPrefix("kind,theme,subtheme,item"), "\(exported.stdout)")
        // An option still wins over the file.
        let markdown = try convene.run(["export", folder, "--format", "md", "--no-pager"])
        #expect(markdown.stdout.hasPrefix("---"))
    }

    @Test("mistakes are errors that name the file and the setting: a misspelt key, a wrong value, bad TOML, a key doing two things")
    func mistakes() throws {
        let convene = try ConveneProcess()
        defer { convene.cleanUp() }
        let cases: [(String, String)] = [
            ("[alerts]\nbefor = 2\n", "alerts.befor is not a setting; [alerts] takes before, bell, flash"),
            ("[alerts]\nbell = \"loud\"\n", "alerts.bell is not true or false"),
            ("[export]\nformat = \"odt\"\n", "export.format is ‘odt’; give one of md, csv, html, pdf, docx"),
            ("[keys]\nagenda = \"n\"\n", "n would do both ‘next’ and ‘agenda’"),
            ("[keys]\nagenda = \"Ctrl-O\"\n", "keys.agenda is ‘Ctrl-O’; give one character"),
            // Esc gets out of every screen and field: a map that takes it for quit would trap them.
            ("[keys]\nquit = \"\\u001b\"\n", "‘quit’ cannot be ␛: give a printable character"),
            ("[keys]\nhelp = \"\\u007f\"\n", "‘help’ cannot be ␡: give a printable character"),
            ("[colour\nenabled = false\n", "config.toml:1:"),
            ("[colour]\naccent = \"teal\"\n", "colour.accent is ‘teal’; give a colour: default, black, red"),
            ("[colour]\ndanger = 300\n", "colour.danger is ‘300’; give a colour"),
            ("[colour]\nbackground = \"black\"\n", "colour.background is not a setting; [colour] takes enabled, accent, badge, danger"),
        ]
        for (text, message) in cases {
            try write(text, for: convene)
            let result = try convene.run(["new", "--template", "roundtable", "--title", "T", "--date", "2026-05-01"])
            #expect(result.status != 0, "\(text)")
            #expect(result.stderr.contains(message), "\(text): \(result.stderr)")
            #expect(result.stderr.contains("config.toml"), "\(result.stderr)")
        }
    }

    @Test("a live key given another character in [keys]: the new one works, the old one no longer does, the hints show it",
          .enabled(if: Tmux.available || ProcessInfo.processInfo.environment["CI"] == "true"))
    func remappedKey() throws {
        let convene = try ConveneProcess()
        defer { convene.cleanUp() }
        try write("[keys]\nagenda = \"O\"\nhelp = \"H\"\nquit = \"Q\"\nundo = \"U\"\n", for: convene)
        let folder = try convene.newSessionFolder(title: "Keys", date: "2026-05-01")
        let tmux = try Tmux.convene(["run", folder], for: convene,
                                    environment: ["XDG_CONFIG_HOME": convene.home.appendingPathComponent("config").path])
        try tmux.waitFor("CHATHAM HOUSE RULE")
        try tmux.send("o")
        // The message names the help key as remapped, not "?".
        try tmux.waitFor("o does nothing here; H shows the keys")
        try tmux.press("O", until: "Projected end")
        // The agenda closes on the key that opened it, as remapped: `o` is nothing here.
        try tmux.press("o", until: "o does nothing here; Esc goes back")
        try tmux.press("O", until: "O agenda")
        #expect(try !tmux.screen().contains("Projected end"))
        // The help closes on q (it is not the quit key here) and never quits; Q closes it too.
        try tmux.press("H", until: "Keys")
        try tmux.press("q", until: "O agenda")
        #expect(try !tmux.exited())
        // What names undo names U.
        try tmux.send("a")
        try tmux.type("A point to take back")
        try tmux.press("Enter", until: "Saved")
        try tmux.press("k", "d", until: "(U to undo)")
        try tmux.send("Q")
        try tmux.waitForExit()
    }

    @Test("[colour] draws a role in another colour (the title bar blue, not cyan), and [new] template is where N starts on home",
          .enabled(if: Tmux.available || ProcessInfo.processInfo.environment["CI"] == "true"))
    func coloursAndHomeTemplate() throws {
        let convene = try ConveneProcess()
        defer { convene.cleanUp() }
        try write("[colour]\naccent = \"blue\"\n\n[new]\ntemplate = \"seminar\"\n", for: convene)
        let tmux = try Tmux.convene([], for: convene, environment: ["XDG_CONFIG_HOME": convene.home.appendingPathComponent("config").path])
        try tmux.waitFor("Convene · sessions")
        // The screen with its colours, as the terminal holds it: SGR 34 is blue, 36 cyan.
        let coloured = try tmux.tmux(["capture-pane", "-p", "-e", "-t", tmux.name])
        let foregrounds = Set(coloured.matches(of: /\u{1B}\[([0-9;]*)m/).flatMap { $0.1.split(separator: ";").map(String.init) })
        #expect(foregrounds.contains("34") && !foregrounds.contains("36"), "\(foregrounds)")
        try tmux.press("N", until: "choose a template")
        try tmux.press("Enter", until: "New Seminar")
        try tmux.send("Escape", "Escape", "q")
        try tmux.waitForExit()
    }
}
