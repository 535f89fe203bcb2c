/// Why an event was refused. The session is unchanged whenever one of these is thrown.
public enum SessionError: Error, Equatable, Sendable, CustomStringConvertible {
    case notCreated
    case alreadyCreated
    case emptyText(field: String)
    case controlCharacters(field: String)
    case invalidDate(String)
    case invalidFolderName(String)
    case invalidTimebox(Int)
    case unknown(what: String, id: EntityID)
    case duplicateID(EntityID)
    case idOutOfRange(EntityID)
    case speakerUnderChathamHouse
    case speakersRecorded(count: Int)
    case subthemeWithoutTheme
    case ratingOutOfRange(axis: String, value: Int)
    case malformedTable(String)
    case responsesExceedPrompts(item: EntityID)
    case itemInUse(id: EntityID, uses: Int)
    case nothingToUndo
    case undoUnreadable(reason: String)
    case outOfSequence(expected: Int, found: Int)
    case undoMismatch(undoes: Int, newestUndoable: Int?)
    case voteOptions(count: Int)
    case voteDots(Int)
    case voteClosed
    case ballot(dots: Int, options: Int)
    /// No change in the journal has this id (`convene sync --put-back`).
    case noSuchChange(String)

    public var description: String {
        switch self {
        case .notCreated:
            "the session has not been created yet"
        case .alreadyCreated:
            "the session already exists"
        case .emptyText(let field):
            "the \(field) is empty"
        case .controlCharacters(let field):
            "the \(field) contains control characters"
        case .invalidDate(let date):
            "‘\(date)’ is not a date of the form YYYY-MM-DD"
        case .invalidFolderName(let name):
            "‘\(name)’ is not a session folder's name"
        case .invalidTimebox(let minutes):
            "a timebox of \(minutes) minutes is not allowed (0 to 1440)"
        case .unknown(let what, let id):
            "there is no \(what) with id \(id)"
        case .duplicateID(let id):
            "id \(id) is already in use"
        case .idOutOfRange(let id):
            "id \(id) is outside the ids a session gives out (1 to \(EntityID.largest))"
        case .speakerUnderChathamHouse:
            "this part of the session is held under the Chatham House Rule: nothing in it may be attributed to a speaker"
        case .speakersRecorded(let count):
            "the Chatham House Rule cannot be turned on while \(Counted.phrase(count, "speaker attribution")) \(count == 1 ? "is" : "are") recorded; clear each first (on the live screen, S on an attributed point, or on its item for the presenter)"
        case .subthemeWithoutTheme:
            "a sub-theme needs a theme to sit under"
        case .ratingOutOfRange(let axis, let value):
            "a rating of \(value) for \(axis) is outside \(Rating.scale.lowerBound)–\(Rating.scale.upperBound)"
        case .malformedTable(let reason):
            "the divergence table is malformed: \(reason)"
        case .responsesExceedPrompts(let item):
            "agenda item \(item) has more responses than checklist prompts"
        case .itemInUse(let id, let uses):
            "agenda item \(id) still has \(uses) \(uses == 1 ? "point, topic or context" : "points, topics or contexts") captured under it"
        case .undoUnreadable(let reason):
            "the change to undo could not be read back: \(reason)"
        case .nothingToUndo:
            "there is nothing to undo"
        case .outOfSequence(let expected, let found):
            "sequence number \(found) where \(expected) was expected"
        case .voteOptions(let count):
            "a vote has 1 to \(Vote.optionLimit.upperBound) options, not \(count)"
        case .voteDots(let dots):
            "each person places 1 to \(Vote.dotLimit.upperBound) dots, not \(dots)"
        case .voteClosed:
            "the vote is closed"
        case .ballot(let dots, let options):
            "a ballot places at most \(dots) dots on its \(options) options"
        case .noSuchChange(let id):
            "the session has no change \(id); `convene sync` names the changes that gave way"
        case .undoMismatch(let undoes, let newest):
            "an undo of record \(undoes), but the newest change that can be undone is "
                + (newest.map { "record \($0)" } ?? "none")
        }
    }
}
