import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Session folders still being built: hidden, named after the process building them, so that a
/// creation killed half-way can be told from one under way in another process and swept away.
enum UnfinishedSessions {
    static let prefix = ".new-"

    /// A fresh hidden folder in `root` for this process to build a session in.
    static func makeFolder(in root: URL) throws(StoreError) -> SessionFolder {
        let url = root.appendingPathComponent("\(prefix)\(getpid())-\(UUID().uuidString.prefix(8))", isDirectory: true)
        guard mkdir(url.path, 0o755) == 0 else { throw .io(path: url.path, operation: "create", errno: errno) }
        return SessionFolder(url: url)
    }

    /// Removes the folders of creations whose process is gone.
    static func sweep(in root: URL) {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: root.path)) ?? []
        for name in names where name.hasPrefix(prefix) {
            guard let pid = Int32(name.dropFirst(prefix.count).prefix { $0 != "-" }), pid > 0,
                  kill(pid, 0) != 0, errno == ESRCH else { continue }
            try? FileManager.default.removeItem(at: root.appendingPathComponent(name, isDirectory: true))
        }
    }
}
