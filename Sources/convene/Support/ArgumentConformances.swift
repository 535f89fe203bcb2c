import ArgumentParser
import ConveneCore

/// A kind by the name the notes use or the word the screen shows: `--kind agreement` or `--kind agree`.
extension PointKind: ExpressibleByArgument {
    public init?(argument: String) {
        self.init(name: argument)
    }

    public static var allValueStrings: [String] { allCases.map(\.rawValue) }
}
extension Attendee.Role: ExpressibleByArgument {}
extension PointLayout: ExpressibleByArgument {}

/// A role by its name or its start: `--role note-taker`, `--role note`, `--role p`.
extension LiveRole: ExpressibleByArgument {
    public init?(argument: String) {
        self.init(typed: argument)
    }

    public static var allValueStrings: [String] { allCases.map(\.rawValue) }
}
