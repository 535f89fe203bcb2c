#if canImport(Glibc)
import Glibc
#endif

/// Where a long Markdown text may be cut into parts that cmark can parse one by one, each part
/// giving the blocks it gives inside the whole: so that one part is converted and laid out while
/// the next is parsed (cmark's parses take turns, see the C shim), and a long record is shown
/// as it is parsed, never held whole.
///
/// A part ends just before a heading written at the start of a line after a blank line, `# …`
/// to `###### …`. Such a line starts a heading of the whole document unless a code block or an
/// HTML block left open above swallows it: lists, quotes, paragraphs and tables all end there.
/// The cut cannot see that from the text alone, so whoever parses the parts checks each part's
/// last block (`MarkdownDocument` re-parses a part that ends in code or HTML together with the
/// next). A text with link reference or footnote definitions (`[…]: …`), which reach across the
/// whole document, is never cut.
///
/// A part may also end inside a long bullet list, before one of its items (`ListRun`): the list
/// of thousands of points a session's questions or actions make has no heading to cut at. Its
/// two parts each read as a list, which whoever parses the parts joins again into one.
enum MarkdownSections {
    /// One part: its bytes, and whether it starts with the rest of a bullet list the part before
    /// ends with.
    struct Part: Equatable {
        var range: Range<Int>
        var continuesList = false
    }

    /// The parts of `bytes`, following each other and covering it whole, each of at least `size`
    /// bytes but the last; one part when it cannot or need not be cut.
    static func parts(of bytes: UnsafeBufferPointer<UInt8>, size: Int) -> [Part] {
        guard bytes.count / 2 >= size, !containsDefinition(bytes) else { return [Part(range: 0..<bytes.count)] }
        var starts = [Part(range: 0..<0)]
        for cut in cuts(in: bytes) where cut.range.lowerBound - starts[starts.count - 1].range.lowerBound >= size
            && bytes.count - cut.range.lowerBound >= size {
            starts.append(cut)
        }
        return starts.indices.map { index in
            let end = index + 1 < starts.count ? starts[index + 1].range.lowerBound : bytes.count
            return Part(range: starts[index].range.lowerBound..<end, continuesList: starts[index].continuesList)
        }
    }

    /// Every place a part may start, in order (as empty parts at that place).
    private static func cuts(in bytes: UnsafeBufferPointer<UInt8>) -> [Part] {
        var cuts: [Part] = []
        var list = ListRun()
        var lineStart = 0
        var previousLineIsBlank = false
        while lineStart < bytes.count {
            let lineEnd = endOfLine(from: lineStart, in: bytes)
            let line = lineStart..<lineEnd
            if isBlank(line, in: bytes) {
                list.blankLine()
                previousLineIsBlank = true
            } else {
                for item in list.line(line, in: bytes, afterBlank: previousLineIsBlank) {
                    cuts.append(Part(range: item..<item, continuesList: true))
                }
                if previousLineIsBlank, startsHeading(at: lineStart, end: lineEnd, in: bytes) {
                    cuts.append(Part(range: lineStart..<lineStart))
                }
                previousLineIsBlank = false
            }
            lineStart = lineEnd + 1
        }
        for item in list.end() { cuts.append(Part(range: item..<item, continuesList: true)) }
        return cuts
    }

    /// A bullet list that may be cut between its items: one that the whole document reads as one
    /// tight list of `- ` items and nothing else, so that its two parts read as the same items.
    /// That is a run of lines with no blank line among them, each starting an item with `- ` at
    /// the margin or continuing one (indented two spaces or more); at the start of the text or
    /// after a heading and a blank line, so that it starts the list (after anything else, it may
    /// be the lazy last line of a list item above, and the list goes on below the blank line);
    /// ending in a blank line (or the end) before something that is not a list item or indented,
    /// so that the list ends with it. Anything else, and the run is not cut.
    private struct ListRun {
        /// The items after the first of the run being read; nil when not in a run that may be cut.
        private var items: [Int]?
        /// A run ended by a blank line, cut only if the list has ended too.
        private var ended: [Int]?
        /// Whether a list may start here: at the start, or after a heading (and a blank line).
        private var mayStart = true

        /// A line that is not blank; the items the run it ended may be cut before, if any.
        mutating func line(_ line: Range<Int>, in bytes: UnsafeBufferPointer<UInt8>, afterBlank: Bool) -> [Int] {
            defer { mayStart = MarkdownSections.startsHeading(at: line.lowerBound, end: line.upperBound, in: bytes) }
            var cuttable: [Int] = []
            if let run = ended {
                if !Self.mayContinueList(bytes[line.lowerBound]) { cuttable = run }
                ended = nil
            }
            if items != nil {
                if Self.startsItem(line, in: bytes) {
                    items?.append(line.lowerBound)
                } else if !Self.isIndented(line, in: bytes) {
                    items = nil  // a lazy line or anything else: not cut
                }
            } else if afterBlank || line.lowerBound == 0, mayStart, Self.startsItem(line, in: bytes) {
                items = []
            }
            return cuttable
        }

        mutating func blankLine() {
            if let run = items { ended = run }
            items = nil
        }

        /// The end of the text: a run going on to it, or ended by a blank line, ends the list.
        mutating func end() -> [Int] {
            defer { items = nil; ended = nil }
            return items ?? ended ?? []
        }

        /// `- ` at the margin and something after it, and not a thematic break (`- - -`).
        private static func startsItem(_ line: Range<Int>, in bytes: UnsafeBufferPointer<UInt8>) -> Bool {
            guard line.count > 2, bytes[line.lowerBound] == UInt8(ascii: "-"), bytes[line.lowerBound + 1] == UInt8(ascii: " ") else { return false }
            let marks = line.filter { bytes[$0] == UInt8(ascii: "-") }.count
            let rule = line.allSatisfy { [UInt8(ascii: "-"), UInt8(ascii: " "), UInt8(ascii: "\t")].contains(bytes[$0]) }
            return !(rule && marks >= 3) && line.contains { ![UInt8(ascii: " "), UInt8(ascii: "\t")].contains(bytes[$0]) && $0 > line.lowerBound }
        }

        /// Two spaces at least before the line's text: inside the item above.
        private static func isIndented(_ line: Range<Int>, in bytes: UnsafeBufferPointer<UInt8>) -> Bool {
            line.count > 2 && bytes[line.lowerBound] == UInt8(ascii: " ") && bytes[line.lowerBound + 1] == UInt8(ascii: " ")
        }

        /// Whether a line starting with `byte` could be a list item or inside one.
        private static func mayContinueList(_ byte: UInt8) -> Bool {
            [UInt8(ascii: " "), UInt8(ascii: "\t"), UInt8(ascii: "-"), UInt8(ascii: "*"), UInt8(ascii: "+")].contains(byte)
                || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte)
        }
    }

    /// Where the line starting at `start` ends: at its line feed, or at the end of the text.
    private static func endOfLine(from start: Int, in bytes: UnsafeBufferPointer<UInt8>) -> Int {
        find(UInt8(ascii: "\n"), from: start, in: bytes) ?? bytes.count
    }

    /// The first `byte` at or after `start` (memchr: a long record is read through once before
    /// its first part is parsed).
    private static func find(_ byte: UInt8, from start: Int, in bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        guard let base = bytes.baseAddress, start < bytes.count,
              let found = memchr(base + start, Int32(byte), bytes.count - start)
        else { return nil }
        return UnsafeRawPointer(found) - UnsafeRawPointer(base)
    }

    private static func isBlank(_ line: Range<Int>, in bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        line.allSatisfy { bytes[$0] == UInt8(ascii: " ") || bytes[$0] == UInt8(ascii: "\t") || bytes[$0] == UInt8(ascii: "\r") }
    }

    /// An ATX heading at the very start of the line: one to six `#`, then a blank or the line's end.
    private static func startsHeading(at start: Int, end: Int, in bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var index = start
        while index < end, bytes[index] == UInt8(ascii: "#") { index += 1 }
        let level = index - start
        guard (1...6).contains(level) else { return false }
        return index == end || bytes[index] == UInt8(ascii: " ") || bytes[index] == UInt8(ascii: "\t")
    }

    /// Whether `]:` occurs anywhere: every link reference and footnote definition holds it, so a
    /// text without it has none (a text with it is simply not cut, whatever the `]:` was).
    private static func containsDefinition(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var from = 1
        while let colon = find(UInt8(ascii: ":"), from: from, in: bytes) {
            if bytes[colon - 1] == UInt8(ascii: "]") { return true }
            from = colon + 1
        }
        return false
    }
}
