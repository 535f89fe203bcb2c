/// A horizontal rule of a box-drawn table, over columns of the given widths.
enum TableRule {
    case top, between, bottom

    func text(columns widths: [Int]) -> String {
        let (left, middle, right) = switch self {
        case .top: ("┌", "┬", "┐")
        case .between: ("├", "┼", "┤")
        case .bottom: ("└", "┴", "┘")
        }
        return left + widths.map { String(repeating: "─", count: $0) }.joined(separator: middle) + right
    }
}
