import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// How the newest sync of this folder ended, kept in the repository's own folder (never shared):
/// what `list`, `review` and `home` say when the background sync could not reach the others.
public struct SyncStatus: Codable, Sendable, Equatable {
    public var at: Date
    public var synced: Bool
    public var offline: Bool
    public var reason: String?

    static let fileName = "convene-sync.json"

    /// What to tell a person, nil when the last sync went through.
    public var notice: String? {
        guard !synced else { return nil }
        let why = reason.map { " (\($0))" } ?? ""
        return (offline ? "not synced: offline" : "not synced") + why + "; trying again in the background"
    }
}

extension ArchiveRepository {
    /// The newest sync's outcome; nil when this folder never synced (or is no repository).
    public var lastSync: SyncStatus? {
        let url = root.appendingPathComponent(".git").appendingPathComponent(SyncStatus.fileName)
        guard let data = try? Data(contentsOf: url) else { return nil }
        return try? JSONDecoder().decode(SyncStatus.self, from: data)
    }

    /// Whether the sessions folder is the top of a git repository: looked at without running git,
    /// for commands that only sync when it is.
    public var isShared: Bool {
        var isFolder: ObjCBool = false
        return FileManager.default.fileExists(atPath: root.appendingPathComponent(".git").path, isDirectory: &isFolder) && isFolder.boolValue
    }

    /// Whether a session's journal changed after `date`: a sync since is worth starting even
    /// soon after the last. One look at each session folder's journal, no reading.
    public func changed(since date: Date) -> Bool {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: root.path)) ?? []
        for name in names where !name.hasPrefix(".") {
            var status = stat()
            let journal = root.path + "/" + name + "/" + SessionFolder.journalName
            if lstat(journal, &status) == 0, Double(status.st_mtim.tv_sec) + Double(status.st_mtim.tv_nsec) / 1e9 > date.timeIntervalSince1970 {
                return true
            }
        }
        return false
    }

    func record(_ outcome: SyncReport.Outcome, in gitDirectory: URL) {
        let status: SyncStatus
        switch outcome {
        case .synced: status = SyncStatus(at: Date(), synced: true, offline: false)
        case .notSynced(let reason, let offline): status = SyncStatus(at: Date(), synced: false, offline: offline, reason: reason)
        case .waiting(let reason): status = SyncStatus(at: Date(), synced: false, offline: false, reason: reason)
        }
        // Times to the fraction of a second, to compare with the journals' (`changed(since:)`).
        guard let data = try? JSONEncoder().encode(status) else { return }
        _ = try? AtomicFile.write(data, to: gitDirectory.appendingPathComponent(SyncStatus.fileName), durability: .none)
    }
}
