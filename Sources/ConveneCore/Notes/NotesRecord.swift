import Mustache

/// A part of the notes (a theme, a point, an agenda row…) by the names the template knows.
protocol NotesFields {
    func child(named name: String) -> Any?
}

/// The one type every part of the notes has when the template meets it.
///
/// swift-mustache asks each value it meets whether it conforms to five of its protocols (custom
/// rendering, lambda, sequence, parent, transform). The first time the Swift runtime is asked that
/// of a type it scans every conformance record in the program, thousands of them: once per type
/// met. One record type and one array type keep that to two scans, where a type per part of the
/// notes (and one per array of them) would make those scans most of a short session's rendering.
struct NotesRecord: MustacheParent {
    private let fields: any NotesFields

    init(_ fields: any NotesFields) {
        self.fields = fields
    }

    func child(named name: String) -> Any? { fields.child(named: name) }
}

extension Array where Element: NotesFields {
    var records: [NotesRecord] { map(NotesRecord.init) }
}
