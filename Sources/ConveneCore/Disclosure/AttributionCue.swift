/// Whether a word that is both a name and an ordinary word (Little, Keen, Collaborate, Mark) is
/// used as a name where it stands: decided by what surrounds it, the way a reader decides, not by
/// its place in the sentence. "Little argued", "according to Brown", "Dr Ball", "Keen's view" and
/// "thanked Mark" name someone; "Little is known", "the Sun rose" and "Mark the date" do not.
enum AttributionCue {
    /// Titles that put a name after them.
    static let titles: Set<String> = [
        "dr", "mr", "mrs", "ms", "mx", "miss", "prof", "professor", "sir", "dame", "lord", "lady", "cllr", "councillor",
    ]

    /// Verbs that say who said, thought or did something, written after (Little argued) or before
    /// the name (…, argued Little). Only lower-case forms count: a title-cased heading is no cue.
    static let attributionVerbs: Set<String> = [
        "said", "says", "argued", "argues", "suggested", "suggests", "noted", "added", "asked", "stated",
        "observed", "explained", "explains", "remarked", "commented", "claimed", "claims", "proposed", "warned", "warns",
        "emphasised", "emphasized", "stressed", "insisted", "insists", "felt", "feels", "believed", "believes",
        "thought", "thinks", "mentioned", "described", "shared", "reflected", "recalled", "countered", "replied",
        "responded", "agreed", "agrees", "disagreed", "disagrees", "questioned", "challenged", "highlighted",
        "cautioned", "urged", "wondered", "acknowledged", "conceded", "raised", "offered", "presented", "told",
        "wrote", "writes", "reported", "recommended", "recommends", "concluded", "echoed", "cited", "mooted",
        "contended", "reckoned", "reckons", "maintained", "hosted", "chaired", "convened", "introduced", "opened",
        "published", "funded", "funds", "commissioned", "spoke", "talked", "thanked", "welcomed", "admitted",
        "doubted", "objected", "predicted", "pointed", "put", "who",
    ]

    /// Words that, just before a name, make it the person or organisation spoken of.
    static let cuesBefore: Set<String> = ["thanked", "thank", "asked", "invited", "told", "quoted", "credited", "welcomed", "cc"]

    /// Prepositions that name a source ("from Brown", "at Collaborate", "by Little"), but also
    /// start title-cased phrases ("from Little Women"): they count only when no capitalised word follows.
    static let prepositions: Set<String> = ["from", "at", "by", "with", "per", "via"]

    /// Two-word cues before a name.
    static let phrasesBefore: Set<[String]> = [["according", "to"], ["thanks", "to"], ["behalf", "of"], ["view", "of"]]

    /// Words before a name that make it a thing: "the Sun", "a Little…", "this Ball".
    static let determiners: Set<String> = [
        "the", "a", "an", "this", "that", "these", "those", "its", "our", "their", "his", "her", "my", "your", "no",
        "some", "any", "every", "each", "very", "so", "too", "how", "such", "more", "most", "less", "least", "quite",
        "rather",
    ]

    /// Words skipped between a name and its verb: "Little also argued", "Ball, however, said".
    static let asides: Set<String> = ["also", "then", "later", "once", "too", "again", "however", "herself", "himself", "themselves", "itself"]

    /// Whether the capitalised word at `range` is written as a name.
    static func marksName(_ range: Range<String.Index>, in text: String) -> Bool {
        let before = NearbyWords.before(range, in: text)
        if let previous = before.first?.word, determiners.contains(previous.lowercased()) { return false }
        return followsTitle(range, in: text) || isPossessive(range, in: text)
            || hasVerbAfter(range, in: text) || hasCueBefore(before, range: range, in: text)
    }

    static func isPossessive(_ range: Range<String.Index>, in text: String) -> Bool {
        let rest = text[range.upperBound...]
        return rest.hasPrefix("'s") || rest.hasPrefix("’s") || rest.hasPrefix("' ") || rest.hasPrefix("’ ")
    }

    static func followsTitle(_ range: Range<String.Index>, in text: String) -> Bool {
        let before = text[..<range.lowerBound].trimmingCharacters(in: .whitespaces)
        let word = before.reversed().prefix { $0.isLetter || $0 == "." }.reversed()
        return titles.contains(String(word).lowercased().trimmingCharacters(in: ["."]))
    }

    /// An attribution verb after the name, past asides and other names joined to it ("Little,
    /// Brown and Ball agreed"). "Easier said than done" is a saying, not an attribution.
    static func hasVerbAfter(_ range: Range<String.Index>, in text: String) -> Bool {
        let after = NearbyWords.after(range, in: text)
        var inList = false
        for (index, token) in after.enumerated() {
            guard let word = token.word else {
                inList = true
                continue
            }
            if word == "and" || word == "or" {
                inList = true
                continue
            }
            if inList && token.isCapitalised { continue }
            if asides.contains(word) || (word.hasSuffix("ly") && word.count > 4 && word.first?.isLowercase == true) { continue }
            guard attributionVerbs.contains(word) else { return false }
            let next = after.dropFirst(index + 1).first?.word
            return next != "than"
        }
        return false
    }

    private static func hasCueBefore(_ before: [NearbyWords.Token], range: Range<String.Index>, in text: String) -> Bool {
        guard let previous = before.first?.word?.lowercased() else { return false }
        if attributionVerbs.contains(previous) || cuesBefore.contains(previous) { return true }
        if before.count > 1, let earlier = before[1].word, phrasesBefore.contains([earlier.lowercased(), previous]) { return true }
        guard prepositions.contains(previous) else { return false }
        // "from Little Women" is a title; "from Little, …" and "from Little on" are a person.
        return !(NearbyWords.after(range, in: text, limit: 1).first?.isCapitalised ?? false)
    }
}
