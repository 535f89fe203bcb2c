import Foundation
#if canImport(Glibc)
import Glibc
#endif
import Testing

@Suite("convene on the command line", .serialized)
struct CLITests {
    @Test("a whole roundtable from template to checked, exported notes")
    func roundtable() throws {
        let convene = try ConveneProcess()
        defer { convene.cleanUp() }
        let created = try convene.run(["new", "--template", "roundtable", "--title", "Learning & accountability", "--date", "2026-04-02",
                                       "--host", "Collaborate", "--host", "GO Lab", "--purpose", "Explore learning and accountability."])
        #expect(created.status == 0, "\(created.stderr)")
        let folder = created.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        #expect(folder == convene.sessions.appendingPathComponent("2026-04-02-learning-accountability").path)

        for arguments in [
            ["attendee", "Rob Pollock", "--org", "Social Finance", "--role", "chair"],
            ["attendee", "Michael Little", "--org", "RATIO"],
            ["attendee", "Tris Lumley", "--org", "NPC", "--apologies"],
            ["point", "Complex contexts need adaptive practice.", "--kind", "agreement", "--theme", "Importance of context", "--item", "4"],
            ["point", "There was little appetite for targets.", "--kind", "agreement", "--theme", "Limits of performance management"],
            ["point", "How might promising practice inform learning elsewhere?", "--kind", "question", "--item", "7"],
            ["context", "Homelessness support", "--uncertainty", "4", "--control", "2"],
            ["context", "Homelessness support", "--uncertainty", "5", "--control", "1"],
            ["context", "Childhood vaccination", "--uncertainty", "1", "--control", "5"],
        ] {
            let result = try convene.run(["add", "2026-04-02"] + arguments)
            #expect(result.status == 0, "\(arguments): \(result.stderr)")
        }

        let notes = try String(contentsOfFile: folder + "/notes.md", encoding: .utf8)
        #expect(notes.contains("# Learning \\& accountability"))
        #expect(notes.contains("### Importance of context\n\n- Complex contexts need adaptive practice."))
        #expect(notes.contains("| Homelessness support |  | 4.5 | 1.5 |"))
        #expect(notes.contains("(2 ratings)"))
        #expect(notes.contains("\n\n**How might promising practice inform learning elsewhere?**\n\n"))
        #expect(notes.contains("| Rob Pollock | Social Finance | Chair |"))
        #expect(notes.contains("## Apologies") && notes.contains("| Tris Lumley | NPC |"))

        let clean = try convene.run(["check", "2026-04-02"])
        #expect(clean.status == 0, "\(clean.stdout)")
        let exported = try convene.run(["export", "2026-04-02"])
        #expect(exported.status == 0)
        #expect(exported.stdout == notes)

        let listed = try convene.run(["list"])
        #expect(listed.stdout.contains("2026-04-02-learning-accountability  roundtable  Learning & accountability [Chatham House]  2 attendees, 3 points"))
        let json = try convene.run(["list", "--json"])
        let summaries = try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [[String: Any]]
        #expect(summaries?.first?["points"] as? Int == 3)
    }

    @Test("counts read as a person writes them: 1 attendee, 1 point, 0 topics; never attendee(s)")
    func countedNouns() throws {
        let convene = try ConveneProcess()
        defer { convene.cleanUp() }
        let session = try convene.newSession(title: "Counted")
        #expect(try convene.run(["add", session, "attendee", "Ann Lee", "--org", "Collaborate"]).status == 0)
        #expect(try convene.run(["add", session, "point", "One point"]).status == 0)
        let listed = try convene.run(["list"])
        #expect(listed.stdout.contains("1 attendee, 1 point, 0 topics, 0 contexts"), "\(listed.stdout)")
        let file = convene.home.appendingPathComponent("one.csv")
        try "Name,Organisation\nBo Ray,NPC\n".write(to: file, atomically: true, encoding: .utf8)
        let imported = try convene.run(["add", session, "attendees", file.path])
        #expect(imported.stdout.contains("imported 1 attendee, 0 with apologies"), "\(imported.stdout)")
        #expect(!(listed.stdout + imported.stdout + imported.stderr).contains("(s)"))
    }

    @Test("end ends the item under way and keeps the session's end; a second end changes nothing; undo takes it back")
    func endASession() throws {
        let convene = try ConveneProcess()
        defer { convene.cleanUp() }
        let session = try convene.newSession(title: "Ending")
        #expect(try convene.run(["add", session, "point", "Before the end"]).status == 0)
        let ended = try convene.run(["end", session])
        #expect(ended.status == 0 && ended.stdout.hasPrefix("ended \(session) at "), "\(ended.stdout)\(ended.stderr)")
        let journal = convene.sessions.appendingPathComponent(session).appendingPathComponent("session.jsonl")
        let lines = try String(contentsOf: journal, encoding: .utf8).split(separator: "\n")
        #expect(lines.last?.contains("\"endedAt\"") == true)
        let again = try convene.run(["end", session])
        #expect(again.status == 0 && again.stderr.contains("already ended at") && again.stdout.isEmpty)
        #expect(try String(contentsOf: journal, encoding: .utf8).split(separator: "\n").count == lines.count, "a second end wrote a line")
        // An ended session is still amended by scripts.
        #expect(try convene.run(["add", session, "point", "After the end"]).status == 0)
        #expect(try convene.run(["undo", session]).status == 0)
        #expect(try convene.run(["undo", session]).status == 0)
        let reopened = try convene.run(["end", session])
        #expect(reopened.stdout.hasPrefix("ended "), "undo took the end back, so it can end again: \(reopened.stderr)")
        // list says which sessions have ended, in its table and its JSON.
        let listed = try convene.run(["list"])
        #expect(listed.stdout.contains("Ending [Chatham House] [ended]"), "\(listed.stdout)")
        #expect(try convene.run(["list", "--json"]).stdout.contains("\"ended\" : true"))
    }

    @Test("search finds people: an attendee by name, an organisation, a host, a presenter; through the index and without it")
    func searchFindsPeople() throws {
        let convene = try ConveneProcess()
        defer { convene.cleanUp() }
        let created = try convene.run(["new", "--template", "masterclass", "--title", "Human learning systems", "--date", "2026-05-01",
                                       "--host", "Collaborate CIC"])
        #expect(created.status == 0, "\(created.stderr)")
        #expect(try convene.run(["add", "2026", "attendee", "Michael Little", "--org", "RATIO"]).status == 0)
        #expect(try convene.run(["add", "2026", "point", "Outcomes emerge from systems.", "--item", "2", "--speaker", "Toby Lowe"]).status == 0)
        for (query, place) in [("Michael Little", "attendee"), ("ratio", "attendee"), ("Collaborate", "host"), ("Toby Lowe", "presenter")] {
            let found = try convene.run(["search", query])
            #expect(found.status == 0 && found.stdout.contains(place), "\(query): \(found.stdout)\(found.stderr)")
        }
        // An index built again from the journals finds the same.
        try FileManager.default.removeItem(at: convene.sessions.appendingPathComponent(".index.sqlite"))
        let scanned = try convene.run(["search", "Michael Little", "--json"])
        #expect(scanned.stdout.contains("Michael Little, RATIO"), "\(scanned.stdout)")
    }

    @Test("a search that finds nothing suggests the archive's own spelling")
    func searchSuggests() throws {
        let convene = try ConveneProcess()
        defer { convene.cleanUp() }
        let session = try convene.newSession(title: "Capabilities")
        #expect(try convene.run(["add", session, "point", "Building capabilities across the system."]).status == 0)
        let missed = try convene.run(["search", "capabilties"])
        #expect(missed.status == 1)
        #expect(missed.stderr.contains("no matches for ‘capabilties’") && missed.stderr.contains("did you mean ‘capabilities’?"), "\(missed.stderr)")
        let nothing = try convene.run(["search", "zanzibar"])
        #expect(nothing.status == 1 && !nothing.stderr.contains("did you mean"))
    }

    @Test("search and check print JSON for scripts, with the exit status of their plain output; show takes a session")
    func jsonAndShowSession() throws {
        let convene = try ConveneProcess()
        defer { convene.cleanUp() }
        let session = try convene.newSession(title: "Scripted")
        #expect(try convene.run(["add", session, "attendee", "Michael Little", "--org", "RATIO"]).status == 0)
        #expect(try convene.run(["add", session, "point", "Michael Little said outcomes emerge."]).status == 0)

        let found = try convene.run(["search", "outcomes", "--json"])
        #expect(found.status == 0)
        let hits = try #require(try JSONSerialization.jsonObject(with: Data(found.stdout.utf8)) as? [[String: Any]])
        #expect(hits.count == 1 && hits.first?["session"] as? String == session && (hits.first?["excerpt"] as? String)?.contains("outcomes") == true)
        #expect(hits.first?["title"] as? String == "Scripted", "\(found.stdout)")
        let none = try convene.run(["search", "zanzibar", "--json"])
        #expect(none.status == 1)
        #expect((try JSONSerialization.jsonObject(with: Data(none.stdout.utf8)) as? [Any])?.isEmpty == true, "\(none.stdout)")

        let checked = try convene.run(["check", session, "--json"])
        #expect(checked.status == 1)
        let findings = try #require(try JSONSerialization.jsonObject(with: Data(checked.stdout.utf8)) as? [[String: Any]])
        #expect(findings.contains { $0["words"] as? String == "Michael Little" && $0["acknowledged"] as? Bool == false })
        let key = try #require(findings.first?["key"] as? String)
        #expect(try convene.run(["check", session, "--acknowledge", key]).status != 64)

        let shown = try convene.run(["show", session, "--no-pager"])
        #expect(shown.status == 0 && shown.stdout.contains("Michael Little said outcomes emerge."), "\(shown.stderr)")
        let missing = try convene.run(["show", "no-such-file-or-session.md"])
        #expect(missing.status == 1 && missing.stderr.contains("no such file"))
    }

    @Test("list on an 80-column terminal: a row a session, its columns aligned, a long title cut with …",
          .enabled(if: Tmux.available || ProcessInfo.processInfo.environment["CI"] == "true"))
    func listAtEightyColumns() throws {
        let convene = try ConveneProcess()
        defer { convene.cleanUp() }
        try convene.run(["new", "--template", "roundtable", "--title", "Learning and accountability in public services, a long title",
                         "--date", "2026-04-02"])
        try convene.run(["new", "--template", "peer-learning", "--title", "Motives", "--date", "2021-07-14"])
        let tmux = try Tmux(width: 80, height: 24, command: ["sh", "-c", #""$0" "$@"; echo "exit status $?"; sleep 600"#,
                                                           ConveneProcess.binary.path, "list"],
                            environment: ["HOME": convene.home.path, "TERM": "screen", "LANG": "C.UTF-8", "CONVENE_HOME": convene.sessions.path])
        let screen = try tmux.waitFor("exit status 0")
        let rows = screen.split(separator: "\n").filter { $0.hasPrefix("20") }
        #expect(rows.count == 2, "a row wrapped: \(screen)")
        #expect(rows.contains { $0.contains("…") }, "\(screen)")
        let columns = rows.compactMap { row -> Int? in
            guard let found = row.range(of: "roundtable") ?? row.range(of: "peer-learning") else { return nil }
            return row.distance(from: row.startIndex, to: found.lowerBound)
        }
        #expect(columns.count == 2 && columns[0] == columns[1], "kinds not aligned: \(screen)")
    }

    @Test("add, search and check name a point the same way: its item and its place there")
    func pointNamedAlike() throws {
        let convene = try ConveneProcess()
        defer { convene.cleanUp() }
        let session = try convene.newSession(title: "Places")
        #expect(try convene.run(["add", session, "attendee", "Michael Little", "--org", "RATIO"]).status == 0)
        #expect(try convene.run(["add", session, "point", "First"]).status == 0)
        let added = try convene.run(["add", session, "point", "Michael Little on outcomes"])
        #expect(added.stdout == "added no item · point 2 (note)\n", "\(added.stdout)")
        #expect(try convene.run(["search", "outcomes"]).stdout.contains("no item · point 2 ·"))
        #expect(try convene.run(["check", session]).stdout.hasPrefix("no item · point 2 ·"))
    }

    @Test("the disclosure check blocks export until findings are fixed or acknowledged")
    func disclosure() throws {
        let convene = try ConveneProcess()
        defer { convene.cleanUp() }
        _ = try convene.newSession(template: "roundtable", title: "Roundtable", date: "2026-04-02")
        #expect(try convene.run(["add", "2026", "attendee", "Michael Little", "--org", "RATIO"]).status == 0)
        #expect(try convene.run(["add", "2026", "point", "As michael little said, RATIO's work matters."]).status == 0)
        #expect(try convene.run(["add", "2026", "point", "Little is known about the long term."]).status == 0)

        let check = try convene.run(["check", "2026"])
        #expect(check.status == 1)
        #expect(check.stdout.contains("[point-10:michael-little]") && check.stdout.contains("[point-10:ratio]"))
        #expect(!check.stdout.contains("point-11"))

        let refused = try convene.run(["export", "2026"])
        #expect(refused.status == 1)
        #expect(refused.stdout.isEmpty)
        #expect(refused.stderr.contains("not exported: 2 places"))
        #expect(try convene.run(["export", "2026", "--force"]).status == 0)

        let acknowledged = try convene.run(["check", "2026", "--acknowledge", "point-10:michael-little", "--acknowledge", "point-10:ratio"])
        #expect(acknowledged.status == 0, "\(acknowledged.stdout)\(acknowledged.stderr)")
        #expect(try convene.run(["export", "2026"]).status == 0)
        #expect(try convene.run(["undo", "2026"]).status == 0)
        #expect(try convene.run(["check", "2026"]).status == 1)
        #expect(try convene.run(["check", "2026", "--acknowledge", "point-99:nobody"]).stderr.contains("no finding has the key"))
    }

    @Test("attributed sessions take speakers; Chatham House sessions refuse them")
    func speakers() throws {
        let convene = try ConveneProcess()
        defer { convene.cleanUp() }
        _ = try convene.newSession(template: "masterclass", title: "Human learning systems", date: "2026-05-01")
        _ = try convene.newSession(template: "roundtable", title: "Roundtable", date: "2026-05-02")
        let attributed = try convene.run(["add", "2026-05-01", "point", "Outcomes emerge from systems.", "--item", "2", "--speaker", "Toby Lowe"])
        #expect(attributed.status == 0)
        let notes = try convene.run(["export", "2026-05-01"]).stdout
        #expect(notes.contains("- Outcomes emerge from systems. — *Toby Lowe*"))
        let refused = try convene.run(["add", "2026-05-02", "point", "x", "--speaker", "Toby Lowe"])
        #expect(refused.status != 0)
        #expect(refused.stderr.contains("Chatham House Rule"))
    }

    @Test("bad input is a clear error on standard error with a non-zero status")
    func errors() throws {
        let convene = try ConveneProcess()
        defer { convene.cleanUp() }
        let unknownTemplate = try convene.run(["new", "--template", "nope", "--title", "T"])
        #expect(unknownTemplate.status != 0 && unknownTemplate.stderr.contains("there is no template ‘nope’; available: masterclass, peer-learning, roundtable, seminar"))
        let badDate = try convene.run(["new", "--template", "seminar", "--title", "T", "--date", "2026-13-01"])
        #expect(badDate.status != 0 && badDate.stderr.contains("YYYY-MM-DD"))
        let unknownSession = try convene.run(["add", "1999", "point", "x"])
        #expect(unknownSession.status != 0 && unknownSession.stderr.contains("no session matches ‘1999’"))

        _ = try convene.newSession(template: "seminar", title: "Seminar", date: "2026-03-18")
        let badRating = try convene.run(["add", "2026", "context", "Place-based", "--uncertainty", "9", "--control", "1"])
        #expect(badRating.status == 64 && badRating.stderr.contains("--uncertainty is 9; give a rating from 1 to 5"), "\(badRating.stderr)")
        let badItem = try convene.run(["add", "2026", "point", "x", "--item", "40"])
        #expect(badItem.status != 0 && badItem.stderr.contains("there is no item 40"))

        let templates = convene.home.appendingPathComponent("config/convene/templates")
        try FileManager.default.createDirectory(at: templates, withIntermediateDirectories: true)
        try "title: Broken\nkind: k\nchatham-house: true\nagenda:\n  - title: A\n    phase: lecture\n    minutes: 5\n"
            .write(to: templates.appendingPathComponent("broken.yaml"), atomically: true, encoding: .utf8)
        let broken = try convene.run(["new", "--template", "broken", "--title", "T"])
        #expect(broken.status != 0)
        #expect(broken.stderr.contains("broken.yaml:6:") && broken.stderr.contains("unknown phase"), "\(broken.stderr)")
        let listed = try convene.run(["templates"])
        #expect(listed.status == 1 && listed.stdout.contains("roundtable  Roundtable"))
    }

    @Test("typed text of any script, from an argument or standard input, is kept; control characters are not")
    func unicodeAndStdin() throws {
        let convene = try ConveneProcess()
        defer { convene.cleanUp() }
        _ = try convene.newSession(template: "peer-learning", title: "Café 日本語 👩🏽‍💻", date: "2026-06-01")
        let piped = try convene.run(["add", "2026", "point", "-", "--kind", "question"], stdin: "Résumé £5 — 会議 🎉\u{1B}[31m\nsecond line\n")
        #expect(piped.status == 0, "\(piped.stderr)")
        let notes = try convene.run(["export", "2026", "--force"]).stdout
        #expect(notes.contains("# Café 日本語 👩🏽‍💻"))
        #expect(notes.contains("- Résumé £5 — 会議 🎉\\[31m\\\n  second line"))
        let search = try convene.run(["search", "resume"])
        #expect(search.status == 0 && search.stdout.contains("Résumé"))
        #expect(try convene.run(["search", "absent words"]).status == 1)
        let title = try convene.run(["search", "café"]).stdout.split(separator: "\n")
        #expect(title.count == 1 && title[0].contains("  title: Café"), "a title is one hit, not two: \(title)")
    }

    @Test("an installed copy finds its templates under PREFIX/share/convene/templates, as the README says")
    func installedCopy() throws {
        let convene = try ConveneProcess()
        defer { convene.cleanUp() }
        let prefix = convene.home.appendingPathComponent("prefix")
        let manager = FileManager.default
        try manager.createDirectory(at: prefix.appendingPathComponent("bin"), withIntermediateDirectories: true)
        let installedTemplates = prefix.appendingPathComponent("share/convene/templates")
        try manager.createDirectory(at: installedTemplates, withIntermediateDirectories: true)
        // Not copyItem or Data.write: see writeExecutable (why this test used to fail now and then).
        let installedBinary = prefix.appendingPathComponent("bin/convene")
        try writeExecutable(Data(contentsOf: ConveneProcess.binary), to: installedBinary)
        var repository = ConveneProcess.binary.resolvingSymlinksInPath().deletingLastPathComponent()
        while !manager.fileExists(atPath: repository.appendingPathComponent("Templates/notes.mustache").path) {
            repository = repository.deletingLastPathComponent()
        }
        let templates = repository.appendingPathComponent("Templates")
        for name in try manager.contentsOfDirectory(atPath: templates.path) {
            try Data(contentsOf: templates.appendingPathComponent(name)).write(to: installedTemplates.appendingPathComponent(name))
        }

        let installed = try convene.run(["templates"], binary: prefix.appendingPathComponent("bin/convene"))
        #expect(installed.status == 0, "\(installed.stderr)")
        #expect(installed.stdout.contains(prefix.appendingPathComponent("share/convene/templates/roundtable.yaml").path))
        let created = try convene.run(["new", "--template", "seminar", "--title", "Installed"], binary: prefix.appendingPathComponent("bin/convene"))
        #expect(created.status == 0, "\(created.stderr)")
    }

    @Test("with no configuration, sessions go to ~/.local/share/convene")
    func defaultFolder() throws {
        let convene = try ConveneProcess()
        defer { convene.cleanUp() }
        let created = try convene.run(["new", "--template", "roundtable", "--title", "First", "--date", "2026-01-05"], useDefaults: true)
        #expect(created.status == 0, "\(created.stderr)")
        #expect(created.stdout.hasPrefix(convene.home.appendingPathComponent(".local/share/convene/2026-01-05-first").path))
    }

    @Test("the screens need a terminal, and say so to scripts")
    func noTerminal() throws {
        let convene = try ConveneProcess()
        defer { convene.cleanUp() }
        let home = try convene.run([])
        #expect(home.status != 0 && home.stderr.contains("convene needs a terminal"), "\(home.stderr)")
        _ = try convene.newSession(template: "seminar", title: "T", date: "2026-03-18")
        let live = try convene.run(["run", "2026"])
        #expect(live.status != 0 && live.stderr.contains("convene run needs a terminal"), "\(live.stderr)")
        // Refusing did not leave the session locked.
        #expect(try convene.run(["add", "2026", "point", "x"]).status == 0)
    }

    @Test("a three-session series: the roster, hosts, open actions and unanswered questions carry, the notes link both ways, an action closed in the second is not carried into the third")
    func followUp() throws {
        let convene = try ConveneProcess()
        defer { convene.cleanUp() }
        _ = try convene.newSession(template: "peer-learning", title: "Motives for measurement", date: "2021-05-12")
        try convene.run(["set", "2021-05-12", "host", "GO Lab"])
        try convene.run(["add", "2021-05-12", "attendee", "Ana López", "--org", "Collaborate"])
        try convene.run(["add", "2021-05-12", "attendee", "Bo Chen", "--apologies"])
        #expect(try convene.run(["add", "2021-05-12", "point", "How might sense-making tools help?", "--kind", "question", "--item", "6"]).status == 0)
        let action = try convene.run(["add", "2021-05-12", "point", "Invite a council to present", "--kind", "action",
                                      "--owner", "Ana López", "--due", "2021-06-01"])
        #expect(action.status == 0, "\(action.stderr)")
        #expect(try convene.run(["add", "2021-05-12", "point", "Asked in passing", "--kind", "question", "--item", "3"]).status == 0)
        let second = try convene.run(["new", "--title", "Motives for measurement 2", "--date", "2021-06-09",
                                      "--follow-up", "2021-05-12", "--series", "Motives group"])
        #expect(second.status == 0, "\(second.stderr)")
        let secondFolder = second.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        let notes = try String(contentsOfFile: secondFolder + "/notes.md", encoding: .utf8)
        #expect(notes.contains("series: Motives group\n") && notes.contains("**Hosted by:** GO Lab"))
        #expect(notes.contains("| Ana López | Collaborate | Participant |") && notes.contains("| Bo Chen |  | Participant |"), "\(notes)")
        #expect(!notes.contains("## Apologies"))
        let origin = "raised in [Motives for measurement, 2021-05-12](../2021-05-12-motives-for-measurement/notes.md)"
        #expect(notes.contains("## Carried over"))
        #expect(notes.contains("- Invite a council to present — Ana López · due 2021-06-01 · \(origin)"), "\(notes)")
        #expect(notes.contains("- Asked in passing · \(origin)") && notes.contains("- How might sense-making tools help? · \(origin)"))
        // Carried items are not this session's own questions or actions.
        #expect(!notes.contains("## Questions and dilemmas") && !notes.contains("## Next steps"), "\(notes)")
        let firstNotes = try convene.notes(of: "2021-05-12")
        #expect(firstNotes.contains("**Next:** [Motives for measurement 2, 2021-06-09](../2021-06-09-motives-for-measurement-2/notes.md)"), "\(firstNotes)")
        #expect(firstNotes.contains("series: Motives group\n"))
        // The links are relative and lead to the files.
        #expect(FileManager.default.fileExists(atPath: secondFolder + "/../2021-05-12-motives-for-measurement/notes.md"))

        let done = try convene.run(["set", "2021-06-09", "action", "council", "done"])
        #expect(done.status == 0 && done.stdout.contains("done"), "\(done.stderr)")
        let answered = try convene.run(["set", "2021-06-09", "question", "passing", "--answer", "Yes, in the autumn"])
        #expect(answered.status == 0, "\(answered.stderr)")
        let secondNotes = try convene.notes(of: "2021-06-09")
        #expect(secondNotes.contains("- Invite a council to present — Ana López · due 2021-06-01 · **done** · \(origin)"), "\(secondNotes)")
        #expect(secondNotes.contains("  *Answer:* Yes, in the autumn"))

        let third = try convene.run(["new", "--title", "Motives for measurement 3", "--date", "2021-07-14", "--follow-up", "2021-06-09"])
        #expect(third.status == 0, "\(third.stderr)")
        let thirdNotes = try convene.notes(of: "2021-07-14")
        #expect(thirdNotes.contains("series: Motives group\n"))
        #expect(!thirdNotes.contains("Invite a council") && !thirdNotes.contains("Asked in passing"), "\(thirdNotes)")
        #expect(thirdNotes.contains("- How might sense-making tools help? · \(origin)"))
        #expect(thirdNotes.contains("**Previous:** [Motives for measurement 2, 2021-06-09](../2021-06-09-motives-for-measurement-2/notes.md)"))
        #expect(try convene.notes(of: "2021-06-09").contains("**Next:** [Motives for measurement 3, 2021-07-14]"))

        let listed = try convene.run(["actions", "2021-07-14"])
        #expect(listed.stdout.contains("Motives group · 3 sessions · 0 of 1 actions open"), "\(listed.stdout)")
        #expect(listed.stdout.contains("[done] Invite a council to present"))
        #expect(listed.stdout.contains("owner Ana López · due 2021-06-01 · raised 2021-05-12 Motives for measurement · done 2021-06-09 Motives for measurement 2"))
        #expect(try convene.run(["actions", "--open"]).stdout.contains("no open actions"))
        let questions = try convene.run(["actions", "2021-05-12", "--questions", "--open", "--json"])
        let rows = try JSONSerialization.jsonObject(with: Data(questions.stdout.utf8)) as? [[String: Any]]
        #expect(rows?.compactMap { $0["text"] as? String } == ["How might sense-making tools help?"])
        #expect(rows?.first?["session"] as? String == "2021-07-14-motives-for-measurement-3" && rows?.first?["number"] as? Int == 1)

        let unknown = try convene.run(["new", "--template", "seminar", "--title", "T", "--follow-up", "1999"])
        #expect(unknown.status != 0 && unknown.stderr.contains("no session matches ‘1999’"))
    }

    @Test("set ratings corrects every rating of a context at once; a mistyped one is refused and nothing changes")
    func ratingsCorrected() throws {
        let convene = try ConveneProcess()
        defer { convene.cleanUp() }
        _ = try convene.newSession(template: "roundtable", title: "Spring", date: "2026-04-02")
        try convene.run(["add", "2026", "context", "Homelessness support", "--uncertainty", "4", "--control", "2", "--item", "6"])
        try convene.run(["add", "2026", "context", "Homelessness support", "--uncertainty", "5", "--control", "5"])
        let wrong = try convene.run(["set", "2026", "ratings", "homelessness support", "4 2; 5 6"])
        #expect(wrong.status != 0 && wrong.stderr.contains("‘5 6’ is not a rating"), "\(wrong.stderr)")
        let fixed = try convene.run(["set", "2026", "ratings", "1", "4 2; 5 1"])
        #expect(fixed.status == 0 && fixed.stdout.contains("Homelessness support: 2 ratings (4/2, 5/1)"), "\(fixed.stderr)")
        #expect(try convene.notes(of: "2026").contains("4–5 / 1–2 (2 ratings)"))
        let unknown = try convene.run(["set", "2026", "ratings", "Vaccination", "4 2"])
        #expect(unknown.status != 0 && unknown.stderr.contains("no context is called ‘Vaccination’; the session has ‘Homelessness support’"))
    }

    @Test("set action and question refuse what is not one, name what matches twice, and check dates")
    func actionStatusMistakes() throws {
        let convene = try ConveneProcess()
        defer { convene.cleanUp() }
        _ = try convene.newSession(template: "roundtable", title: "Spring", date: "2026-04-02")
        try convene.run(["add", "2026", "point", "Send the paper", "--kind", "action"])
        try convene.run(["add", "2026", "point", "Send the agenda", "--kind", "action"])
        let twice = try convene.run(["set", "2026", "action", "send", "done"])
        #expect(twice.status != 0 && twice.stderr.contains("‘send’ matches 2 actions") && twice.stderr.contains("1: Send the paper"), "\(twice.stderr)")
        let none = try convene.run(["set", "2026", "action", "9", "done"])
        #expect(none.status != 0 && none.stderr.contains("has 2 actions; there is no action 9"))
        let word = try convene.run(["set", "2026", "action", "2", "finished"])
        #expect(word.status != 0 && word.stderr.contains("‘finished’ is not a status; give done, open or dropped"))
        let due = try convene.run(["add", "2026", "point", "Soon", "--kind", "action", "--due", "next week"])
        #expect(due.status != 0 && due.stderr.contains("--due ‘next week’ is not a date"))
        let owner = try convene.run(["add", "2026", "point", "A note", "--owner", "Ana"])
        #expect(owner.status != 0 && owner.stderr.contains("--owner and --due belong to an action"))
        let set = try convene.run(["set", "2026", "action", "2", "dropped", "--owner", "Ana"])
        #expect(set.status == 0 && set.stdout.contains("action ‘Send the agenda’: dropped, Ana"), "\(set.stderr)")
        #expect(try convene.notes(of: "2026").contains("- Send the agenda — Ana · **dropped**"))
    }

    @Test("set end gives the session a hard end on its date; a time that is not one is refused; an empty one clears it")
    func hardEnd() throws {
        let convene = try ConveneProcess()
        defer { convene.cleanUp() }
        let session = try convene.newSession(title: "Ends on time")
        let set = try convene.run(["set", session, "end", "16:30"])
        #expect(set.status == 0, "\(set.stderr)")
        #expect(set.stdout.contains("ends by 16:30"), "\(set.stdout)")
        let journal = try String(contentsOf: convene.sessions.appendingPathComponent(session).appendingPathComponent("session.jsonl"),
                                 encoding: .utf8)
        #expect(journal.contains("\"hardEnd\""))
        let wrong = try convene.run(["set", session, "end", "25:00"])
        #expect(wrong.status != 0)
        #expect(wrong.stderr.contains("end is a time of day such as 16:30; got ‘25:00’"), "\(wrong.stderr)")
        let cleared = try convene.run(["set", session, "end", ""])
        #expect(cleared.status == 0)
        #expect(!cleared.stdout.contains("ends by"))
    }

    @Test("every command documents itself")
    func help() throws {
        let convene = try ConveneProcess()
        defer { convene.cleanUp() }
        for command in ["home", "new", "run", "add", "undo", "export", "check", "list", "search", "templates"] {
            let help = try convene.run([command, "--help"])
            #expect(help.status == 0 && help.stdout.contains("USAGE: convene \(command)"), "\(command)")
        }
    }
}
