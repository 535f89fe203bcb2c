import Yams

/// Yams nodes for the notes' front matter, made without waking Yams' default resolver.
///
/// A node made without a tag, or a `Tag` made without a resolver, reads `Resolver.default`, whose
/// first use compiles seven regular expressions, a noticeable part of a short command. The emitter writes every scalar as implicit (no tag in the
/// output), so the resolver matters only to `String.represented()`'s question: would this text,
/// unquoted, read back as something else (a boolean, a number, nothing)? Every default rule is
/// anchored at the text's start and can match only a text that starts with one of a few
/// characters or is one of a few words; any other text is a string as it stands, and only the rest
/// is put to the resolver.
enum FrontMatterYAML {
    /// A text, quoted only when Yams would quote it.
    static func text(_ string: String) -> Node {
        mightReadAsOther(string) ? .scalar(string.represented()) : Node(string, tag(.str))
    }

    static func scalar(_ string: String, _ name: Tag.Name) -> Node { Node(string, tag(name)) }

    static func sequence(_ nodes: [Node]) -> Node { Node(nodes, tag(.seq)) }

    /// A mapping from plain keys.
    static func mapping(_ pairs: [(key: String, value: Node)]) -> Node {
        Node(pairs.map { (Node($0.key, tag(.str)), $0.value) }, tag(.map))
    }

    /// A tag that names its kind, so neither the node nor the emitter asks a resolver.
    private static func tag(_ name: Tag.Name) -> Tag { Tag(name, .basic, .default) }

    /// False only when no rule of Yams' default resolver can match `string`: the first characters
    /// of the rules' patterns (numbers, dates, `.inf`, `<<`, `=`, `~`), their words in any case
    /// (`yes`, `no`, `true`, `false`, `on`, `off`, `null`), the empty text, and any line break
    /// (before which a pattern's `$` also matches).
    static func mightReadAsOther(_ string: String) -> Bool {
        guard let first = string.unicodeScalars.first else { return true }
        if "-+.0123456789<~=".unicodeScalars.contains(first) { return true }
        if string.unicodeScalars.contains(where: { lineBreaks.contains($0) }) { return true }
        return string.utf8.count <= 5 && resolvedWords.contains(string.lowercased())
    }

    private static let lineBreaks: Set<Unicode.Scalar> = ["\n", "\r", "\u{0B}", "\u{0C}", "\u{85}", "\u{2028}", "\u{2029}"]
    private static let resolvedWords: Set<String> = ["yes", "no", "true", "false", "on", "off", "null"]
}
