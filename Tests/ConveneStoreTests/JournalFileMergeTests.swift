import ConveneCore
@testable import ConveneStore
import Foundation
import TestSupport
import Testing

/// Offices that write one session apart and sync through a shared copy (as through a git remote),
/// in random order: every copy ends the same, every change kept exactly once.
@Suite("Journal files merged across offices")
struct JournalFileMergeTests {
    /// One office's copy of the journal, written as Convene writes it.
    struct Office {
        let name: String
        var journal: Data

        var log: SessionLog {
            get throws { try JournalReader.parse(journal, path: "\(name)/session.jsonl").log }
        }

        mutating func write(_ make: (Session) -> SessionEvent?) throws -> [String] {
            var log = try self.log
            guard let event = make(log.session) else { return [] }
            let before = Set(log.session.points.elements.map(\.token))
            let record = try log.record(event, at: StoreFixtures.date, by: name)
            journal += try JournalCoding.line(for: record, encoder: JournalCoding.encoder())
            return Array(before.subtracting(log.session.points.elements.map(\.token)))
        }

        mutating func undo() throws -> [String] {
            var log = try self.log
            guard log.canUndo(by: name) else { return [] }
            let before = Set(log.session.points.elements.map(\.token))
            // Taking back a change whose point another office removed meanwhile is refused, as `u` is.
            guard let record = try? log.recordUndo(at: StoreFixtures.date, by: name) else { return [] }
            journal += try JournalCoding.line(for: record, encoder: JournalCoding.encoder())
            return Array(before.subtracting(log.session.points.elements.map(\.token)))
        }

        /// Merges with the shared copy and takes the result, as a sync does.
        mutating func sync(with origin: inout Data) throws -> [MergeNotice] {
            let merged = try JournalFileMerge.merge(ours: journal, theirs: origin, path: "\(name)/session.jsonl")
            journal = merged.journal
            origin = merged.journal
            return merged.notices
        }
    }

    private static func start() throws -> Data {
        var log = SessionLog()
        let encoder = JournalCoding.encoder()
        var data = try JournalCoding.line(for: log.record(.created(setup: StoreFixtures.setup), at: StoreFixtures.date, by: "ana"), encoder: encoder)
        let point = Point(id: log.session.nextID, kind: .note, text: "shared-0 said before anyone left", item: EntityID(1), createdAt: StoreFixtures.date)
        data += try JournalCoding.line(for: log.record(.pointAdded(point: point), at: StoreFixtures.date, by: "ana"), encoder: encoder)
        return data
    }

    @Test("three offices changing one session at random and syncing in random order end identical, nothing lost or doubled",
          arguments: 0..<32)
    func randomOffices(seed: UInt64) throws {
        var random = SeededGenerator(seed: seed)
        var origin = try Self.start()
        var offices = ["ana", "ben", "cleo"].map { Office(name: $0, journal: origin) }
        var added: Set<String> = ["shared-0"]
        var mayBeGone: Set<String> = []
        var counter = 0
        for _ in 0..<60 {
            let index = Int.random(in: 0..<offices.count, using: &random)
            let name = offices[index].name
            switch Int.random(in: 0..<11, using: &random) {
            case 0...3:
                counter += 1
                let token = "\(name)-\(counter)"
                added.insert(token)
                _ = try offices[index].write { session in
                    .pointAdded(point: Point(id: session.nextID, kind: .agreement, text: "\(token) café 日本 👩🏽‍💻", item: EntityID(1), createdAt: StoreFixtures.date))
                }
            case 4, 5:
                let pick = Int.random(in: 0..<1_000, using: &random)
                _ = try offices[index].write { session in
                    guard !session.points.isEmpty else { return nil }
                    var point = session.points.elements[pick % session.points.count]
                    point.text += " ·\(name)"
                    return .pointChanged(point: point)
                }
            case 6:
                let pick = Int.random(in: 0..<1_000, using: &random)
                mayBeGone.formUnion(try offices[index].write { session in
                    guard !session.points.isEmpty else { return nil }
                    return .pointRemoved(id: session.points.ids[pick % session.points.count])
                })
            case 7:
                _ = try offices[index].write { session in
                    var details = session.details
                    details.title = "renamed by \(name)"
                    return .detailsChanged(details: details)
                }
            case 8:
                mayBeGone.formUnion(try offices[index].undo())
            case 9:
                _ = try offices[index].sync(with: &origin)
            default:
                // Two offices merge with each other directly (one pulls from the other's clone):
                // later merges meet changes one of them already renumbered.
                let other = (index + 1 + Int.random(in: 0..<(offices.count - 1), using: &random)) % offices.count
                var theirs = offices[other].journal
                _ = try offices[index].sync(with: &theirs)
                offices[other].journal = theirs
            }
        }
        // Everyone syncs twice round: the first round gathers everything, the second hands it out.
        for _ in 0..<2 { for index in offices.indices { _ = try offices[index].sync(with: &origin) } }

        for office in offices { #expect(office.journal == origin, "\(office.name)'s copy differs") }
        let log = try JournalReader.parse(origin, path: "origin").log
        let tokens = log.session.points.elements.map(\.token)
        #expect(tokens.count == Set(tokens).count, "a point is doubled: \(tokens)\n\(String(decoding: origin, as: UTF8.self))")
        #expect(added.subtracting(mayBeGone).isSubset(of: Set(tokens)), "lost: \(added.subtracting(mayBeGone).subtracting(tokens))")
        #expect(Set(tokens).isSubset(of: added))
        let ids = origin.split(separator: 0x0A).compactMap { try? JournalCoding.decoder().decode(JournalRecord.self, from: Data($0)).id }
        #expect(ids.count == Set(ids).count, "a change is kept twice")
    }

    @Test("two journals that began apart are different sessions and are not merged into one")
    func differentSessions() throws {
        let one = try Self.start()
        let other = try Self.start()
        #expect(throws: StoreError.self) { try JournalFileMerge.merge(ours: one, theirs: other, path: "2026-04-02-learning/session.jsonl") }
    }

    @Test("a torn last line on one side (committed mid-write) is left out, as a load leaves it out")
    func tornLine() throws {
        var office = Office(name: "ana", journal: try Self.start())
        let origin = office.journal
        _ = try office.write { session in
            .pointAdded(point: Point(id: session.nextID, kind: .note, text: "kept", item: EntityID(1), createdAt: StoreFixtures.date))
        }
        let torn = office.journal + Data("{\"seq\":4,\"at\"".utf8)
        let merged = try JournalFileMerge.merge(ours: torn, theirs: origin, path: "torn")
        #expect(merged.session.points.elements.map(\.text).contains("kept"))
        #expect(merged.journal == office.journal)
    }
}

private extension Point {
    /// The token a test point starts with: which point it is, whatever edits added after.
    var token: String { String(text.prefix { $0 != " " }) }
}
