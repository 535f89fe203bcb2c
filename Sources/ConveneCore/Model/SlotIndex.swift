/// Where each element of an `OrderedStore` sits in its storage, by id.
///
/// A session gives its ids out one after the other (1, 2, 3…), so they are kept in an array
/// indexed by id and found without hashing: a dictionary hashed every id of a long session as it
/// opened (a fifth of opening 200,000 points). An id far beyond the others (a journal may hold any
/// up to 2^53) is kept in a dictionary instead, so the array never grows past about twice as many
/// ids as are kept.
struct SlotIndex: Sendable {
    /// At each id's number, its slot plus one; 0 where there is none.
    private var dense: [Int] = []
    /// The ids beyond `dense`.
    private var sparse: [EntityID: Int] = [:]
    /// How many ids have a slot.
    private(set) var count = 0

    /// Room for `count` ids numbered from 1 without the array growing.
    mutating func reserveCapacity(_ count: Int) {
        dense.reserveCapacity(count + 1)
    }

    subscript(id: EntityID) -> Int? {
        get { inDense(id.rawValue) ? Self.slot(stored: dense[id.rawValue]) : sparse[id] }
        set {
            if let newValue { updateValue(newValue, forKey: id) } else { removeValue(forKey: id) }
        }
    }

    /// Gives `id` the slot `slot`; returns the one it had.
    @discardableResult
    mutating func updateValue(_ slot: Int, forKey id: EntityID) -> Int? {
        let number = id.rawValue
        if number >= dense.count, number >= 0, number < count * 2 + 1024 { grow(toInclude: number) }
        guard inDense(number) else {
            let old = sparse.updateValue(slot, forKey: id)
            if old == nil { count += 1 }
            return old
        }
        let old = Self.slot(stored: dense[number])
        dense[number] = slot + 1
        if old == nil { count += 1 }
        return old
    }

    /// Takes `id`'s slot away; returns it.
    @discardableResult
    mutating func removeValue(forKey id: EntityID) -> Int? {
        guard inDense(id.rawValue) else {
            let old = sparse.removeValue(forKey: id)
            if old != nil { count -= 1 }
            return old
        }
        guard let old = Self.slot(stored: dense[id.rawValue]) else { return nil }
        dense[id.rawValue] = 0
        count -= 1
        return old
    }

    /// Every id that has a slot, with it.
    var entries: [(id: EntityID, slot: Int)] {
        dense.indices.compactMap { number in Self.slot(stored: dense[number]).map { (EntityID(number), $0) } }
            + sparse.map { (id: $0.key, slot: $0.value) }
    }

    /// The slot an entry of `dense` stands for.
    private static func slot(stored: Int) -> Int? {
        stored == 0 ? nil : stored - 1
    }

    private func inDense(_ number: Int) -> Bool {
        number >= 0 && number < dense.count
    }

    /// Makes the array reach `number` (doubling it, where as many ids are kept as that allows),
    /// and moves in the ids kept aside that it now reaches: an id is only ever in one of the two.
    private mutating func grow(toInclude number: Int) {
        let size = max(number + 1, min(dense.count * 2, count * 2 + 1024))
        dense.append(contentsOf: repeatElement(0, count: size - dense.count))
        for (id, slot) in sparse where id.rawValue >= 0 && id.rawValue < size {
            dense[id.rawValue] = slot + 1
            sparse[id] = nil
        }
    }
}
