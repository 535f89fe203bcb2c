/// Why a sync could not start or finish, said so that a person knows what to do. Being offline is
/// not among them: that is a `SyncReport` outcome, tried again later.
public enum SyncError: Error, Sendable, CustomStringConvertible {
    case gitMissing(reason: String)
    case notARepository(path: String)
    case noRemote(path: String)
    case gitFailed(command: String, message: String)
    case notEmpty(path: String, remote: String)

    public var description: String {
        switch self {
        case .gitMissing(let reason):
            "sync needs git, which could not be started (\(reason)); install it (Debian: apt-get install git)"
        case .notARepository(let path):
            "\(path) is not shared through git yet; `convene sync --init URL` makes it so, with URL the repository "
                + "your organisation shares (an empty one, or one another office set up)"
        case .noRemote(let path):
            "\(path) is a git repository with no remote to sync with; add one (`git -C \(path) remote add origin URL`) "
                + "or use `convene sync --init URL`"
        case .gitFailed(let command, let message):
            // Git's own words, without its hints and blank lines, on one line.
            "\(command) failed: " + message.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }
                .filter { !$0.isEmpty && !$0.hasPrefix("hint:") }.joined(separator: " ")
        case .notEmpty(let path, let remote):
            "\(path) is already shared through git with \(remote); Convene leaves it as it is"
        }
    }
}
