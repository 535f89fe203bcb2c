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
        return (try? UTF8Span(validating: bytes.span)) != nil
            && !TextRules.containsControl(bytes, allowingNewline: false) && !lineBreakIn(bytes)
    }
}
