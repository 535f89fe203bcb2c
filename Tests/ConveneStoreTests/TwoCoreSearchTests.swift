import ConveneCore
@testable import ConveneStore
import Foundation
import GRDB
import Testing
import TestSupport

/// A common word is read out of the index in two halves at once; what comes out must be what one
/// connection reads, whatever happens meanwhile.
@Suite("A search read out on two cores")
struct TwoCoreSearchTests {
    /// A line per place: folder, place and excerpt between tabs.
    static let tabbed: @Sendable (FoundPlace, inout [UInt8]) -> Void = { found, bytes in
        bytes += found.folder
        bytes.append(0x09)
        bytes += found.place
        bytes.append(0x09)
        bytes += found.excerpt
        bytes.append(0x0A)
    }

    static func lines(_ index: ArchiveIndex, _ query: String, limit: Int? = nil, split: ArchiveIndex.Split) throws -> [String] {
        var lines: [String] = []
        try index.search(SearchQuery(query), limit: limit, writing: tabbed, split: split) { lines.append(String(decoding: $0, as: UTF8.self)) }
        return lines
    }

    @Test("the same lines in the same order as one connection reads, for every query, with and without a limit")
    func sameAsOne() throws {
        let root = try TemporaryFolder()
        try ArchiveIndexTests.archive(in: root.url, count: 40, seed: 41)
        var splits = 0
        let opened: Void? = try ArchiveIndex.updated(SessionCatalog(root: root.url)) { index in
            for query in ArchiveIndexTests.queries {
                for limit in [nil, 1, 3, 1_000] as [Int?] {
                    let one = try Self.lines(index, query, limit: limit, split: .init(fromPlaces: .max))
                    let two = try Self.lines(index, query, limit: limit, split: .init(fromPlaces: 1, beforeCheck: { splits += 1 }))
                    // Compared line by line: a whole answer in a failure says nothing at a glance.
                    let differing = two.indices.first { $0 >= one.count || two[$0] != one[$0] }
                    #expect(two.count == one.count && differing == nil,
                            "‘\(query)’, limit \(limit.map(String.init) ?? "none"): \(two.count) against \(one.count) lines, first differing \(differing.map(String.init) ?? "none")")
                }
            }
            let common = try Self.lines(index, "outcomes", split: .init(fromPlaces: 1))
            #expect(common.count > 20)
            #expect(common == (try index.search(SearchQuery("outcomes")).map { "\($0.folder)\t\($0.place)\t\($0.excerpt)\n" }))
        }
        #expect(opened != nil)
        // A machine of one core reads every search on one.
        #expect(ParallelChunks.workers == 1 || splits > 0)
    }

    @Test("should another connection change the index while the halves are read, the search is read out again on one")
    func changedMeanwhile() throws {
        let root = try TemporaryFolder()
        try ArchiveIndexTests.archive(in: root.url, count: 20, seed: 43)
        let path = root.url.appendingPathComponent(ArchiveIndex.fileName).path
        let opened: Void? = try ArchiveIndex.updated(SessionCatalog(root: root.url)) { index in
            let before = try Self.lines(index, "outcomes", split: .init(fromPlaces: .max))
            var planted = false
            let during = try Self.lines(index, "outcomes", split: .init(fromPlaces: 1, beforeCheck: {
                let other = try DatabaseQueue(path: path)
                try other.write { db in
                    try db.execute(sql: "INSERT INTO text (folder, place, body) SELECT folder, 'planted', 'outcomes planted' FROM text LIMIT 1")
                }
                planted = true
            }))
            #expect(ParallelChunks.workers == 1 || planted)
            #expect(during.count == before.count + (planted ? 1 : 0))
            #expect(during.contains { $0.contains("\tplanted\t") } == planted)
        }
        #expect(opened != nil)
    }
}
