/// Names a session's folder `YYYY-MM-DD-slug`: safe on any file system and under git, whatever
/// the title holds (slashes, `..`, accents, CJK, emoji).
public enum SessionFolderName {
    public static let maximumSlugLength = 60

    public static func make(date: String, title: String) -> String {
        let slug = self.slug(title)
        return slug.isEmpty ? date : "\(date)-\(slug)"
    }

    /// Lower-case letters and digits of any script, words joined by single hyphens. Everything else
    /// (`/`, `.`, spaces, symbols, emoji) separates words, so no slug can climb out of its folder.
    public static func slug(_ title: String) -> String {
        var words: [String] = []
        var current = ""
        for character in title.lowercased() {
            if character.isLetter || character.isNumber {
                current.append(character)
            } else if !current.isEmpty {
                words.append(current)
                current = ""
            }
        }
        if !current.isEmpty { words.append(current) }
        var slug = ""
        for word in words {
            let next = slug.isEmpty ? word : slug + "-" + word
            if next.count > maximumSlugLength { break }
            slug = next
        }
        if slug.isEmpty, let first = words.first { slug = String(first.prefix(maximumSlugLength)) }
        return slug
    }
}
