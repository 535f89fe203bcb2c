import ArgumentParser
import ConveneCore
import ConveneStore
import Foundation

/// `convene add SESSION attendees FILE.csv`: a registration export in one change, undone as one.
extension Add {
    func importAttendees(into folder: SessionFolder) throws {
        let list = try readRegistrationList(text)
        var columns = list.guessedColumns()
        for mapping in fields { try name(mapping, in: list, into: &columns) }
        guard columns.hasName else {
            throw CommandFailure("""
                \(text): no column holds names. Its columns are \(list.header.map { "‘\($0)’" }.joined(separator: ", ")). \
                Say which with --field "name=HEADER" (or "first name=HEADER" and "last name=HEADER").
                """)
        }
        let key = id.map { TextRules.cleaned($0, singleLine: true) }
        var imported: RegistrationList.Import?
        let saved = try editing(folder, options: sessions, wait: lock.duration) { writer -> SessionEvent? in
            if let key, let earlier = try writer.log.event(forKey: key) { return earlier }
            let found = list.attendees(columns: columns, existing: writer.session.attendees.elements, firstID: writer.session.nextID)
            imported = found
            guard let event = found.event else { return nil }
            try writer.apply(event, at: .nowToTheSecond, key: key)
            return event
        }
        if let imported {
            if !imported.duplicates.isEmpty {
                Output.warn("left out \(imported.duplicates.count) already listed: \(imported.duplicates.joined(separator: ", "))")
            }
            for row in imported.implausible {
                Output.warn("left out row \(row.row): its name is \(row.length) characters long, longer than any person's "
                    + "(‘\(row.opening)…’); check the file there")
            }
            if !imported.nameless.isEmpty {
                Output.warn("left out \(imported.nameless.count == 1 ? "a row" : "rows") without a name: \(imported.nameless.map(String.init).joined(separator: ", "))")
            }
        }
        try Output.print(saved.map { AddedEvent.summary(of: $0) } ?? "imported nobody: everyone in \(text) is already listed")
    }

    /// Applies one `--field field=header`.
    private func name(_ mapping: String, in list: RegistrationList, into columns: inout RegistrationList.Columns) throws {
        let parts = mapping.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
        let fields = RegistrationList.Field.allCases.map(\.rawValue)
        guard parts.count == 2, let field = RegistrationList.Field(rawValue: parts[0].lowercased()) else {
            throw ValidationError("--field takes FIELD=HEADER, FIELD one of \(fields.joined(separator: ", ")); got ‘\(mapping)’")
        }
        guard let index = list.column(named: parts[1]) else {
            throw ValidationError("\(text) has no column ‘\(parts[1])’; its columns are \(list.header.map { "‘\($0)’" }.joined(separator: ", "))")
        }
        columns[field] = index
    }
}
