import Foundation
import SwiftCSV
import Testing

/// `convene export --format csv`: the points for a spreadsheet, read back as a spreadsheet reads them.
@Suite("Points as CSV")
struct CSVExportTests {
    @Test("every point comes back as one row, commas, quotes, line breaks and formulas included; speakers only where the rule allows")
    func roundTrip() throws {
        let convene = try ConveneProcess()
        defer { convene.cleanUp() }
        let session = try convene.newSession(title: "Spreadsheet")
        // Item 2 attributed, the rest under the rule.
        #expect(try convene.run(["set", session, "rule", "off", "--item", "2"]).status == 0)
        let points: [[String]] = [
            ["point", "Measures, and how they are used", "--kind", "agree", "--theme", "Measurement", "--item", "3"],
            ["point", "She said \"context matters\"\nand then stopped", "--item", "3"],
            ["point", "=HYPERLINK(\"http://evil.example\")", "--item", "3"],
            ["point", "Presented the council's approach", "--item", "2", "--speaker", "Mark Smith"],
            ["point", "Café, 日本語, 👩🏽‍💻", "--kind", "question", "--item", "3"],
        ]
        for arguments in points {
            let added = try convene.run(["add", session] + arguments)
            #expect(added.status == 0, "\(added.stderr)")
        }
        let file = convene.home.appendingPathComponent("points.csv")
        let exported = try convene.run(["export", session, "-o", file.path, "--force"])
        #expect(exported.status == 0, "\(exported.stderr)")

        let csv = try CSV<Named>(url: file)
        #expect(csv.header == ["kind", "theme", "subtheme", "item", "item title", "text", "speaker"])
        #expect(csv.rows.count == points.count)
        #expect(csv.rows[0]["text"] == "Measures, and how they are used")
        #expect(csv.rows[0]["kind"] == "agreement")
        #expect(csv.rows[0]["theme"] == "Measurement")
        #expect(csv.rows[0]["item"] == "3")
        #expect(csv.rows[1]["text"] == "She said \"context matters\"\nand then stopped")
        #expect(csv.rows[2]["text"] == "'=HYPERLINK(\"http://evil.example\")", "a formula reached the spreadsheet")
        #expect(csv.rows[3]["speaker"] == "Mark Smith")
        #expect(csv.rows[4]["text"] == "Café, 日本語, 👩🏽‍💻")
        #expect(csv.rows.allSatisfy { $0["item"] == "2" || $0["speaker"] == "" }, "a speaker under the rule")

        let stdout = try convene.run(["export", session, "--format", "csv", "--force", "--no-pager"])
        #expect(stdout.stdout.hasPrefix("kind,theme,subtheme,item,item title,text,speaker\r\n"))
    }
}
