/// A form of an attendee's or organisation's name to look for in captured text, with how strictly
/// it must look like a name to count.
struct DisclosureTerm: Sendable {
    enum Strictness: Sendable {
        /// A person's full name: counts in any case.
        case anyCase
        /// An organisation as it writes itself (RATIO, GO Lab, iMPOWER, Social Finance), or an
        /// acronym: counts in that exact case.
        case exactCase
        /// One word that names (a surname, a first name, "Gateshead"): counts where it is
        /// capitalised, and, when it is also an ordinary word, only with a cue (`AttributionCue`).
        case nameWord
    }

    var text: String
    var strictness: Strictness
    var reason: DisclosureFinding.Reason
    /// The attendee(s) it would identify.
    var attendees: [String]
    /// Their names' words, folded (`NameFolding.fold`), in the same order: read at every match of a
    /// first name or surname (`OtherPerson`), so made once.
    var attendeeWords: [[String]] = []
    /// The listed name a derived form stands for ("Gateshead Council" for "Gateshead"); nil for
    /// the listed form itself.
    var standsFor: String?

    /// Every form that identifies the attendees, one per spelling (`NameIndex` orders them: the
    /// longest first, so that "Michael Little" is found before "Little" claims the same words).
    static func terms(for attendees: [Attendee]) -> [DisclosureTerm] {
        var terms: [String: DisclosureTerm] = [:]
        // Who each form already names: a form many share ("Council", a common first name) is
        // checked in constant time, so the terms of 100,000 attendees take linear time.
        var named: [String: Set<String>] = [:]
        func add(_ text: String, _ strictness: Strictness, _ reason: DisclosureFinding.Reason, _ name: String, standsFor: String? = nil) {
            guard text.count > 1 else { return }
            // "O'Brien" is also typed "OBrien" and "O Brien"; "Ngā Tāngata" is found as "Nga Tangata" by the index.
            if text.contains(where: { $0 == "'" || $0 == "’" }) {
                for spelling in ["", " "] {
                    let plain = text.replacingOccurrences(of: "'", with: spelling).replacingOccurrences(of: "’", with: spelling)
                    add(plain, strictness, reason, name, standsFor: standsFor ?? (strictness == .exactCase ? text : nil))
                }
            }
            let key = strictness == .exactCase ? text : text.lowercased()
            if terms[key] == nil {
                terms[key] = DisclosureTerm(text: text, strictness: strictness, reason: reason, attendees: [], standsFor: standsFor)
            }
            if named[key, default: []].insert(name).inserted {
                terms[key]?.attendees.append(name)
                terms[key]?.attendeeWords.append(NameParts.words(of: name).map(NameFolding.fold))
            }
        }
        for attendee in attendees {
            let person = attendee.name
            let words = NameParts.words(of: person)
            if words.count > 1 {
                add(words.joined(separator: " "), .anyCase, .fullName, person)
                if words.count > 2 { add("\(words[0]) \(words[words.count - 1])", .anyCase, .fullName, person) }
                add(words[0], .nameWord, .firstName, person)
            }
            if let surname = words.last {
                add(surname, .nameWord, words.count > 1 ? .surname : .fullName, person)
            }
            for alias in attendee.aliases ?? [] {
                for form in NameParts.forms(of: alias) { add(form.text, form.strictness, .alias, person, standsFor: form.standsFor) }
            }
            for organisation in NameParts.organisationNames(attendee.organisation ?? "") {
                for form in NameParts.forms(of: organisation) { add(form.text, form.strictness, .organisation, person, standsFor: form.standsFor) }
            }
        }
        return Array(terms.values)
    }
}

/// An abbreviation on the list (GO Lab, NLGN) whose written-out name may appear instead
/// ("Government Outcomes Lab"): the initials a run of capitalised words must spell.
struct Abbreviation: Sendable {
    var letters: String
    var name: String
    var reason: DisclosureFinding.Reason
    var attendees: [String]

    /// The attendees' abbreviations, by the initials a written-out name must spell.
    static func abbreviations(for attendees: [Attendee]) -> [String: Abbreviation] {
        var found: [String: Abbreviation] = [:]
        for attendee in attendees {
            let named = NameParts.organisationNames(attendee.organisation ?? "").map { ($0, DisclosureFinding.Reason.organisation) }
                + (attendee.aliases ?? []).map { ($0, DisclosureFinding.Reason.alias) }
            for (name, reason) in named {
                guard let letters = NameParts.abbreviationLetters(of: name) else { continue }
                found[letters, default: Abbreviation(letters: letters, name: name, reason: reason, attendees: [])].attendees.append(attendee.name)
            }
        }
        return found
    }
}
