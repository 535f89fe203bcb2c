@testable import ConveneTUI
import Foundation
import Testing
import TestSupport

/// A long document is parsed in parts (cut before headings) so it can be laid out while the rest
/// is parsed. Whatever the text, the parts must add up to what one parse of the whole gives.
@Suite("Markdown parsed in parts")
struct MarkdownPartsTests {
    /// One parse of the whole text: a part size larger than any text here.
    private func whole(_ text: String) -> MarkdownDocument {
        MarkdownDocument(parsing: text, partSize: .max)
    }

    /// Cut into parts of a few dozen bytes: every heading after a blank line is a candidate.
    private func inParts(_ text: String) -> MarkdownDocument {
        MarkdownDocument(parsing: text, partSize: 24)
    }

    @Test("a record of sections, lists, tables and quotes reads the same in parts, and is cut")
    func ordinaryRecord() {
        var text = "---\ntitle: Parts\n---\n\n# Parts\n\n"
        for section in 0..<40 {
            text += "## Section \(section)\n\n- a point, café — 日本語 🙂\n- another **strong** and *soft*\n\n"
            text += "| a | b |\n| --- | ---: |\n| \(section) | x |\n\n> a quote\n> that goes on\n\n"
        }
        let bytes = Array(text.utf8)
        let cuts = bytes.withUnsafeBufferPointer { MarkdownSections.parts(of: $0, size: 24) }.map(\.range)
        #expect(cuts.count > 30)
        #expect(cuts.first?.lowerBound == 0 && cuts.last?.upperBound == bytes.count)
        #expect(zip(cuts, cuts.dropFirst()).allSatisfy { $0.upperBound == $1.lowerBound })
        #expect(inParts(text) == whole(text))
        #expect(inParts(text).frontMatter == "title: Parts")
    }

    @Test("a heading-like line inside a code block or an HTML comment is not taken for a heading",
          arguments: [
              "```sh\necho one\n\n# a shell comment, not a heading\necho two\n```\n",
              "~~~~\n\n# inside a tilde fence\n\n~~~\nstill inside\n~~~~\n",
              "<!--\n\n# inside a comment\n\n-->\n",
              "<script>\n\n# inside a script\n</script>\n",
              // Never closed: everything after it is code.
              "```\n\n# never closed\n",
          ])
    func swallowedHeadings(block: String) {
        var text = ""
        for section in 0..<12 {
            text += "# Section \(section)\n\nSome text for section \(section).\n\n"
            if section % 4 == 1 { text += block + "\n" }
        }
        #expect(inParts(text) == whole(text))
    }

    @Test("a text with link references or footnotes is read whole: they reach across parts")
    func definitions() {
        var text = ""
        for section in 0..<10 { text += "# Section \(section)\n\nSee [the report][r] and a note[^n].\n\n" }
        text += "[r]: https://example.org/report\n\n[^n]: The note.\n"
        let bytes = Array(text.utf8)
        #expect(bytes.withUnsafeBufferPointer { MarkdownSections.parts(of: $0, size: 24) }.count == 1)
        #expect(inParts(text) == whole(text))
    }

    @Test("random documents read the same in parts as whole", arguments: 0..<300)
    func randomDocuments(seed: UInt64) {
        var random = SeededGenerator(seed: seed)
        let pieces = [
            "# Heading\n", "## Sub heading\n", "###### Deep\n", "#Not a heading\n", "\n", "\n\n",
            "A paragraph line.\n", "- item\n", "  - nested item\n", "1. first\n", "> quoted\n",
            "```\n", "```mermaid\n", "~~~\n", "    indented code\n", "<!--\n", "-->\n", "<div>\n", "</div>\n",
            "| a | b |\n| - | - |\n| 1 | 2 |\n", "***\n", "Setext\n===\n", "text with `code` and ~~struck~~\n",
            // Fences and HTML inside lists and quotes, which a heading at the margin closes.
            "- ```\n", "  ```\n", "> ```\n", "   ~~~\n", "- <!--\n", "<pre>\n", "</pre>\n",
        ]
        var text = ""
        for _ in 0..<Int.random(in: 20...120, using: &random) {
            text += pieces.randomElement(using: &random) ?? ""
        }
        #expect(inParts(text) == whole(text), "seed \(seed)")
    }

    @Test("a long bullet list is cut between its items, and reads as one list")
    func longList() throws {
        var text = "# Questions and dilemmas\n\n"
        for item in 0..<300 {
            text += "- Point \(item): `code`, **strong**, café 日本語\n"
            if item.isMultiple(of: 7) { text += "  a second line of the same point\n" }
            if item.isMultiple(of: 11) { text += "  - a nested point\n" }
            if item.isMultiple(of: 13) { text += "  ```\n  - not an item\n  ```\n" }
        }
        text += "\n## Next steps\n\n- one more list\n"
        let bytes = Array(text.utf8)
        let cuts = bytes.withUnsafeBufferPointer { MarkdownSections.parts(of: $0, size: 256) }
        #expect(cuts.filter(\.continuesList).count > 20)
        let parts = inParts(text)
        #expect(parts == whole(text))
        #expect(parts.blocks.count == 4)
        if case .list(_, _, let tight, let items)? = parts.blocks.dropFirst().first {
            #expect(tight && items.count == 300)
        } else {
            Issue.record("the list is not one list: \(parts.blocks.count) blocks")
        }
        let layout = MarkdownLayout(width: 60)
        #expect(runs(text, partSize: 256).count > 20)
        #expect(runs(text, partSize: 256).flatMap { $0 } == layout.lines(for: whole(text)))
    }

    @Test("random lists read the same in parts as whole, and lay out the same in runs", arguments: 0..<300)
    func randomLists(seed: UInt64) {
        var random = SeededGenerator(seed: seed)
        // Lists of a few items, each maybe with a line of its own, a nested item or a lazy line,
        // between other blocks, with or without a blank line between.
        let within = ["  continued\n", "  - nested\n", "    deeper\n", "lazy line\n", "- - -\n", "-\n", "  ```\n", "\t- tab\n"]
        let blocks = ["Paragraph.\n", "# Heading\n", "* star\n", "+ plus\n", " - one space\n", "1. one\n", "```\n", "<!--\n",
                      "-->\n", "> - quoted item\n", "| a |\n| - |\n", "---\n", "    indented code\n"]
        var text = ""
        for _ in 0..<Int.random(in: 5...40, using: &random) {
            if Bool.random(using: &random) {
                for _ in 0..<Int.random(in: 1...8, using: &random) {
                    text += "- item\n"
                    if Int.random(in: 0..<6, using: &random) == 0 { text += within.randomElement(using: &random) ?? "" }
                }
            } else {
                text += blocks.randomElement(using: &random) ?? ""
            }
            text += ["\n", "\n", "\n\n", ""].randomElement(using: &random) ?? ""
        }
        #expect(inParts(text) == whole(text), "seed \(seed)")
        #expect(runs(text).flatMap { $0 } == MarkdownLayout(width: 60).lines(for: whole(text)), "seed \(seed)")
    }

    @Test("the real session documents read the same in parts as whole")
    func domainDocuments() throws {
        let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("../../../shared/domain").standardizedFileURL
        let files = (try? FileManager.default.contentsOfDirectory(at: folder, includingPropertiesForKeys: nil)) ?? []
        for file in files where file.pathExtension == "txt" || file.pathExtension == "md" {
            let text = try String(contentsOf: file, encoding: .utf8)
            #expect(inParts(text) == whole(text), "\(file.lastPathComponent)")
        }
        let handEdited = try MarkdownLayoutTests.handEdited
        #expect(inParts(handEdited) == whole(handEdited))
    }

    @Test("laying out while parsing gives the lines of laying out the parsed document")
    func layoutWhileParsing() throws {
        var text = try MarkdownLayoutTests.handEdited
        for section in 0..<30 { text += "\n## More \(section)\n\n- a point that is long enough to wrap at sixty columns, with café and 日本語\n" }
        text += "\n```\ncode at the end\n\n\n```\n\n\n"
        for width in [60, 100] {
            let layout = MarkdownLayout(width: width)
            #expect(layout.lines(parsing: text, partSize: 64) == layout.lines(for: MarkdownDocument(parsing: text)))
        }
        #expect(MarkdownLayout(width: 80).lines(parsing: "") == MarkdownLayout(width: 80).lines(for: MarkdownDocument(parsing: "")))
    }

    /// What `eachLines` hands on, run by run, for a text cut into parts of `partSize` bytes.
    private func runs(_ text: String, width: Int = 60, partSize: Int = 24) -> [[StyledLine]] {
        var runs: [[StyledLine]] = []
        MarkdownLayout(width: width).eachLines(parsing: text, partSize: partSize) { runs.append($0); return true }
        return runs
    }

    @Test("lines handed on a run at a time add up to the whole document's lines",
          arguments: 0..<200)
    func linesInRuns(seed: UInt64) {
        var random = SeededGenerator(seed: seed)
        let pieces = [
            "# Heading\n", "## Sub heading\n", "\n", "\n\n", "A paragraph line, café 日本語.\n", "- item\n",
            "1. first\n", "> quoted\n", "```\n", "    indented code\n", "<!--\n", "-->\n", "| a | b |\n| - | - |\n| 1 | 2 |\n",
            "***\n", "text with `code` and **strong**\n", "\n\n\n\n",
        ]
        var text = seed.isMultiple(of: 3) ? "---\ntitle: Runs\n---\n" : ""
        for _ in 0..<Int.random(in: 0...150, using: &random) {
            text += pieces.randomElement(using: &random) ?? ""
        }
        let layout = MarkdownLayout(width: 60)
        #expect(runs(text).flatMap { $0 } == layout.lines(parsing: text, partSize: .max), "seed \(seed)")
    }

    @Test("a long record comes in many runs, none ending in a blank line, the last its last line")
    func longRecordInRuns() {
        var text = "---\ntitle: Long\n---\n\n# Long\n\n"
        for section in 0..<200 { text += "## Section \(section)\n\n- a point, café\n- another\n\n\n" }
        let runs = runs(text)
        #expect(runs.count > 50)
        #expect(runs.allSatisfy { $0.last.map { !$0.spans.isEmpty } ?? false })
        #expect(runs.flatMap { $0 } == MarkdownLayout(width: 60).lines(parsing: text, partSize: .max))
    }

    @Test("no more runs are made once the reader has what it wants")
    func stopsWhenAsked() {
        var text = ""
        for section in 0..<200 { text += "## Section \(section)\n\n- a point\n\n" }
        var delivered = 0
        MarkdownLayout(width: 60).eachLines(parsing: text, partSize: 24) { _ in
            delivered += 1
            return delivered < 3
        }
        #expect(delivered == 3)
    }
}
