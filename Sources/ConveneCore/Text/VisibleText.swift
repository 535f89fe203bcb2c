/// Text made safe to show on a terminal: every control character is replaced by a visible stand-in,
/// so nothing read from a file, a folder name or an argument can move the cursor, clear the screen,
/// retitle the window or start an escape sequence.
///
/// C0 characters and DEL become their Unicode control pictures (ESC shows as `␛`, BEL as `␇`); a C1
/// character, which terminals read as ESC plus a letter, shows as `␛` and that letter (CSI, U+009B,
/// as `␛[`). Line breaks are kept only where the caller lays text out in lines itself.
public enum VisibleText {
    public static func of(_ text: String, keepingLineBreaks: Bool = false) -> String {
        // Nearly all text is clean: checking bytes first keeps this off the cost of drawing a frame.
        guard TextRules.containsControl(text.utf8, allowingNewline: keepingLineBreaks) else { return text }
        var visible = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            switch scalar.value {
            case 0x0A where keepingLineBreaks:
                visible.append(scalar)
            case 0x00...0x1F:
                visible.append(Unicode.Scalar(0x2400 + scalar.value) ?? "?")
            case 0x7F:
                visible.append("\u{2421}")
            case 0x80...0x9F:
                visible.append("\u{241B}")
                visible.append(Unicode.Scalar(scalar.value - 0x40) ?? "?")
            default:
                visible.append(scalar)
            }
        }
        return String(visible)
    }

    /// Whether `bytes` are text that showing leaves as it is: valid UTF-8 with no control
    /// character and no line break. Such text is its own `of(_:)` and its own `onOneLine`, so a
    /// line made of it can be written from the bytes where they lie, without making strings of them
    /// (a search printing thousands of places).
    public static func isPlain(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        // Printable ASCII, eight bytes at a time, answers for most text at once.
        var index = 0
        while index + 8 <= bytes.count, ByteWords.isPrintableASCII(ByteWords.word(at: index, in: bytes)) { index += 8 }
        while index < bytes.count, (0x20...0x7E).contains(bytes[index]) { index += 1 }
        if index == bytes.count { return true }
        return (try? UTF8Span(validating: bytes.span)) != nil && !holdsControlOrBreak(validUTF8: bytes, from: index)
    }

    /// Whether valid UTF-8 holds a control character or a line break from `start` on, in one pass.
    /// In valid UTF-8 those are a byte below 0x20 or DEL (LF, VT, FF and CR among them), C1 (0xC2
    /// then 0x80–0x9F, NEL among them) or U+2028/U+2029 (0xE2 0x80 then 0xA8 or 0xA9). Eight bytes
    /// at a time, the loop goes straight to the first byte that is one of those or a lead byte 0xC2
    /// or 0xE2. (A place's middle dot and quotes took three passes over it, a third of what a
    /// search spent writing its lines.)
    private static func holdsControlOrBreak(validUTF8 bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Bool {
        var index = start
        while index < bytes.count {
            if index + 8 <= bytes.count {
                let word = ByteWords.word(at: index, in: bytes)
                let flagged = ByteWords.bytes(below: 0x20, in: word) | ByteWords.bytes(0x7F, in: word)
                    | ByteWords.bytes(0xC2, in: word) | ByteWords.bytes(0xE2, in: word)
                guard flagged != 0 else {
                    index += 8
                    continue
                }
                index += flagged.trailingZeroBitCount / 8
            }
            switch bytes[index] {
            case 0x00..<0x20, 0x7F:
                return true
            case 0xC2 where index + 1 < bytes.count && bytes[index + 1] < 0xA0:
                return true
            case 0xE2 where index + 2 < bytes.count && bytes[index + 1] == 0x80 && (bytes[index + 2] == 0xA8 || bytes[index + 2] == 0xA9):
                return true
            default:
                index += 1
            }
        }
        return false
    }
}
