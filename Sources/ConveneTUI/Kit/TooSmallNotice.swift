/// What a terminal too small for the screen shows instead: it says how much room is needed and
/// recovers by itself when the terminal grows.
enum TooSmallNotice {
    static func draw(into frame: inout Frame, minimum: (width: Int, height: Int)) {
        let lines = [
            "Terminal too small",
            "\(frame.width)×\(frame.height), need \(minimum.width)×\(minimum.height)",
            "Enlarge it; nothing is lost",
        ]
        let top = max(0, (frame.height - lines.count) / 2)
        for (offset, line) in lines.enumerated() {
            let fitted = TextLayout.truncate(line, to: frame.width)
            let left = max(0, (frame.width - DisplayWidth.of(fitted)) / 2)
            frame.put(fitted, row: top + offset, column: left, style: offset == 0 ? .warning : .plain)
        }
    }
}
