/// What text a session accepts, and the cleaning that input edges apply before building events.
public enum TextRules {
    /// Removes what a person cannot have meant to keep: control characters (a pasted escape
    /// sequence, a stray NUL), carriage returns, and — for one-line fields — line breaks. Tabs
    /// become spaces. Everything printable, in any script, is kept as typed.
    public static func cleaned(_ text: String, singleLine: Bool = false) -> String {
        var scalars = String.UnicodeScalarView()
        for scalar in text.replacingOccurrences(of: "\r\n", with: "\n").unicodeScalars {
            switch scalar {
            case "\n": scalars.append(singleLine ? " " : "\n")
            case "\t", "\r": scalars.append(" ")
            default: if !isControl(scalar) { scalars.append(scalar) }
            }
        }
        return String(scalars)
    }

    /// Whether `scalar` is a control character other than a line break.
    public static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        scalar.properties.generalCategory == .control && scalar != "\n"
    }

    static func check(_ text: String, field: String, allowEmpty: Bool = false, singleLine: Bool = false) throws(SessionError) {
        if !allowEmpty && text.allSatisfy(\.isWhitespace) { throw .emptyText(field: field) }
        if containsControl(text.utf8, allowingNewline: !singleLine) { throw .controlCharacters(field: field) }
    }

    /// Unicode's control characters are exactly C0 (U+0000–U+001F), DEL and C1 (U+0080–U+009F); in
    /// UTF-8 those are single bytes below 0x20 or 0x7F, or 0xC2 followed by 0x80–0x9F. Checking bytes
    /// keeps validation cheap on the path every keystroke-sized event takes.
    static func containsControl(_ bytes: String.UTF8View, allowingNewline: Bool) -> Bool {
        // Every line the terminal shows comes through here: read in place, not through the
        // view's iterator, at a fraction of the cost a byte.
        bytes.withContiguousStorageIfAvailable { containsControl($0, allowingNewline: allowingNewline) }
            ?? Array(bytes).withUnsafeBufferPointer { containsControl($0, allowingNewline: allowingNewline) }
    }

    static func containsControl(_ bytes: UnsafeBufferPointer<UInt8>, allowingNewline: Bool) -> Bool {
        var index = 0
        while index < bytes.count {
            // Nearly all text holds no byte that starts a control character (below 0x20, DEL, or
            // C1's lead 0xC2): eight bytes at a time past those.
            if index + 8 <= bytes.count {
                let word = ByteWords.word(at: index, in: bytes)
                if !ByteWords.hasByte(below: 0x20, in: word) && !ByteWords.hasByte(0x7F, in: word) && !ByteWords.hasByte(0xC2, in: word) {
                    index += 8
                    continue
                }
            }
            if let control = controlCharacter(at: index, in: bytes), !(allowingNewline && control == 0x0A) { return true }
            index += 1
        }
        return false
    }

    /// The control character whose UTF-8 starts at `index` of `bytes`, as its scalar value; nil
    /// when another character (or the middle of one) is there.
    static func controlCharacter<Bytes: RandomAccessCollection<UInt8>>(at index: Int, in bytes: Bytes) -> UInt32? where Bytes.Index == Int {
        let byte = bytes[index]
        if byte < 0x20 || byte == 0x7F { return UInt32(byte) }
        if byte == 0xC2, index + 1 < bytes.endIndex, (0x80...0x9F).contains(bytes[index + 1]) { return UInt32(bytes[index + 1]) }
        return nil
    }

    static func checkOptional(_ text: String?, field: String) throws(SessionError) {
        if let text { try check(text, field: field, singleLine: true) }
    }

    /// `YYYY-MM-DD` with a real month and day.
    public static func isValidDate(_ date: String) -> Bool {
        let parts = date.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
              let year = Int(parts[0]), let month = Int(parts[1]), let day = Int(parts[2]),
              (1...12).contains(month), day >= 1
        else { return false }
        let leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
        let days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
        return day <= days[month - 1]
    }
}
