import Foundation

/// The ordinary English words, from the system's word lists (Debian's `wbritish` and `wamerican`):
/// a surname such as Little or Keen is also a word and counts only with a cue, while Hatchett or
/// Nesta is not and counts wherever it is written as a name.
///
/// Only entries written in lower case are kept: the lists also hold proper nouns (Nigel, Pollock),
/// which are exactly the names the check must not mistake for ordinary words.
public struct WordList: Sendable {
    /// Where Debian's packages put the lists.
    public static let systemPaths = ["/usr/share/dict/british-english", "/usr/share/dict/american-english"]

    private let words: Set<String>
    /// The lists that were read; empty when none was found.
    public let sources: [String]

    public init(words: some Sequence<String>) {
        self.words = Set(words.map { $0.lowercased() })
        sources = []
    }

    /// Reads the lists at `paths` that exist; the others are skipped (see `isEmpty`).
    public init(paths: [String]) {
        var words = Set<String>()
        var sources: [String] = []
        for path in paths {
            guard let data = FileManager.default.contents(atPath: path) else { continue }
            sources.append(path)
            for line in String(decoding: data, as: UTF8.self).split(whereSeparator: \.isNewline)
            where line.first?.isLowercase == true && !line.hasSuffix("'s") {
                words.insert(String(line))
            }
        }
        self.words = words
        self.sources = sources
    }

    /// The system's lists, read once per process.
    public static let system = WordList(paths: systemPaths)

    /// True when no list could be read: then no word is known to be ordinary, and every name-like
    /// word counts (more to review, nothing missed).
    public var isEmpty: Bool { words.isEmpty }

    /// Whether `word` (any case) is an ordinary word. A hyphenated word is ordinary only as a whole.
    public func isOrdinary(_ word: some StringProtocol) -> Bool {
        words.contains(word.lowercased())
    }
}
