/// A name to look for in captured text, with how strictly it must look like a name to count.
struct DisclosureTerm: Sendable {
    enum Strictness: Sendable {
        /// A person's full name: counts in any case.
        case anyCase
        /// A surname alone, or an organisation that is also an ordinary word: counts only where it
        /// is written as a name (capitalised away from the start of a sentence, possessive, or
        /// after a title such as Dr).
        case writtenAsName
        /// An organisation as it writes itself (RATIO, GO Lab, iMPOWER): counts in that exact case.
        case exactCase
    }

    var text: String
    var strictness: Strictness
    var reason: DisclosureFinding.Reason
    /// The attendee(s) it would identify.
    var attendees: [String]

    /// The terms that identify the attendees: full names, surnames, organisations.
    static func terms(for attendees: [Attendee]) -> [DisclosureTerm] {
        var terms: [String: DisclosureTerm] = [:]
        func add(_ text: String, _ strictness: Strictness, _ reason: DisclosureFinding.Reason, _ name: String) {
            let key = text.lowercased()
            guard !text.isEmpty else { return }
            if terms[key] == nil {
                terms[key] = DisclosureTerm(text: text, strictness: strictness, reason: reason, attendees: [])
            }
            if terms[key]?.attendees.contains(name) == false { terms[key]?.attendees.append(name) }
        }
        for attendee in attendees {
            let words = attendee.name.split(whereSeparator: \.isWhitespace).map(String.init)
            if words.count > 1 {
                add(words.joined(separator: " "), .anyCase, .fullName, attendee.name)
            }
            if let surname = words.last {
                add(surname, .writtenAsName, words.count > 1 ? .surname : .fullName, attendee.name)
            }
            for organisation in organisationNames(attendee.organisation ?? "") {
                let ordinaryWord = !organisation.contains(" ") && organisation.dropFirst().allSatisfy(\.isLowercase)
                add(organisation, ordinaryWord ? .writtenAsName : .exactCase, .organisation, attendee.name)
            }
        }
        // Longest first, so that "Michael Little" is found before "Little" claims the same words.
        return terms.values.sorted { ($0.text.count, $0.text) > ($1.text.count, $1.text) }
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
}
