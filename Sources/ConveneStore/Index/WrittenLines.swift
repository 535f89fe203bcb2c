/// Where a place stands in a search's answer: by rank (lower is better, as `bm25` gives it), then
/// by its text's row, so that places ranked alike come in the same order however they were read.
struct PlaceOrder: Comparable, Sendable {
    var rank: Double
    var rowid: Int64

    static func < (left: PlaceOrder, right: PlaceOrder) -> Bool {
        (left.rank, left.rowid) < (right.rank, right.rowid)
    }
}

/// Part of a search's answer written out: its lines one after another in one buffer, each with
/// where it starts and ends and where its place stands. Half an answer, read out on one core.
struct WrittenLines: Sendable {
    private var bytes: [UInt8] = []
    private var lines: [(order: PlaceOrder, start: Int, end: Int)] = []

    /// Room for about `places` lines. Growing by doubling copied the lines written so far into
    /// fresh memory each time, a third of the page faults of a common word's search; room reserved
    /// and never written costs nothing (the system hands out pages as they are first touched).
    init(places: Int = 0) {
        bytes.reserveCapacity(places * 256)
        lines.reserveCapacity(places)
    }

    /// Adds the line `write` appends, for a place standing at `order`.
    mutating func append(_ order: PlaceOrder, _ write: (inout [UInt8]) -> Void) {
        let start = bytes.count
        write(&bytes)
        lines.append((order, start, bytes.count))
    }

    /// Puts the lines in order, when they were written in another (their rows').
    mutating func sort() {
        lines.sort { $0.order < $1.order }
    }

    /// The lines of two parts, each already in order, handed to `each` as one answer in order:
    /// the first `limit` of them when given.
    static func merged(_ first: WrittenLines, _ second: WrittenLines, limit: Int?,
                       _ each: (ArraySlice<UInt8>) throws -> Void) rethrows {
        var (left, right) = (0, 0)
        for _ in 0..<min(first.lines.count + second.lines.count, limit ?? .max) {
            if right == second.lines.count || (left < first.lines.count && first.lines[left].order < second.lines[right].order) {
                try each(first.line(left))
                left += 1
            } else {
                try each(second.line(right))
                right += 1
            }
        }
    }

    private func line(_ index: Int) -> ArraySlice<UInt8> {
        bytes[lines[index].start..<lines[index].end]
    }
}
