/// Text made safe to stand as text in XML or HTML: the picture of the 2×2, an exported record's title.
public enum XMLText {
    /// The five special characters as entities, line breaks and tabs as spaces, and the control
    /// characters XML 1.0 forbids left out.
    public static func escaped(_ text: String) -> String {
        var result = ""
        result.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&quot;"
            case "'": result += "&apos;"
            case "\t", "\n", "\r": result += " "
            default:
                if TextRules.isControl(scalar) || scalar.value == 0xFFFE || scalar.value == 0xFFFF { continue }
                result.unicodeScalars.append(scalar)
            }
        }
        return result
    }
}
