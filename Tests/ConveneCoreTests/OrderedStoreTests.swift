@testable import ConveneCore
import Foundation
import Testing
import TestSupport

/// The store under every session's points, people and items: whatever is added, changed, taken
/// out and moved, it holds what a plain list in the same order would, and two stores holding the
/// same are equal however they got there.
@Suite("Ordered store")
struct OrderedStoreTests {
    private static let date = Date(timeIntervalSince1970: 0)

    private func point(_ id: Int, _ text: String) -> Point {
        Point(id: EntityID(id), kind: .note, text: text, createdAt: Self.date)
    }

    @Test("random changes leave what a plain list would hold, in its order", arguments: 0..<100)
    func randomChanges(seed: UInt64) {
        var random = SeededGenerator(seed: seed)
        var store = OrderedStore<Point>()
        var list: [Point] = []
        for step in 0..<600 {
            let id = Int.random(in: 1...150, using: &random)
            let present = list.firstIndex { $0.id.rawValue == id }
            switch Int.random(in: 0..<5, using: &random) {
            case 0:
                #expect(store.appendNew(point(id, "added \(step)")) == (present == nil))
                if present == nil { list.append(point(id, "added \(step)")) }
            case 1 where present == nil:
                let position = Int.random(in: 0...list.count, using: &random)
                store.insert(point(id, "inserted \(step)"), at: position)
                list.insert(point(id, "inserted \(step)"), at: position)
            case 2:
                if let present {
                    store.replace(point(id, "changed \(step)"))
                    list[present] = point(id, "changed \(step)")
                }
            case 3:
                #expect(store.remove(EntityID(id)) == present)
                if let present { list.remove(at: present) }
            default:
                if let present {
                    let position = Int.random(in: 0..<list.count, using: &random)
                    store.move(EntityID(id), to: position)
                    let moved = list.remove(at: present)
                    list.insert(moved, at: min(position, list.count))
                }
            }
            #expect(store.elements == list, "seed \(seed), step \(step)")
            #expect(store.count == list.count && store.ids == list.map(\.id))
            #expect(store[EntityID(id)] == list.first { $0.id.rawValue == id })
            #expect(store.contains(EntityID(id)) == list.contains { $0.id.rawValue == id })
        }
        // However it got there, it equals a store given the same points in the same order.
        #expect(store == OrderedStore(list))
    }

    @Test("a store emptied of most of what it held still finds the rest, and equals one made afresh")
    func mostTakenOut() {
        var store = OrderedStore((1...1_000).map { point($0, "point \($0)") })
        for id in 1...1_000 where !id.isMultiple(of: 10) { store.remove(EntityID(id)) }
        let kept = (1...100).map { point($0 * 10, "point \($0 * 10)") }
        #expect(store.elements == kept)
        #expect(store[EntityID(500)]?.text == "point 500" && store[EntityID(501)] == nil)
        #expect(store == OrderedStore(kept))
        #expect(store != OrderedStore(kept.reversed()))
        var changed = store
        changed.replace(point(500, "changed"))
        #expect(changed != store)
    }

    @Test("the index by id finds what a dictionary would, for ids in order, far apart, beyond 2^50 or below 1", arguments: 0..<60)
    func slotIndex(seed: UInt64) {
        var random = SeededGenerator(seed: seed)
        var index = SlotIndex()
        var expected: [EntityID: Int] = [:]
        // Mostly the ids a session gives out, in order; some far off, as a hand-edited journal may hold.
        var next = 1
        func anyID() -> EntityID {
            switch Int.random(in: 0..<10, using: &random) {
            case 0: EntityID(Int.random(in: 1...EntityID.largest.rawValue, using: &random))
            case 1: EntityID(Int.random(in: -5...0, using: &random))
            case 2: EntityID(next + Int.random(in: 500...5_000, using: &random))
            case 3, 4: expected.keys.randomElement(using: &random) ?? EntityID(next)
            default: EntityID(next)
            }
        }
        for step in 0..<Int.random(in: 100...3_000, using: &random) {
            let id = anyID()
            if id.rawValue == next { next += 1 }
            if Int.random(in: 0..<4, using: &random) == 0 {
                #expect(index.removeValue(forKey: id) == expected.removeValue(forKey: id), "seed \(seed), step \(step)")
            } else {
                #expect(index.updateValue(step, forKey: id) == expected.updateValue(step, forKey: id), "seed \(seed), step \(step)")
            }
            #expect(index.count == expected.count, "seed \(seed), step \(step)")
        }
        for id in expected.keys { #expect(index[id] == expected[id], "seed \(seed)") }
        #expect(index.entries.count == expected.count)
        #expect(index.entries.allSatisfy { expected[$0.id] == $0.slot })
        #expect(index[EntityID(next + 10_000_000)] == nil)
    }
}
