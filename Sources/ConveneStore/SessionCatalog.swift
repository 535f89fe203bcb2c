import ConveneCore
import Foundation

/// The sessions folder: what is in it, and which session a person means.
public struct SessionCatalog: Sendable {
    public var root: URL

    public init(root: URL) {
        self.root = root
    }

    /// Every session folder, newest first (folder names start with the date). Hidden folders are
    /// not sessions: one being created is hidden until it is complete.
    public func folders() -> [SessionFolder] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: root.path)) ?? []
        return names.filter { !$0.hasPrefix(".") }.sorted(by: >)
            .map { SessionFolder(url: root.appendingPathComponent($0, isDirectory: true)) }
            .filter(\.exists)
    }

    /// A session folder path, a unique prefix of a folder name in the sessions folder, or words of
    /// a session's title ("spring" for 2026-04-02-spring-roundtable): each word typed must start a
    /// word of the folder's name, which is made from the title.
    public func resolve(_ query: String) throws(StoreError) -> SessionFolder {
        let asPath = SessionFolder(url: URL(fileURLWithPath: query, isDirectory: true))
        if query.contains("/") || FileManager.default.fileExists(atPath: asPath.journal.path) {
            guard asPath.exists else { throw .notASession(path: asPath.url.path) }
            return asPath
        }
        let all = folders()
        if let exact = all.first(where: { $0.name == query }) { return exact }
        var matches = all.filter { $0.name.hasPrefix(query) }
        if matches.isEmpty {
            let typed = SessionFolderName.slug(query).split(separator: "-")
            matches = typed.isEmpty ? [] : all.filter { folder in
                let words = folder.name.split(separator: "-")
                return typed.allSatisfy { word in words.contains { $0.hasPrefix(word) } }
            }
        }
        switch matches.count {
        case 1: return matches[0]
        case 0: throw .unknownSession(query: query, folder: root.path)
        default: throw .ambiguousSession(query: query, matches: matches.map(\.name))
        }
    }

    /// Folders that may hold a session but cannot be read (a name that is not UTF-8, no permission),
    /// each said with why: what `folders()` passes over.
    public func skippedFolders() -> [String] {
        JournalScan.signatures(in: root.path).skipped
    }

    /// Every session that loads, with the problems of those that do not.
    public func load() -> (sessions: [(folder: SessionFolder, session: Session)], problems: [StoreError]) {
        var sessions: [(SessionFolder, Session)] = []
        var problems: [StoreError] = []
        for folder in folders() {
            do {
                sessions.append((folder, try folder.load().log.session))
            } catch {
                problems.append(error)
            }
        }
        return (sessions, problems)
    }
}
