import CNCursesW
import ConveneCore

/// How many terminal columns text takes, measured as ncurses measures it (the C library's `wcwidth`
/// in a UTF-8 locale), so that what a frame lays out is where ncurses draws it.
public enum DisplayWidth {
    /// Set once: measuring needs a UTF-8 locale, whatever the environment's.
    private static let localeReady: Bool = convene_use_utf8_locale() == 1

    /// 0 for marks and controls, 2 for wide (CJK) and emoji, else 1.
    public static func of(_ character: Character) -> Int {
        _ = localeReady
        let scalars = character.unicodeScalars
        guard let first = scalars.first else { return 0 }
        if first.isASCII { return first.value < 0x20 || first.value == 0x7F ? 0 : 1 }
        // An emoji presentation selector, or a sequence built on an emoji, draws two columns wide.
        if scalars.count > 1 && (scalars.contains("\u{FE0F}") || first.properties.isEmojiPresentation) { return 2 }
        let width = Int(convene_wcwidth(first.value))
        return width < 0 ? 1 : width
    }

    public static func of<S: StringProtocol>(_ text: S) -> Int {
        // Read in place where the text is contiguous (nearly always): every word laid out is measured.
        let summed = text.utf8.withContiguousStorageIfAvailable(byBytes) ?? byScalars(text.unicodeScalars)
        return summed ?? text.reduce(0) { $0 + of($1) }
    }

    /// The width summed scalar by scalar, which is the width character by character for text
    /// without emoji: a mark adds nothing to the letter it sits on, a wide letter is one scalar.
    /// Nil at the first scalar that may join an emoji sequence (where a character's width is not
    /// its scalars' sum), so the caller walks characters instead. Skips breaking text into
    /// characters, the costly part of measuring accented and CJK text.
    ///
    /// Decodes the UTF-8 itself: a run of printable ASCII, most of most texts, is one column a byte.
    private static func byBytes(_ bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        _ = localeReady
        var total = 0
        var index = 0
        while index < bytes.count {
            let runStart = index
            while index + 8 <= bytes.count, ByteWords.isPrintableASCII(ByteWords.word(at: index, in: bytes)) { index += 8 }
            while index < bytes.count, bytes[index] &- 0x20 < 0x5F { index += 1 }
            total += index - runStart
            guard index < bytes.count else { break }
            let lead = bytes[index]
            if lead < 0x80 {
                // A control character: no column.
                index += 1
                continue
            }
            // A String's bytes are valid UTF-8; a slice that starts inside a scalar is left to the walk.
            let length = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : 2
            guard lead >= 0xC0, index + length <= bytes.count else { return nil }
            var value = UInt32(lead & (0x7F >> length))
            for offset in 1..<length { value = value << 6 | UInt32(bytes[index + offset] & 0x3F) }
            index += length
            guard let width = width(ofNonASCII: value) else { return nil }
            total += width
        }
        return total
    }

    /// `byBytes` for text that is not contiguous.
    private static func byScalars(_ scalars: some Sequence<Unicode.Scalar>) -> Int? {
        _ = localeReady
        var total = 0
        for scalar in scalars {
            let value = scalar.value
            if value < 0x80 {
                total += value < 0x20 || value == 0x7F ? 0 : 1
                continue
            }
            guard let width = width(ofNonASCII: value) else { return nil }
            total += width
        }
        return total
    }

    /// The columns of a scalar past ASCII standing alone; nil when it may join an emoji sequence.
    private static func width(ofNonASCII value: UInt32) -> Int? {
        if mayJoinEmoji(value) { return nil }
        let width = Int(convene_wcwidth(value))
        return width < 0 ? 1 : width
    }

    /// Emoji, their modifiers and joiners, variation selectors and regional indicators.
    private static func mayJoinEmoji(_ value: UInt32) -> Bool {
        value >= 0x1F000 || (0x2190...0x2BFF).contains(value) || value == 0x200D || (0xFE00...0xFE0F).contains(value)
            || value == 0x20E3 || (0xE0020...0xE007F).contains(value) || value == 0x00A9 || value == 0x00AE
            || value == 0x203C || value == 0x2049 || value == 0x2122 || value == 0x2139 || value == 0x3030 || value == 0x303D
    }
}
