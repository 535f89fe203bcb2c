import ConveneCore
@testable import ConveneStore
import Foundation
import GRDB
import Testing
import TestSupport
#if canImport(Glibc)
import Glibc
#endif

/// The archive's index lives in a folder others can write to: what is planted there is never
/// opened, and a writer elsewhere never makes a person wait for long.
@Suite("Archive index file")
struct IndexFileTests {
    /// Another program's SQLite database, with a table the index also has (`text`).
    private func otherDatabase(at url: URL) throws -> DatabaseQueue {
        let database = try DatabaseQueue(path: url.path)
        try database.write { db in
            try db.execute(sql: "CREATE TABLE text (body TEXT)")
            try db.execute(sql: "INSERT INTO text VALUES ('precious')")
        }
        return database
    }

    private func contents(of database: DatabaseQueue) throws -> (rows: [String], tables: [String], mode: String) {
        try database.read { db in
            (try String.fetchAll(db, sql: "SELECT body FROM text"),
             try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name"),
             try String.fetchOne(db, sql: "PRAGMA journal_mode") ?? "")
        }
    }

    @Test("a link planted as the index is removed, not followed: the other database is untouched and the index is built anew")
    func plantedLinkToDatabase() throws {
        let root = try TemporaryFolder()
        let sessions = root.url.appendingPathComponent("sessions")
        _ = try StoreFixtures.session(in: sessions, points: 3)
        let other = try otherDatabase(at: root.url.appendingPathComponent("other.sqlite"))
        let before = try contents(of: other)
        let index = sessions.appendingPathComponent(ArchiveIndex.fileName)
        try FileManager.default.createSymbolicLink(at: index, withDestinationURL: root.url.appendingPathComponent("other.sqlite"))

        let (listed, notices) = try #require(try ArchiveIndex.updated(SessionCatalog(root: sessions)) { (try $0.summaries().summaries, $0.notices) })
        #expect(listed.count == 1)
        #expect(notices.contains { $0.contains("symbolic link") && $0.contains("other.sqlite") })
        let after = try contents(of: other)
        #expect(after.rows == before.rows && after.tables == before.tables && after.mode == before.mode)
        #expect(POSIX.kind(at: index.path) == "a regular file")
    }

    @Test("a link to a missing path creates nothing there")
    func plantedLinkToNowhere() throws {
        let root = try TemporaryFolder()
        let sessions = root.url.appendingPathComponent("sessions")
        _ = try StoreFixtures.session(in: sessions, points: 2)
        let target = root.url.appendingPathComponent("exfiltrated.sqlite")
        try FileManager.default.createSymbolicLink(at: sessions.appendingPathComponent(ArchiveIndex.fileName), withDestinationURL: target)
        _ = try ArchiveIndex.updated(SessionCatalog(root: sessions)) { try $0.summaries() }
        #expect(!FileManager.default.fileExists(atPath: target.path))
        for suffix in ["-wal", "-shm"] {
            #expect(!FileManager.default.fileExists(atPath: target.path + suffix))
        }
    }

    @Test("a link planted as the write-ahead log is removed too, its target untouched")
    func plantedLog() throws {
        let root = try TemporaryFolder()
        let sessions = root.url.appendingPathComponent("sessions")
        _ = try StoreFixtures.session(in: sessions, points: 2)
        let victim = root.url.appendingPathComponent("victim.txt")
        try "precious\n".write(to: victim, atomically: false, encoding: .utf8)
        try FileManager.default.createSymbolicLink(at: sessions.appendingPathComponent(ArchiveIndex.fileName + "-wal"), withDestinationURL: victim)
        _ = try ArchiveIndex.updated(SessionCatalog(root: sessions)) { try $0.summaries() }
        #expect(try String(contentsOf: victim, encoding: .utf8) == "precious\n")
    }

    @Test("a folder, or another user's file, in the index's place is refused with its name, and left as it is")
    func refusedFiles() throws {
        let root = try TemporaryFolder()
        let sessions = root.url.appendingPathComponent("sessions")
        _ = try StoreFixtures.session(in: sessions, points: 2)
        let index = sessions.appendingPathComponent(ArchiveIndex.fileName)
        try FileManager.default.createDirectory(at: index, withIntermediateDirectories: false)
        #expect { try ArchiveIndex.updated(SessionCatalog(root: sessions)) { _ in } } throws: {
            "\($0)".contains(".index.sqlite is a folder")
        }
        try FileManager.default.removeItem(at: index)

        guard geteuid() == 0 else { return } // giving a file away needs root
        let other = try otherDatabase(at: index)
        #expect(chown(index.path, 65534, 65534) == 0)
        #expect { try ArchiveIndex.updated(SessionCatalog(root: sessions)) { _ in } } throws: {
            "\($0)".contains("belongs to another user")
        }
        #expect(try contents(of: other).tables == ["text"])
    }

    @Test("while another program holds the index locked, the index answers busy after a short wait instead of a minute")
    func lockedIndex() throws {
        let root = try TemporaryFolder()
        let sessions = root.url.appendingPathComponent("sessions")
        _ = try StoreFixtures.session(in: sessions, points: 2)
        let catalog = SessionCatalog(root: sessions)
        _ = try ArchiveIndex.updated(catalog) { _ in }
        // A new session, so the index has something to write, and a writer elsewhere holding it.
        _ = try StoreFixtures.session(in: sessions, points: 1)
        let holder = try DatabaseQueue(path: sessions.appendingPathComponent(ArchiveIndex.fileName).path)
        try holder.writeWithoutTransaction { db in
            try db.execute(sql: "PRAGMA locking_mode = EXCLUSIVE")
            try db.execute(sql: "BEGIN EXCLUSIVE")
            defer { try? db.execute(sql: "ROLLBACK") }
            let started = ContinuousClock.now
            #expect { try ArchiveIndex.updated(catalog) { _ in } } throws: { error in
                guard case StoreError.indexBusy = error else { return false }
                return true
            }
            // Not a timing assertion on speed: the former wait was a full minute.
            #expect(ContinuousClock.now - started < .seconds(30))
        }
    }
}
