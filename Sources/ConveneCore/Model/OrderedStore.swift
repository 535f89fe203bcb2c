/// An ordered collection with constant-time lookup by id.
///
/// Sessions reach tens of thousands of points; the reducer must stay flat as they grow, so lookups
/// and appends go through the dictionary and only reordering touches the order array.
public struct OrderedStore<Element: Identified>: Sendable, Equatable {
    private var order: [EntityID] = []
    private var byID: [EntityID: Element] = [:]

    public init() {}

    public init(_ elements: [Element]) {
        // Room for all of them at once: a checkpoint's 10,000 points, grown into, were copied
        // (whole points, not references) each time the table doubled.
        reserveCapacity(elements.count)
        for element in elements { _ = appendNew(element) }
    }

    /// Room for `count` elements, so that filling the store never copies what it holds.
    mutating func reserveCapacity(_ count: Int) {
        order.reserveCapacity(count)
        byID.reserveCapacity(count)
    }

    /// Adds `element` at the end; false (and nothing changes) when its id is already here. One
    /// lookup in the usual case: the element is put in, and the one already there put back.
    mutating func appendNew(_ element: Element) -> Bool {
        if let existing = byID.updateValue(element, forKey: element.id) {
            byID[element.id] = existing
            return false
        }
        order.append(element.id)
        return true
    }

    public var count: Int { order.count }
    public var isEmpty: Bool { order.isEmpty }
    public var ids: [EntityID] { order }
    public var elements: [Element] { order.compactMap { byID[$0] } }

    public subscript(id: EntityID) -> Element? { byID[id] }

    public func contains(_ id: EntityID) -> Bool { byID[id] != nil }

    /// The position of `id`; linear, so kept out of the paths that run on every keystroke.
    public func index(of id: EntityID) -> Int? { order.firstIndex(of: id) }

    /// Inserts at `position` (clamped), or appends when it is nil.
    mutating func insert(_ element: Element, at position: Int?) {
        byID[element.id] = element
        if let position, position < order.count {
            order.insert(element.id, at: max(0, position))
        } else {
            order.append(element.id)
        }
    }

    mutating func replace(_ element: Element) {
        byID[element.id] = element
    }

    /// Removes `id` and returns where it stood, so that an undo can put it back in place.
    @discardableResult
    mutating func remove(_ id: EntityID) -> Int? {
        guard byID.removeValue(forKey: id) != nil, let position = order.firstIndex(of: id) else { return nil }
        order.remove(at: position)
        return position
    }

    mutating func move(_ id: EntityID, to position: Int) {
        guard let from = order.firstIndex(of: id) else { return }
        order.remove(at: from)
        order.insert(id, at: min(max(0, position), order.count))
    }
}
