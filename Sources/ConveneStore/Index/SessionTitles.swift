import GRDB

/// The titles of the sessions a search finds places in, for the places it hands on. Joined to
/// every place in SQL, the title was a fifth of a common word's query (the same session's title
/// looked up again for each of its places); a statement per session costs about as much once a
/// word is in hundreds of sessions. So the first few sessions' titles are looked up one by one,
/// and from the next one on all of them are read at once.
struct SessionTitles {
    /// Sessions looked up one by one before all titles are read.
    static let lookedUpOneByOne = 8

    private let db: Database
    /// Titles known so far; nil for a folder without a session row.
    private var known: [String: String?] = [:]
    private var allRead = false

    init(_ db: Database) {
        self.db = db
    }

    /// The title of the session in `folder`, nil when the index has no session there.
    mutating func title(of folder: String) throws -> String? {
        if let title = known[folder] { return title }
        if allRead { return nil }
        if known.count < Self.lookedUpOneByOne {
            let title = try String.fetchOne(db, sql: "SELECT title FROM session WHERE folder = ?", arguments: [folder])
            known[folder] = title
            return title
        }
        let rows = try Row.fetchCursor(db, sql: "SELECT folder, title FROM session")
        while let row = try rows.next() { known[row[0]] = .some(row[1]) }
        allRead = true
        return known[folder] ?? nil
    }
}
