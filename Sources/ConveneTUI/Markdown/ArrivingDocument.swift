import ConveneCore

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
    /// Where the opening may end: at the first blank line after this many bytes.
    static let openingBytes = 16 * 1024

    public init(parsing source: String) {
        let bytes = source.utf8
        // Cut at a blank line past the front matter, so between blocks or inside one that shows
        // the same lines before the cut either way (a fenced code block, a quote, a list). What the
        // opening cannot know (a link defined further down) shows as typed until the whole arrives,
        // a moment later.
        let frontMatterEnd = FrontMatter.range(in: Substring(source))?.upperBound ?? source.startIndex
        let earliest = max(bytes.index(bytes.startIndex, offsetBy: Self.openingBytes, limitedBy: bytes.endIndex) ?? bytes.endIndex, frontMatterEnd)
        guard bytes.count > Self.wholeAtOnceBytes, let cut = bytes[earliest...].firstRange(of: "\n\n".utf8) else {
            opening = MarkdownDocument(parsing: source)
            openingShare = 1
            whole = nil
            return
        }
        opening = MarkdownDocument(parsing: String(source[..<cut.lowerBound]))
        openingShare = Double(bytes.distance(from: bytes.startIndex, to: cut.lowerBound)) / Double(bytes.count)
        // Started after the opening is parsed: cmark's parses take turns (see the C shim).
        whole = Prefetched { MarkdownDocument(parsing: source) }
    }
}
