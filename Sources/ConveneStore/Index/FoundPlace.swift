import ConveneCore

/// A place a search found, handed on while SQLite still holds it: the UTF-8 bytes of its session's
/// folder, of where in the session it is, and of the words around the match, good only until the
/// call that hands it on returns. A caller printing thousands of places writes them from here;
/// `hit` makes strings of them.
public struct FoundPlace {
    public let folder: UnsafeBufferPointer<UInt8>
    public let place: UnsafeBufferPointer<UInt8>
    /// The words around the match, as the index keeps them: line breaks and all.
    public let excerpt: UnsafeBufferPointer<UInt8>
    public let title: String

    /// The place as strings, its excerpt on one line (invalid UTF-8 repaired, as SQLite's text
    /// always is when made a string).
    public var hit: SearchHit {
        SearchHit(folder: String(decoding: folder, as: UTF8.self), title: title, place: String(decoding: place, as: UTF8.self),
                  excerpt: String(decoding: excerpt, as: UTF8.self).onOneLine)
    }

    /// Hands on `hit` as a found place: for places found without the index, shown the same way.
    public static func of<Result>(_ hit: SearchHit, _ body: (FoundPlace) throws -> Result) rethrows -> Result {
        var (folder, place, excerpt) = (hit.folder, hit.place, hit.excerpt)
        return try folder.withUTF8 { folder in
            try place.withUTF8 { place in
                try excerpt.withUTF8 { excerpt in
                    try body(FoundPlace(folder: folder, place: place, excerpt: excerpt, title: hit.title))
                }
            }
        }
    }
}
