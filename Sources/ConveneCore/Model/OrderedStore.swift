/// An ordered collection with constant-time lookup by id.
///
/// Sessions reach hundreds of thousands of points; the reducer must stay flat as they grow, so
/// lookups and appends go through an index by id and only reordering touches the order array. The
/// elements themselves sit in an array in the order they came, and the index holds only where
/// each is (`SlotIndex`): filling a store from a checkpoint appends them one after the other,
/// where a dictionary of whole points moved every one into its hash table (half of opening a
/// 200,000-point session).
public struct OrderedStore<Element: Identified>: Sendable {
    private var order: [EntityID] = []
    /// Every element, where it was first put; one taken out leaves a hole rather than moving the rest.
    private var storage: [Element?] = []
    /// Where each element is in `storage`.
    private var slots = SlotIndex()
    private var holes = 0

    public init() {}

    public init(_ elements: [Element]) {
        reserveCapacity(elements.count)
        for element in elements { _ = appendNew(element) }
    }

    /// Room for `count` elements, so that filling the store never copies what it holds.
    mutating func reserveCapacity(_ count: Int) {
        order.reserveCapacity(count)
        storage.reserveCapacity(count)
        slots.reserveCapacity(count)
    }

    /// Adds `element` at the end; false (and nothing changes) when its id is already here. One
    /// lookup in the usual case: the slot is put in, and the one already there put back.
    mutating func appendNew(_ element: consuming Element) -> Bool {
        let id = element.id
        if let existing = slots.updateValue(storage.count, forKey: id) {
            slots[id] = existing
            return false
        }
        storage.append(element)
        order.append(id)
        return true
    }

    public var count: Int { order.count }
    public var isEmpty: Bool { order.isEmpty }
    public var ids: [EntityID] { order }
    public var elements: [Element] { order.compactMap { self[$0] } }

    public subscript(id: EntityID) -> Element? { slots[id].flatMap { storage[$0] } }

    public func contains(_ id: EntityID) -> Bool { slots[id] != nil }

    /// The position of `id`; linear, so kept out of the paths that run on every keystroke.
    public func index(of id: EntityID) -> Int? { order.firstIndex(of: id) }

    /// Inserts at `position` (clamped), or appends when it is nil.
    mutating func insert(_ element: Element, at position: Int?) {
        put(element)
        if let position, position < order.count {
            order.insert(element.id, at: max(0, position))
        } else {
            order.append(element.id)
        }
    }

    mutating func replace(_ element: Element) {
        put(element)
    }

    /// Removes `id` and returns where it stood, so that an undo can put it back in place.
    @discardableResult
    mutating func remove(_ id: EntityID) -> Int? {
        guard let slot = slots.removeValue(forKey: id) else { return nil }
        storage[slot] = nil
        holes += 1
        closeHolesIfSparse()
        guard let position = order.firstIndex(of: id) else { return nil }
        order.remove(at: position)
        return position
    }

    mutating func move(_ id: EntityID, to position: Int) {
        guard let from = order.firstIndex(of: id) else { return }
        order.remove(at: from)
        order.insert(id, at: min(max(0, position), order.count))
    }

    /// `element` in place of the one with its id, or added after the others in `storage`.
    private mutating func put(_ element: Element) {
        if let slot = slots[element.id] {
            storage[slot] = element
        } else {
            slots[element.id] = storage.count
            storage.append(element)
        }
    }

    /// Once most of `storage` is holes (many elements taken out), the rest are moved together.
    private mutating func closeHolesIfSparse() {
        guard holes > 64, holes * 2 > storage.count else { return }
        var kept: [Element?] = []
        var keptSlots = SlotIndex()
        kept.reserveCapacity(slots.count)
        for (id, slot) in slots.entries {
            keptSlots[id] = kept.count
            kept.append(storage[slot])
        }
        (storage, slots, holes) = (kept, keptSlots, 0)
    }
}

extension OrderedStore: Equatable {
    /// The same elements by id, in the same order: where they sit in storage is not part of it.
    public static func == (lhs: Self, rhs: Self) -> Bool {
        lhs.order == rhs.order && lhs.slots.count == rhs.slots.count
            && lhs.slots.entries.allSatisfy { lhs[$0.id] == rhs[$0.id] }
    }
}
