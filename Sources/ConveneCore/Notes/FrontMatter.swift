/// The `---`-fenced YAML at the very top of a Markdown file, as the notes carry it for tools.
public enum FrontMatter {
    /// Where it stands in `text`, both fences included; nil when there is none. Found on UTF-8
    /// bytes: Foundation's `range(of:)` would first index the whole document in UTF-16.
    public static func range(in text: Substring) -> Range<String.Index>? {
        guard text.hasPrefix("---\n"), let end = text.utf8.dropFirst(3).firstRange(of: "\n---\n".utf8) else { return nil }
        return text.startIndex..<end.upperBound
    }
}
