import ArgumentParser
import ConveneCore
import Foundation

/// `convene set SESSION action|question …`: an action's or a question's status, owner, due date or
/// answer.
struct TrackedPointChange {
    let command: SetDetail

    init(_ command: SetDetail) {
        self.command = command
    }

    private var kind: PointKind { command.field == .question ? .question : .action }

    /// The status word, when one is given after the action or question.
    private var status: PointStatus? { command.values.count > 1 ? PointStatus(word: command.values[1]) : nil }

    static func validate(_ command: SetDetail) throws {
        let change = TrackedPointChange(command)
        let words = change.kind == .action ? "done, open or dropped" : "answered, open or dropped"
        guard command.values.count <= 2 else {
            throw ValidationError("give the \(command.field.rawValue), then \(words); quote words that have spaces")
        }
        if command.values.count == 2 && change.status == nil {
            throw ValidationError("‘\(command.values[1])’ is not a status; give \(words)")
        }
        if command.values.count == 1 && command.owner == nil && command.due == nil && command.answer == nil {
            throw ValidationError("say what changes: \(words)\(change.kind == .action ? ", --owner or --due" : " or --answer")")
        }
        if let due = command.due, !due.isEmpty, !TextRules.isValidDate(due) {
            throw ValidationError("--due ‘\(due)’ is not a date of the form YYYY-MM-DD")
        }
        if change.status == .open && command.answer != nil {
            throw ValidationError("an open question has no answer yet; leave out --answer or say answered")
        }
    }

    func changed(in session: Session) throws -> Point {
        var point = try session.trackedPoint(kind, named: command.values[0])
        if let status { point.status = status }
        if let owner = command.owner {
            let name = TextRules.cleaned(owner, singleLine: true).trimmingCharacters(in: .whitespaces)
            point.owner = name.isEmpty ? nil : name
        }
        if let due = command.due { point.due = due.isEmpty ? nil : due }
        if let answer = command.answer {
            let text = typedText(answer)
            point.answer = text.allSatisfy(\.isWhitespace) ? nil : text
            if status == nil && point.answer != nil { point.status = .done }
        }
        if status == .open { point.answer = nil }
        point.editedAt = .nowToTheSecond
        return point
    }

    static func summary(of point: Point) -> String {
        let status = (point.status ?? .open).name(for: point.kind)
        var said = "\(point.kind == .action ? "action" : "question") ‘\(point.text.prefix(60))’: \(status)"
        if let owner = point.owner { said += ", \(owner)" }
        if let due = point.due { said += ", due \(due)" }
        return said
    }
}
