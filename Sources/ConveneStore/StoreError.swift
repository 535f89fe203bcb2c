import ConveneCore
#if canImport(Glibc)
import Glibc
#endif

/// What went wrong on disk, said so that a person knows which file and what to do.
public enum StoreError: Error, Sendable, CustomStringConvertible {
    case io(path: String, operation: String, errno: Int32)
    case notASession(path: String)
    case unknownSession(query: String, folder: String)
    case ambiguousSession(query: String, matches: [String])
    case alreadyLocked(path: String)
    /// Held by a program that does not host it for other screens (a script's change that takes
    /// long, or an older Convene).
    case liveSessionUnreachable(path: String)
    case corruptLine(path: String, line: Int, reason: String)
    case refusedEvent(path: String, line: Int, error: SessionError)
    case emptyJournal(path: String)
    case unknownTemplate(name: String, available: [String])
    case invalidTemplate(TemplateError)
    case readOnly(path: String)
    /// A session file that is a link, a folder or anything but a regular file.
    case notARegularFile(path: String, found: String)
    /// A file Convene keeps for itself (the archive's index) belongs to another user: never opened.
    case ownedByAnother(path: String, owner: uid_t)
    /// A session folder that is a symbolic link: read, never written through.
    case linkedSessionFolder(path: String, target: String)
    /// Another process kept the archive's index locked for longer than a person should wait.
    case indexBusy(path: String)
    /// A failed append could not be cut back out of the journal; nothing more is written until it is.
    case journalNeedsRepair(path: String, cause: String)
    /// Two journals at the same path that began apart: two sessions, not two copies of one.
    case differentSessions(path: String)

    public var description: String {
        switch self {
        case .io(let path, let operation, let errno):
            "\(path): could not \(operation): \(String(cString: strerror(errno)))"
        case .notASession(let path):
            "\(path) is not a Convene session folder (it has no session.jsonl)"
        case .unknownSession(let query, let folder):
            "no session matches ‘\(query)’ in \(folder); `convene list` shows the sessions there"
        case .ambiguousSession(let query, let matches):
            "‘\(query)’ matches \(matches.count) sessions: \(matches.joined(separator: ", ")); type more of the name"
        case .liveSessionUnreachable(let path):
            "\(path) is held by another program that does not let other screens join (a script's change, or an older Convene); "
                + "try again when it is done, or read the session without changing it (`convene follow`, `convene review`)"
        case .alreadyLocked(let path):
            "\(path) is open for writing in another Convene; only one writer at a time. "
                + "Close it there first, or read it without changing it (`convene review`, `convene export`)"
        case .corruptLine(let path, let line, let reason):
            "\(path):\(line): this journal line is damaged (\(reason)); the session was not opened so that nothing is lost. "
                + "Repair or remove the line by hand, keeping a copy of the file"
        case .refusedEvent(let path, let line, let error):
            "\(path):\(line): this journal line cannot be applied: \(error)"
        case .emptyJournal(let path):
            "\(path) holds no events: the session was never created"
        case .unknownTemplate(let name, let available):
            "there is no template ‘\(name)’; available: \(available.joined(separator: ", "))"
        case .invalidTemplate(let error):
            error.description
        case .readOnly(let path):
            "\(path) was opened read-only"
        case .notARegularFile(let path, let found):
            "\(path) is \(found), not a regular file; Convene does not follow or replace it, so that it cannot be made "
                + "to read or write anything outside the session. Move it away and try again"
        case .ownedByAnother(let path, let owner):
            "\(path) belongs to another user (uid \(owner)), not to you; Convene does not open it. Remove it to let "
                + "Convene build its own"
        case .linkedSessionFolder(let path, let target):
            "\(path) is a symbolic link (to \(target)); Convene reads it but does not write through it, so that a link "
                + "cannot send a session's changes elsewhere. To change that session, name the folder itself: \(target)"
        case .indexBusy(let path):
            "\(path) is busy: another program has been writing it for too long to wait"
        case .journalNeedsRepair(let path, let cause):
            "\(path): a failed write could not be taken back out of the journal (\(cause)); nothing more is saved "
                + "until it can be. Free space or fix the disk, then try again: everything shown saved is kept"
        case .differentSessions(let path):
            "\(path): the two journals to merge are of different sessions (each was created on its own), so they are not "
                + "merged into one; `convene sync` gives one of the folders another name first"
        }
    }
}
