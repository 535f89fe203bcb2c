import Foundation
import TestSupport
import Testing

/// `convene export --format html|pdf|docx`: records for people who never open a terminal, read back
/// with the tools their readers' software is built on: pandoc's HTML and DOCX readers, and
/// pdftotext for what a PDF viewer shows.
@Suite("Printed records through pandoc", .serialized)
struct PrintedExportTests {
    static let contexts = ["Homelessness support", "Childhood vaccination", "Café de quartier 日本語"]

    /// A roundtable with every part the printed record sets: agenda, agreement, a divergence table,
    /// a dilemma, three rated contexts, next steps, attendees and apologies.
    private func roundtable(_ convene: ConveneProcess) throws -> String {
        let session = try convene.newSession(title: "Outcomes roundtable")
        let steps: [[String]] = [
            ["set", session, "purpose", "Whether measured outcomes help or hinder learning."],
            ["add", session, "attendee", "Mark Smith", "--org", "Gateshead Council"],
            ["add", session, "attendee", "Anna Randle", "--org", "Collaborate"],
            ["add", session, "attendee", "Tris Lumley", "--org", "NPC", "--apologies"],
            ["add", session, "point", "How measures are used matters as much as what is measured.", "--kind", "agreement",
             "--theme", "Performance management", "--item", "4"],
            ["add", session, "topic", "How outcomes are defined", "--item", "5", "--row-header", "Outcomes are…"],
            ["add", session, "perspective", "Person-centred"],
            ["add", session, "perspective", "Population"],
            ["add", session, "dimension", "…defined"],
            ["add", session, "cell", "By each person who uses a service.", "--row", "1", "--column", "1"],
            ["add", session, "cell", "Across groups with similar needs.", "--row", "1", "--column", "2"],
            ["add", session, "dilemma", "Judging public value", "--text", "Without shared outcomes, how is value judged?"],
            ["add", session, "context", Self.contexts[0], "--item", "6", "--uncertainty", "4", "--control", "2",
             "--description", "Many agencies; outcomes depend on housing supply and on what each council can fund this year."],
            ["add", session, "context", Self.contexts[0], "--uncertainty", "5", "--control", "1"],
            ["add", session, "context", Self.contexts[1], "--item", "6", "--uncertainty", "1", "--control", "5"],
            ["add", session, "context", Self.contexts[2], "--item", "6", "--uncertainty", "3", "--control", "3"],
            ["add", session, "point", "Meet again in the autumn.", "--item", "7"],
        ]
        for step in steps {
            let result = try convene.run(step)
            try #require(result.status == 0, "\(step): \(result.stderr)")
        }
        return session
    }

    private func notes(of session: String, in convene: ConveneProcess) throws -> String {
        try String(contentsOf: convene.sessions.appendingPathComponent(session).appendingPathComponent("notes.md"), encoding: .utf8)
    }

    private static func headings(_ markdown: String) -> [String] {
        markdown.split(separator: "\n").filter { $0.hasPrefix("#") }.map(String.init)
    }

    /// Builds the roundtable, exports it as `format` and hands its notes and the file to `check`;
    /// everything is removed afterwards, also when a check fails.
    private func exported(as format: String, _ check: (_ notes: String, _ file: URL) throws -> Void) throws {
        let convene = try ConveneProcess()
        defer { convene.cleanUp() }
        let session = try roundtable(convene)
        try check(try notes(of: session, in: convene), try export(session, format, in: convene))
    }

    private func export(_ session: String, _ format: String, in convene: ConveneProcess) throws -> URL {
        let file = convene.home.appendingPathComponent("record.\(format)")
        let result = try convene.run(["export", session, "-o", file.path])
        try #require(result.status == 0, "export \(format): \(result.stderr)")
        return file
    }

    @Test("HTML read back by pandoc has the notes' headings, their tables and the 2×2 as an SVG picture of every context")
    func html() throws {
        guard let pandoc = InstalledTool.located("pandoc", package: "pandoc", checking: "records read back") else { return }
        try exported(as: "html") { notes, file in
            let html = try String(contentsOf: file, encoding: .utf8)
            #expect(html.contains("<title>Outcomes roundtable</title>"))
            #expect(html.contains("@page"), "the print stylesheet is inside the file, so it travels with it")
            #expect(!html.contains("```mermaid"), "a Mermaid block only a Markdown viewer draws")

            let readBack = try InstalledTool.run(pandoc, ["--from", "html", "--to", "gfm", file.path])
            #expect(Self.headings(readBack) == Self.headings(notes))
            // pandoc writes a table as a pipe table, or as HTML when a cell holds line breaks.
            let tables = readBack.components(separatedBy: "\n|-").count - 1 + readBack.components(separatedBy: "<table").count - 1
            let notesTables = notes.split(separator: "\n").filter { $0.hasPrefix("| ---") || $0.hasPrefix("| :--") || $0.hasPrefix("| --:") }.count
            #expect(notesTables == 5, "agenda, divergence, contexts, attendees, apologies")
            #expect(tables == notesTables)
            let chart = try #require(readBack.firstMatch(of: /data:image\/svg\+xml;base64,([A-Za-z0-9+\/=]+)/)?.1, "no SVG picture")
            let svg = String(decoding: try #require(Data(base64Encoded: String(chart))), as: UTF8.self)
            #expect(svg.hasPrefix("<svg"))
            #expect(svg.components(separatedBy: "<circle").count - 1 == Self.contexts.count, "one dot per rated context")
            for name in Self.contexts { #expect(svg.contains(">\(name): control "), "\(name) not in the chart's legend") }
        }
    }

    @Test("the PDF's text holds every section, the chart's axes and every context, accents and CJK included")
    func pdf() throws {
        guard let pdftotext = InstalledTool.located("pdftotext", package: "poppler-utils", checking: "the PDF's text") else { return }
        try exported(as: "pdf") { notes, file in
            #expect(try Data(contentsOf: file).prefix(5) == Data("%PDF-".utf8))
            let text = try InstalledTool.run(pdftotext, ["-layout", file.path, "-"])
            let flattened = text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
            for heading in Self.headings(notes) {
                let words = heading.drop { $0 == "#" || $0 == " " }.split(whereSeparator: \.isWhitespace).joined(separator: " ")
                #expect(flattened.contains(words), "section ‘\(words)’ missing from the PDF")
            }
            #expect(flattened.contains("Control over outcomes: little → broad"))
            for name in Self.contexts { #expect(flattened.contains(name), "\(name) missing from the PDF") }
            #expect(text.contains("Page 1 of "), "numbered pages")
            // The spread column is narrow: "4–5" stays on one line, never broken at its dash.
            #expect(text.split(separator: "\n").contains { $0.contains("4\u{2060}–") || $0.contains("4–") } , "\(text)")
            #expect(!text.split(separator: "\n").contains { $0.hasSuffix("4–") || $0.hasSuffix("4\u{2060}–") || $0.hasSuffix("4\u{2060}") })
        }
    }

    @Test("the DOCX opened by pandoc has the notes' headings and the 2×2 as an embedded SVG")
    func docx() throws {
        guard let pandoc = InstalledTool.located("pandoc", package: "pandoc", checking: "records read back") else { return }
        try exported(as: "docx") { notes, file in
            let bytes = try Data(contentsOf: file)
            #expect(bytes.prefix(2) == Data("PK".utf8), "a DOCX is a zip")
            // A zip names its members uncompressed: the picture is there as SVG (pandoc reads back the
            // PNG it adds for older Word).
            #expect(String(decoding: bytes, as: UTF8.self).contains(/word\/media\/\w+\.svg/), "the chart is not embedded as SVG")
            let readBack = try InstalledTool.run(pandoc, ["--from", "docx", "--to", "gfm", file.path])
            #expect(Self.headings(readBack) == Self.headings(notes))
            #expect(readBack.contains("<img src=\"media/"), "no picture in the document")
            for name in Self.contexts { #expect(readBack.contains(name)) }
        }
    }

    @Test("under the Chatham House Rule a name in a point stops every format, and no record ties a point to anyone")
    func disclosureGate() throws {
        guard let pandoc = InstalledTool.located("pandoc", package: "pandoc", checking: "records read back") else { return }
        let convene = try ConveneProcess()
        defer { convene.cleanUp() }
        let session = try roundtable(convene)
        let named = try convene.run(["add", session, "point", "Mark Smith thinks targets distort practice.", "--item", "3"])
        try #require(named.status == 0, "\(named.stderr)")
        for format in ["html", "pdf", "docx", "csv", "md"] {
            let file = convene.home.appendingPathComponent("refused.\(format)")
            let refused = try convene.run(["export", session, "-o", file.path])
            #expect(refused.status != 0, "\(format) exported with a name in a point")
            #expect(refused.stderr.contains("Mark Smith") && refused.stderr.contains("not exported"), "\(refused.stderr)")
            #expect(!FileManager.default.fileExists(atPath: file.path), "\(format) written anyway")
        }

        #expect(try convene.run(["undo", session]).status == 0)
        for format in ["html", "docx", "csv"] {
            let file = try export(session, format, in: convene)
            // A DOCX is a zip: its text is what pandoc reads out of it.
            let text = format == "docx"
                ? try InstalledTool.run(pandoc, ["--from", "docx", "--to", "gfm", file.path])
                : try String(contentsOf: file, encoding: .utf8)
            // The list of who attended is allowed; everything before it must name no one.
            let beforeAttendees = text.components(separatedBy: "Attendees").first ?? text
            for name in ["Mark Smith", "Gateshead", "Anna Randle", "Collaborate", "Tris Lumley"] {
                #expect(!beforeAttendees.contains(name), "\(format) ties something to \(name)")
            }
        }
    }

    @Test("markup typed into a point reaches the HTML as text: no script, no handler, no javascript: link")
    func hostileMarkup() throws {
        guard InstalledTool.located("pandoc", package: "pandoc", checking: "records read back") != nil else { return }
        let convene = try ConveneProcess()
        defer { convene.cleanUp() }
        let session = try convene.newSession(title: "Hostile <b>title</b> for $5")
        let typed = "<script>alert(1)</script> <img src=x onerror=alert(2)> [here](javascript:alert(3)) <javascript:alert(4)>"
        let added = try convene.run(["add", session, "point", typed, "--item", "3"])
        try #require(added.status == 0, "\(added.stderr)")
        let html = try String(contentsOf: try export(session, "html", in: convene), encoding: .utf8)
        let body = try #require(html.components(separatedBy: "<body>").last)
        #expect(!body.contains("<script") && !body.contains("<img") && !body.contains("href=\"javascript"), "\(body)")
        #expect(body.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
        #expect(html.contains("<title>Hostile &lt;b&gt;title&lt;/b&gt; for $5</title>"), "pandoc reads $ in a template: it must come out as typed")
    }

    @Test("without pandoc the error names the package to install, and nothing is written")
    func missingPandoc() throws {
        let convene = try ConveneProcess()
        defer { convene.cleanUp() }
        let session = try convene.newSession(title: "No pandoc")
        let empty = convene.home.appendingPathComponent("empty-path")
        try FileManager.default.createDirectory(at: empty, withIntermediateDirectories: true)
        for (format, packages) in [("html", "apt-get install pandoc"), ("docx", "apt-get install pandoc"), ("pdf", "apt-get install pandoc weasyprint")] {
            let file = convene.home.appendingPathComponent("record.\(format)")
            let result = try convene.run(["export", session, "--format", format, "-o", file.path], environment: ["PATH": empty.path])
            #expect(result.status == 1)
            #expect(result.stderr.contains("--format \(format) needs") && result.stderr.contains(packages), "\(result.stderr)")
            #expect(!FileManager.default.fileExists(atPath: file.path))
        }
        // Markdown and CSV need nothing more; an extension in capitals or spelt otherwise still says the format.
        let spelt = convene.home.appendingPathComponent("record.Markdown")
        #expect(try convene.run(["export", session, "-o", spelt.path], environment: ["PATH": empty.path]).status == 0)
        #expect(try String(contentsOf: spelt, encoding: .utf8).contains("# No pandoc"))
        let page = convene.home.appendingPathComponent("record.HTM")
        let refused = try convene.run(["export", session, "-o", page.path], environment: ["PATH": empty.path])
        #expect(refused.status == 1 && refused.stderr.contains("--format html needs"), "\(refused.stderr)")
        let markdown = try convene.run(["export", session, "--format", "md", "--no-pager"], environment: ["PATH": empty.path])
        #expect(markdown.status == 0 && markdown.stdout.contains("# No pandoc"))
    }
}
