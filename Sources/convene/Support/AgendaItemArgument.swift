import ArgumentParser
import ConveneCore

extension Session {
    /// The agenda item an `--item N` option names (1 is the first), or an error that says how many
    /// there are.
    func agendaItem(numbered number: Int) throws -> AgendaItem {
        guard let found = item(number: number) else {
            throw CommandFailure("the agenda has \(agenda.count) items; there is no item \(number)")
        }
        return found
    }
}
