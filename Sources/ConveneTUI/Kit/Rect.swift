/// A rectangle of the screen in cells: where a widget draws. Screens split the whole frame into
/// rectangles with `rows(_:)` and `columns(_:)` instead of adding up rows and columns by hand.
public struct Rect: Equatable, Sendable {
    public var x: Int
    public var y: Int
    public var width: Int
    public var height: Int

    public init(x: Int, y: Int, width: Int, height: Int) {
        self.x = x
        self.y = y
        self.width = max(0, width)
        self.height = max(0, height)
    }

    /// The first row below the rectangle and the first column right of it.
    public var bottom: Int { y + height }
    public var right: Int { x + width }
    public var isEmpty: Bool { width == 0 || height == 0 }

    /// The rectangle less `left` and `right` columns and `top` and `bottom` rows.
    public func inset(left: Int = 0, right: Int = 0, top: Int = 0, bottom: Int = 0) -> Rect {
        Rect(x: x + left, y: y + top, width: width - left - right, height: height - top - bottom)
    }

    /// The row `offset` rows down (negative: up from the bottom), one row tall.
    public func row(_ offset: Int) -> Rect {
        Rect(x: x, y: offset >= 0 ? y + offset : bottom + offset, width: width, height: 1)
    }

    public func contains(row: Int, column: Int) -> Bool {
        row >= y && row < bottom && column >= x && column < right
    }

    /// The part of the rectangle inside `other`; empty when they do not meet.
    public func intersection(_ other: Rect) -> Rect {
        let left = max(x, other.x), top = max(y, other.y)
        return Rect(x: left, y: top, width: min(right, other.right) - left, height: min(bottom, other.bottom) - top)
    }

    /// How much room a part of a split asks for.
    public enum Size: Equatable, Sendable {
        /// Exactly this many cells, or what is left when there are fewer.
        case fixed(Int)
        /// A share of what the fixed parts leave, by weight (1 when the parts are alike).
        case flexible(Int = 1)
    }

    /// The rectangle cut top to bottom into parts of the sizes asked for, in order.
    public func rows(_ sizes: [Size]) -> [Rect] {
        Self.split(height, sizes).map { Rect(x: x, y: y + $0.start, width: width, height: $0.length) }
    }

    /// The rectangle cut left to right into parts of the sizes asked for, in order.
    public func columns(_ sizes: [Size]) -> [Rect] {
        Self.split(width, sizes).map { Rect(x: x + $0.start, y: y, width: $0.length, height: height) }
    }

    /// Fixed parts take their size in order until room runs out; flexible parts share the rest by
    /// weight, the last of them taking what rounding leaves.
    private static func split(_ total: Int, _ sizes: [Size]) -> [(start: Int, length: Int)] {
        var left = max(0, total)
        var lengths = sizes.map { size -> Int in
            guard case .fixed(let wanted) = size else { return 0 }
            let length = min(max(0, wanted), left)
            left -= length
            return length
        }
        let weights = sizes.map { size -> Int in
            if case .flexible(let weight) = size { return max(0, weight) }
            return 0
        }
        let totalWeight = weights.reduce(0, +)
        if totalWeight > 0 {
            var shared = 0
            let last = weights.lastIndex { $0 > 0 } ?? 0
            for (index, weight) in weights.enumerated() where weight > 0 {
                lengths[index] = index == last ? left - shared : left * weight / totalWeight
                shared += lengths[index]
            }
        }
        var start = 0
        return lengths.map { length in
            defer { start += length }
            return (start, length)
        }
    }
}

extension Frame {
    /// The whole frame as a rectangle: where a screen's layout starts.
    public var bounds: Rect { Rect(x: 0, y: 0, width: width, height: height) }

    /// Writes `text` on row `offset` of `rect`, cut at its right edge.
    @discardableResult
    mutating func put(_ text: String, in rect: Rect, row offset: Int = 0, column: Int = 0, style: Style = .plain) -> Int {
        guard offset >= 0, offset < rect.height, column < rect.width else { return 0 }
        return put(text, row: rect.y + offset, column: rect.x + column, style: style, limit: rect.width - column)
    }

    /// Clears `rect` to blanks, as an overlay does before drawing over the screen.
    mutating func clear(_ rect: Rect) {
        for row in rect.y..<rect.bottom {
            put(String(repeating: " ", count: rect.width), row: row, column: rect.x)
            fill(row: row, from: rect.x, to: rect.right, style: .plain)
        }
    }
}
