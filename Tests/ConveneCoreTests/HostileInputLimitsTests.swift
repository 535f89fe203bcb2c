import ConveneCore
import Foundation
import TestSupport
import Testing

/// Input built to exhaust something (the stack, an integer) is taken in or refused, never a crash.
@Suite("Hostile input at the limits")
struct HostileInputLimitsTests {
    /// A pasted run of `depth` opening markers, a word, and as many closing ones.
    static func nested(_ marker: String, depth: Int) -> String {
        String(repeating: marker, count: depth) + "x" + String(repeating: marker, count: depth)
    }

    @Test("deeply nested emphasis or links are written with their text, escaped past a depth, without recursing",
          arguments: [("*", 150_000), ("_", 80_000), ("[", 40_000)])
    func deepNesting(marker: String, depth: Int) throws {
        let typed = marker == "[" ? String(repeating: "[", count: depth) + "x" + String(repeating: "](https://a.example)", count: depth)
            : Self.nested(marker, depth: depth)
        var session = Fixtures.created()
        try session.apply(.pointAdded(point: Fixtures.point(100, .note, typed, item: 3)))
        let notes = try Fixtures.notesRenderer().render(session)
        #expect(notes.contains("x"))
        // Read back as GitHub would, with no more nesting than the writer keeps.
        guard let cmark = CmarkGFM.located() else { return }
        let depth = Self.inlineDepth(ofXML: try CmarkGFM.render(notes, format: "xml", with: cmark))
        #expect(depth <= TypedMarkdown.maximumInlineDepth, "nested \(depth) deep")
    }

    /// How deep emphasis, strong emphasis and links nest in cmark's XML of a document.
    static func inlineDepth(ofXML xml: String) -> Int {
        var depth = 0
        var deepest = 0
        for tag in xml.split(separator: "<").dropFirst() {
            let name = tag.prefix { $0.isLetter || $0 == "/" }
            switch name {
            case "emph", "strong", "link":
                if !tag.hasSuffix("/>") { depth += 1 }
                deepest = max(deepest, depth)
            case "/emph", "/strong", "/link": depth -= 1
            default: break
            }
        }
        return deepest
    }

    @Test("emphasis typed a few levels deep is kept as typed")
    func shallowNestingKept() {
        #expect(TypedMarkdown.oneLine("***both*** and *one*") == "***both*** and *one*")
    }

    @Test("an id at the top of the integer range is refused, not taken as the next id's base",
          arguments: [Int.max, Int.max - 1, 1 << 53, 0, -5])
    func idOutOfRange(raw: Int) {
        var session = Fixtures.created()
        let before = session
        #expect(throws: SessionError.idOutOfRange(EntityID(raw))) {
            try session.apply(.pointAdded(point: Fixtures.point(raw, .note, "planted", item: 3)))
        }
        #expect(session == before)
        #expect(session.nextID.rawValue > 0)
    }

    @Test("the largest id a session gives out is still accepted, and the next is one more")
    func largestID() throws {
        var session = Fixtures.created()
        try session.apply(.pointAdded(point: Fixtures.point(EntityID.largest.rawValue, .note, "last", item: 3)))
        #expect(session.nextID.rawValue == EntityID.largest.rawValue + 1)
    }
}
