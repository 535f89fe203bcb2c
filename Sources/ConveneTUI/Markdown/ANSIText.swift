import ConveneCore

/// Laid-out lines as text for standard output: with ANSI styles for a terminal, plain for a pipe.
/// The only escape sequences in the result are the styles added here: control characters in the
/// document's own text (a notes file is often received by email) are made visible.
public enum ANSIText {
    public static func render(_ lines: [StyledLine], styled: Bool, colour: Bool) -> String {
        // In parts on every core, each part one string appended in place: a long record has tens
        // of thousands of lines and several spans on each.
        ParallelChunks.map(lines.indices, minimumChunk: 512) { part in
            var text = ""
            text.reserveCapacity(lines[part].reduce(0) { $0 + $1.spans.reduce(1) { $0 + $1.text.utf8.count + 12 } })
            // A document uses a handful of styles: each one's escape sequence is spelt once.
            var sequences: [Style: String] = [:]
            for line in lines[part] {
                for span in line.spans {
                    let sequence = styled ? sequences[span.style] ?? {
                        let codes = self.codes(span.style, colour: colour)
                        let sequence = codes.isEmpty ? "" : "\u{1B}[\(codes)m"
                        sequences[span.style] = sequence
                        return sequence
                    }() : ""
                    guard !sequence.isEmpty else {
                        text += VisibleText.of(span.text)
                        continue
                    }
                    text += sequence
                    text += VisibleText.of(span.text)
                    text += "\u{1B}[0m"
                }
                text += "\n"
            }
            return [text]
        }.joined() + (lines.isEmpty ? "\n" : "")
    }

    static func codes(_ style: Style, colour: Bool) -> String {
        var codes: [String] = []
        if style.bold { codes.append("1") }
        if style.dim { codes.append("2") }
        if style.underline { codes.append("4") }
        if style.reverse { codes.append("7") }
        if colour, let role = style.role {
            switch role {
            case .accent: codes.append("36")
            case .warning: codes.append("33")
            case .danger: codes.append("31")
            case .success: codes.append("32")
            case .badge: codes.append("35")
            case .selection: codes.append("34")
            case .muted: codes.append("90")
            }
        }
        return codes.joined(separator: ";")
    }
}
