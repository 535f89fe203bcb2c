/// How people shorten and spell out the names on an attendee list: the forms the disclosure check
/// derives from each listed name.
enum NameParts {
    /// Small words skipped in initials: "Institute for Government" is IfG, "Centre for Public Impact" CPI.
    static let functionWords: Set<String> = ["for", "of", "and", "the", "&", "in", "on", "at", "to", "a", "an", "de"]

    /// First words that say what kind of body it is, not which: "National", "Office", "Centre".
    /// "Gateshead" in "Gateshead Council" names it; "Social" in "Social Finance" does not on its own.
    static let genericWords: Set<String> = [
        "national", "social", "youth", "centre", "center", "institute", "office", "department", "new", "public",
        "community", "royal", "british", "english", "local", "government", "council", "university", "college",
        "business", "school", "the", "city", "county", "borough", "trust", "fund", "foundation", "association",
    ]

    /// A person's name as words, without a note in brackets: "Rob Pollock (Chair)" is Rob Pollock.
    static func words(of name: String) -> [String] {
        var depth = 0
        let plain = String(name.filter { character in
            if character == "(" { depth += 1 } else if character == ")" { depth = max(0, depth - 1); return false }
            return depth == 0
        })
        return plain.split(whereSeparator: \.isWhitespace).map(String.init)
    }

    /// "Office for Civil Society, DCMS" is two names; "The Cares Family" is also written "Cares Family".
    static func organisationNames(_ organisation: String) -> [String] {
        organisation.split(whereSeparator: { $0 == "/" || $0 == "," || $0 == ";" })
            .map { $0.trimmingCharacters(in: .whitespaces) }
            .filter { !$0.isEmpty }
            .flatMap { name in
                name.hasPrefix("The ") ? [name, String(name.dropFirst(4))] : [name]
            }
    }

    struct Form {
        var text: String
        var strictness: DisclosureTerm.Strictness
        var standsFor: String?
    }

    /// The forms of an organisation's name (or an alias): as written, in capitals when it is a
    /// made-up spelling (iMPOWER), its acronym (Centre for Youth Impact → CYI), and its
    /// distinctive first word (Gateshead Council → Gateshead, Blagrove Trust → Blagrove).
    static func forms(of name: String) -> [Form] {
        let words = name.split(whereSeparator: \.isWhitespace).map(String.init)
        guard words.count > 1 else {
            guard isStyled(name) else { return [Form(text: name, strictness: .nameWord)] }
            return [Form(text: name, strictness: .exactCase), Form(text: name.uppercased(), strictness: .exactCase, standsFor: name)]
        }
        var forms = [Form(text: name, strictness: .exactCase)]
        if !words.contains(where: isAcronym) {
            forms += acronyms(of: words).map { Form(text: $0, strictness: .exactCase, standsFor: name) }
        }
        if let head = words.first, head.count > 2, head.first?.isUppercase == true, !isAcronym(head),
           !genericWords.contains(head.lowercased()) {
            forms.append(Form(text: head, strictness: .nameWord, standsFor: name))
        }
        return forms
    }

    /// The initials a written-out name would need to spell for `name` to be its abbreviation:
    /// "GO Lab" → GOL, "NLGN" → NLGN. Nil for a name with no capitals run (Collaborate, Social Finance).
    static func abbreviationLetters(of name: String) -> String? {
        let words = name.split(whereSeparator: \.isWhitespace).map(String.init)
        guard words.contains(where: isAcronym) else { return nil }
        let letters = words.map { word in isAcronym(word) ? word : String(word.prefix(1)).uppercased() }.joined()
        return letters.count > 2 ? letters : nil
    }

    /// Capitals throughout, two or more: RATIO, GO, DCMS.
    static func isAcronym(_ word: some StringProtocol) -> Bool {
        word.count > 1 && word.allSatisfy { $0.isUppercase || $0.isNumber }
    }

    /// Capitals after the first letter: RATIO, iMPOWER, NLGN. Such names are matched as written.
    private static func isStyled(_ word: String) -> Bool {
        word.dropFirst().contains(where: \.isUppercase)
    }

    /// "Institute for Government" → IfG and IFG; "Social Finance" → none (two letters say too little).
    private static func acronyms(of words: [String]) -> [String] {
        // A leading "The" is no part of an acronym: "The Cares Family" gives no "TCF".
        let words = words.first?.lowercased() == "the" ? Array(words.dropFirst()) : words
        let significant = words.filter { !functionWords.contains($0.lowercased()) }
        let capitals = significant.compactMap { $0.first?.uppercased() }.joined()
        var forms = [capitals]
        if significant.count < words.count {
            let withSmallWords = words.compactMap { word -> String? in
                guard let first = word.first, word != "&" else { return nil }
                return functionWords.contains(word.lowercased()) ? String(first).lowercased() : String(first).uppercased()
            }.joined()
            forms += [withSmallWords, withSmallWords.uppercased()]
        }
        return forms.filter { $0.count > 2 }
    }
}
