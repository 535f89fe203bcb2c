import ConveneCore

/// What a question's answer is for. Whoever asks (a panel, an overlay, the screen) has its own
/// kind of purpose, `Asking`, and the answer goes back to it: `LiveScreen.settle` routes it by
/// that kind, so no one else is asked to make sense of it.
protocol QuestionPurpose: Sendable {
    /// Answers that may run to paragraphs (a caveat, a dilemma, a cell, a checklist response) take
    /// line breaks with Ctrl-J; names, titles, themes and ratings are one line.
    var allowsLineBreaks: Bool { get }
    func isSame(as other: any QuestionPurpose) -> Bool
}

extension QuestionPurpose where Self: Equatable {
    func isSame(as other: any QuestionPurpose) -> Bool { (other as? Self) == self }
}

/// A question in the field at the bottom of the live screen, such as a theme's name, a caveat or a
/// context's ratings (not to be mixed up with an agenda item's prompt, which is what the room is
/// asked).
public struct Question: Equatable, Sendable {
    var purpose: any QuestionPurpose
    public var label: String
    public var field: TextField

    /// - Parameter selectingAll: open with `text` selected, so that typing replaces it.
    init(_ purpose: any QuestionPurpose, label: String, text: String = "", selectingAll: Bool = false) {
        self.purpose = purpose
        self.label = label
        field = TextField(text: text, allowsLineBreaks: purpose.allowsLineBreaks, selectingAll: selectingAll)
    }

    public var allowsLineBreaks: Bool { purpose.allowsLineBreaks }

    public var answer: String {
        TextRules.cleaned(field.text, singleLine: !purpose.allowsLineBreaks).trimmingCharacters(in: .whitespacesAndNewlines)
    }

    public static func == (left: Question, right: Question) -> Bool {
        left.purpose.isSame(as: right.purpose) && left.label == right.label && left.field == right.field
    }
}

extension Question: LiveOverlay {
    var isField: Bool { true }

    /// Enter closes it, answered, for whoever asked; Esc leaves things as they were.
    mutating func handle(_ key: Key, in context: inout KeyHandling) -> [LiveEffect] {
        switch KeyMap.action(for: key, in: context.keys.prompt) {
        case .commit?:
            context.close(answering: .question(self))
        case .cancel?:
            context.close()
            return context.notice("Left as it was")
        case .editor? where allowsLineBreaks:
            // A dilemma, a caveat, a cell, the purpose: long texts, as a point's, go to the editor.
            return [.editExternally(field.text)]
        default:
            field.edit(with: key)
        }
        return []
    }

    func hints(_ keys: KeyMap) -> [(key: String, text: String)] {
        KeyMap.hints(keys.prompt).filter { $0.key != KeyMap.label(of: .newline, in: keys.prompt) || allowsLineBreaks }
    }
}
