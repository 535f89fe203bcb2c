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
