extension Frame {
    /// The accent bar every screen starts with, `title` in bold at its left (within `limit` columns).
    mutating func titleBar(_ title: String, limit: Int? = nil) {
        fill(row: 0, style: Style(role: .accent, reverse: true))
        put(title, row: 0, column: 0, style: Style(role: .accent, bold: true, reverse: true), limit: limit)
    }
}
