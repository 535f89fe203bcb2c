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
    ///
    /// One pass: printable ASCII eight bytes at a time, and each longer sequence checked against
    /// Unicode's table of well-formed UTF-8 (no overlong form, no surrogate, nothing past
    /// U+10FFFF) where it stands. The controls outside ASCII are C1, 0xC2 then 0x80–0x9F (NEL
    /// among them); the line breaks outside ASCII are NEL and U+2028/U+2029, 0xE2 0x80 then 0xA8
    /// or 0xA9. (Validating, then looking for controls, then for line breaks, each a pass over a
    /// place with a middle dot and quotes in it, was most of what a search spent writing lines.)
    public static func isPlain(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        let count = bytes.count
        var index = 0
        while index < count {
            if index + 8 <= count, ByteWords.isPrintableASCII(ByteWords.word(at: index, in: bytes)) {
                index += 8
                continue
            }
            let lead = bytes[index]
            if lead >= 0x20 && lead < 0x7F {
                index += 1
                continue
            }
            guard let (length, second) = sequence(startingWith: lead), index + length <= count,
                  second.contains(bytes[index + 1]) else { return false }
            for offset in 2..<length where !(0x80...0xBF).contains(bytes[index + offset]) { return false }
            if lead == 0xE2 && bytes[index + 1] == 0x80 && (bytes[index + 2] == 0xA8 || bytes[index + 2] == 0xA9) { return false }
            index += length
        }
        return true
    }

    /// The length of the UTF-8 sequence a byte outside printable ASCII starts, and the bytes its
    /// second may be, in plain text; nil for a byte that starts none there (a C0 control, DEL, a
    /// continuation byte out of place, 0xC0, 0xC1 and 0xF5–0xFF, which never occur in UTF-8).
    @inline(__always)
    private static func sequence(startingWith lead: UInt8) -> (length: Int, second: ClosedRange<UInt8>)? {
        switch lead {
        case 0xC2: (2, 0xA0...0xBF)
        case 0xC3...0xDF: (2, 0x80...0xBF)
        case 0xE0: (3, 0xA0...0xBF)
        case 0xE1...0xEC, 0xEE, 0xEF: (3, 0x80...0xBF)
        case 0xED: (3, 0x80...0x9F)
        case 0xF0: (4, 0x90...0xBF)
        case 0xF1...0xF3: (4, 0x80...0xBF)
        case 0xF4: (4, 0x80...0x8F)
        default: nil
        }
    }
}
