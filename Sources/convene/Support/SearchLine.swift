import ConveneCore
import ConveneStore

/// How `convene search` prints a place it found: the session's folder, two spaces, where in the
/// session, a colon and the words around the match, on one line.
enum SearchLine {
    /// The line of `hit`, not yet made safe.
    static func text(of hit: SearchHit) -> String {
        "\(VisibleText.of(hit.folder))  \(hit.place): \(hit.excerpt)"
    }

    /// Appends the line of `found`, made safe and ended, to `bytes`. Plain text (nearly all of it)
    /// is copied from where SQLite holds it; anything else is made a string and shown as
    /// `Output.writtenLine` shows it, which leaves plain text as it is.
    @Sendable static func append(_ found: FoundPlace, to bytes: inout [UInt8]) {
        guard VisibleText.isPlain(found.folder), VisibleText.isPlain(found.place), VisibleText.isPlain(found.excerpt) else {
            bytes += Output.writtenLine(text(of: found.hit)).utf8
            return
        }
        bytes += found.folder
        bytes += "  ".utf8
        bytes += found.place
        bytes += ": ".utf8
        bytes += found.excerpt
        bytes.append(0x0A)
    }
}
