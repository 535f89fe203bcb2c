/// A template that cannot be used, with where the problem is.
public struct TemplateError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The file, as the user should find it.
    public var file: String
    /// 1-based, when the problem has a place.
    public var line: Int?
    public var column: Int?
    public var problem: String

    public init(file: String, line: Int? = nil, column: Int? = nil, problem: String) {
        self.file = file
        self.line = line
        self.column = column
        self.problem = problem
    }

    public var description: String {
        var place = file
        if let line {
            place += ":\(line)"
            if let column { place += ":\(column)" }
        }
        return "\(place): \(problem)"
    }
}
