/// A place where a search query was found: `convene search`, and the review list.
public struct SearchHit: Sendable, Equatable {
    public var folder: String
    public var title: String
    /// The session's date, where the one searching is shown it (the review list); empty otherwise.
    public var date: String
    /// "title", "purpose", or the captured text's place as the screen shows it, e.g. "item 3 · point 2 · ‘…’".
    public var place: String
    /// The text around the hit, on one line.
    public var excerpt: String

    public init(folder: String, title: String, date: String = "", place: String, excerpt: String) {
        (self.folder, self.title, self.date, self.place, self.excerpt) = (folder, title, date, place, excerpt)
    }
}
