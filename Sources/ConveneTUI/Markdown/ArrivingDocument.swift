import ConveneCore
import Foundation
import Synchronization

/// A document for the reader that opens at once however long it is, as `less` shows its first page
/// before reading the rest: the opening (more than any screen shows) is parsed first, on this
/// thread, and the whole on another meanwhile, for the reader to take over when the keys first
/// pause or a key needs it.
public struct ArrivingDocument: Sendable {
    public let opening: MarkdownDocument
    /// How much of the whole the opening is, by bytes.
    public let openingShare: Double
    /// Nil when the opening is the whole document.
    public let whole: Prefetched<MarkdownDocument>?

    /// Documents shorter than this are parsed whole at once: a few milliseconds.
    static let wholeAtOnceBytes = 64 * 1024
    /// Where the opening may end: at the first blank line, else the first line break, after this
    /// many bytes (and after the front matter), within the first `wholeAtOnceBytes`.
    static let openingBytes = 16 * 1024

    public init(parsing source: String) {
        self.init(head: String(decoding: source.utf8.prefix(Self.wholeAtOnceBytes), as: UTF8.self), count: source.utf8.count) { source }
    }

    /// A document read as bytes (a long record from its file): only its first bytes are made text
    /// before the first screen; the whole is decoded and parsed behind it.
    public init(parsing bytes: Data) {
        let handed = HandedOver(bytes)
        self.init(head: String(decoding: bytes.prefix(Self.wholeAtOnceBytes), as: UTF8.self), count: bytes.count) {
            String(decoding: handed.take() ?? Data(), as: UTF8.self)
        }
    }

    /// The bytes for the work behind, let go once made text: held until the parse ends, they
    /// were a second copy of a long record all the while (17 MB at 200,000 points).
    private final class HandedOver: Sendable {
        private let bytes: Mutex<Data?>

        init(_ bytes: Data) {
            self.bytes = Mutex(bytes)
        }

        func take() -> Data? {
            bytes.withLock { $0.take() }
        }
    }

    /// `head`: the first bytes of a document of `count` bytes, which `whole` gives in full.
    private init(head: String, count: Int, whole: @escaping @Sendable () -> String) {
        guard count > Self.wholeAtOnceBytes, let cut = Self.openingEnd(in: head) else {
            self.init(opening: MarkdownDocument(parsing: whole()), openingShare: 1, whole: nil)
            return
        }
        // Started after the opening is parsed: cmark's parses take turns (see the C shim).
        self.init(opening: MarkdownDocument(parsing: String(head[..<cut])),
                  openingShare: Double(head.utf8.distance(from: head.startIndex, to: cut)) / Double(count),
                  whole: Prefetched(behind: true) { MarkdownDocument(parsing: whole()) })
    }

    /// Where the opening ends in `head`: at a blank line past the front matter, so between blocks
    /// or inside one that shows the same lines before the cut either way (a fenced code block, a
    /// quote, a list); in a long list or table with no blank line, at a line break. Either is
    /// some hundreds of lines below the first screen. What the opening cannot know (a link defined
    /// further down, a list loose further down) shows as the opening has it until the whole
    /// arrives, a moment later. Nil when the front matter does not end in `head` (never written by
    /// Convene) or no line ends there.
    private static func openingEnd(in head: String) -> String.Index? {
        let frontMatter = FrontMatter.range(in: Substring(head))
        guard frontMatter != nil || !head.hasPrefix("---\n") else { return nil }
        let bytes = head.utf8
        let earliest = max(bytes.index(bytes.startIndex, offsetBy: openingBytes, limitedBy: bytes.endIndex) ?? bytes.endIndex,
                           frontMatter?.upperBound ?? head.startIndex)
        let from = bytes.distance(from: bytes.startIndex, to: earliest)
        // Looked for in the bytes where they lie: the generic `firstRange(of:)` took 2 ms to go
        // through a long list's 48 KiB without a blank line, most of `review`'s own work.
        var copy = head
        let cut = copy.withUTF8 { utf8 -> Int? in
            var lineBreak: Int?
            for index in utf8.indices.dropFirst(from) where utf8[index] == 0x0A {
                if index + 1 < utf8.count, utf8[index + 1] == 0x0A { return index }
                lineBreak = lineBreak ?? index
            }
            return lineBreak
        }
        return cut.map { bytes.index(bytes.startIndex, offsetBy: $0) }
    }

    private init(opening: MarkdownDocument, openingShare: Double, whole: Prefetched<MarkdownDocument>?) {
        self.opening = opening
        self.openingShare = openingShare
        self.whole = whole
    }
}
