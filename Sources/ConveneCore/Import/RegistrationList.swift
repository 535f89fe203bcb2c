import Foundation

/// People from a registration export (Eventbrite, a booking form, a spreadsheet): which columns
/// hold what, guessed from the usual headers or named by the person importing, and the attendees
/// the rows give, without the people already on the list.
public struct RegistrationList: Sendable {
    /// Where each field is, by column (0 is the first).
    public struct Columns: Equatable, Sendable {
        public var name: Int?
        public var firstName: Int?
        public var lastName: Int?
        public var organisation: Int?
        public var role: Int?
        /// A column saying who sent apologies: "Apologies" (yes/no), or "Attendance"/"Status" ("Apologies", "Declined").
        public var apologies: Int?

        public init(name: Int? = nil, firstName: Int? = nil, lastName: Int? = nil, organisation: Int? = nil, role: Int? = nil,
                    apologies: Int? = nil) {
            self.name = name
            self.firstName = firstName
            self.lastName = lastName
            self.organisation = organisation
            self.role = role
            self.apologies = apologies
        }

        /// Whether the rows can give a name.
        public var hasName: Bool { name != nil || firstName != nil || lastName != nil }

        /// The column of `field`.
        public subscript(field: Field) -> Int? {
            get {
                switch field {
                case .name: name
                case .firstName: firstName
                case .lastName: lastName
                case .organisation: organisation
                case .role: role
                case .apologies: apologies
                }
            }
            set {
                switch field {
                case .name: name = newValue
                case .firstName: firstName = newValue
                case .lastName: lastName = newValue
                case .organisation: organisation = newValue
                case .role: role = newValue
                case .apologies: apologies = newValue
                }
            }
        }
    }

    /// The fields a column may be named for, with the headers registration exports use.
    public enum Field: String, CaseIterable, Sendable {
        case name, firstName = "first name", lastName = "last name", organisation, role, apologies

        var headers: Set<String> {
            switch self {
            case .name: ["name", "full name", "fullname", "attendee", "attendee name", "participant", "participant name", "delegate",
                         "delegate name", "guest", "guest name"]
            case .firstName: ["first name", "firstname", "first", "given name", "forename", "christian name"]
            case .lastName: ["last name", "lastname", "surname", "family name", "second name"]
            case .organisation: ["organisation", "organization", "company", "company name", "org", "organisation name",
                                 "organization name", "employer", "affiliation", "institution", "agency"]
            case .role: ["role", "session role", "attendee role"]
            case .apologies: ["apologies", "apology", "attendance", "attending", "status", "attendee status", "rsvp", "response"]
            }
        }
    }

    public let header: [String]
    public let rows: [[String]]

    public init(header: [String], rows: [[String]]) {
        self.header = header
        self.rows = rows
    }

    /// A header as compared: lower case, accents and punctuation gone, spaces single.
    static func key(_ header: String) -> String {
        let letters = String(header.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil)
            .map { $0.isLetter || $0.isNumber ? $0 : " " })
        return letters.split(separator: " ").joined(separator: " ")
    }

    /// The columns the headers name, as far as they can be told.
    public func guessedColumns() -> Columns {
        var columns = Columns()
        for (index, title) in header.enumerated() {
            let key = Self.key(title)
            guard let field = Field.allCases.first(where: { $0.headers.contains(key) }) else { continue }
            columns[field] = columns[field] ?? index
        }
        return columns
    }

    /// The column whose header is `title` (compared as headers are), nil when none is.
    public func column(named title: String) -> Int? {
        let key = Self.key(title)
        return header.firstIndex { Self.key($0) == key }
    }

    /// A row whose "name" cannot be a person's.
    public struct Implausible: Equatable, Sendable {
        public var row: Int
        public var length: Int
        /// Its first few words, to find it in the file.
        public var opening: String
    }

    /// What importing the rows gives.
    public struct Import: Equatable, Sendable {
        public var attendees: [Attendee]
        /// Names already on the list (or twice in the file), left out.
        public var duplicates: [String]
        /// Rows without a name (blank lines, totals), by number (1 is the first row after the header).
        public var nameless: [Int]
        /// Rows whose "name" is longer than any person's (a stray quote, a pasted paragraph), by
        /// number, with the name's length and opening: left out and said, never added.
        public var implausible: [Implausible] = []

        /// The attendees added as one change, so that one undo takes the import back; nil when there is no one.
        public var event: SessionEvent? {
            attendees.isEmpty ? nil : .batch(events: attendees.map { .attendeeAdded(attendee: $0) })
        }
    }

    /// The attendees the rows give, with ids from `firstID` on; people already in `existing` (the
    /// same name, ignoring case and accents) or earlier in the file are left out and listed.
    public func attendees(columns: Columns, existing: [Attendee], firstID: EntityID) -> Import {
        var seen = Set(existing.map { Self.key($0.name) })
        var result = Import(attendees: [], duplicates: [], nameless: [])
        var nextID = firstID.rawValue
        for (offset, row) in rows.enumerated() {
            func cell(_ column: Int?) -> String {
                guard let column, row.indices.contains(column) else { return "" }
                // Spreadsheets keep stray spaces: one space between words, none around them.
                return TextRules.cleaned(row[column], singleLine: true).split(whereSeparator: \.isWhitespace).joined(separator: " ")
            }
            var name = cell(columns.name)
            if name.isEmpty { name = [cell(columns.firstName), cell(columns.lastName)].filter { !$0.isEmpty }.joined(separator: " ") }
            var role = Self.role(cell(columns.role))
            // "Rob Pollock (Chair)": the role written after the name, as minutes often list it.
            if let open = name.lastIndex(of: "("), name.hasSuffix(")") {
                let written = Self.role(String(name[name.index(after: open)..<name.index(before: name.endIndex)]))
                if written != .participant {
                    role = written
                    name = name[..<open].trimmingCharacters(in: .whitespaces)
                }
            }
            guard !name.isEmpty else {
                if !row.allSatisfy({ $0.trimmingCharacters(in: .whitespaces).isEmpty }) { result.nameless.append(offset + 1) }
                continue
            }
            guard name.count <= Self.longestName else {
                result.implausible.append(Implausible(row: offset + 1, length: name.count, opening: String(name.prefix(40))))
                continue
            }
            guard seen.insert(Self.key(name)).inserted else {
                result.duplicates.append(name)
                continue
            }
            let organisation = cell(columns.organisation)
            let apologies = columns.apologies.map { Self.sentApologies(cell($0), header: header[$0]) } ?? false
            result.attendees.append(Attendee(id: EntityID(nextID), name: name, organisation: organisation.isEmpty ? nil : organisation,
                                             role: role, apologies: apologies))
            nextID += 1
        }
        return result
    }

    /// Longer than any person's name with their titles: a "name" past it is something else.
    public static let longestName = 120

    static func role(_ text: String) -> Attendee.Role {
        let key = Self.key(text)
        if key.contains("chair") || key.contains("facilitator") || key.contains("host") { return .chair }
        if key.contains("speaker") || key.contains("presenter") || key.contains("panellist") || key.contains("panelist") { return .speaker }
        if key.contains("note") || key.contains("rapporteur") || key.contains("scribe") { return .noteTaker }
        return .participant
    }

    /// Whether a cell of the apologies column means the person is not coming. Under "Apologies"
    /// any yes counts; under "Attendance", "Status" or "RSVP" the words people write for not coming.
    static func sentApologies(_ text: String, header: String) -> Bool {
        let value = key(text)
        guard !value.isEmpty else { return false }
        let yes: Set<String> = ["yes", "y", "true", "x", "1", "apologies", "apology", "sent apologies", "sent"]
        if ["apologies", "apology"].contains(key(header)) { return yes.contains(value) }
        let absent = ["apolog", "declin", "not attending", "not coming", "absent", "cancel", "unable", "regret"]
        if absent.contains(where: value.contains) { return true }
        // An "Attending" column answered no.
        return ["attending", "rsvp", "response"].contains(key(header)) && ["no", "n", "false", "0"].contains(value)
    }
}
