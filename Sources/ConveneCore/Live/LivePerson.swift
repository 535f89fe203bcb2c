/// Someone in a live session: the name they joined under (`--as`) and their role.
public struct LivePerson: Codable, Sendable, Equatable, Hashable {
    public var name: String
    public var role: LiveRole

    public init(name: String, role: LiveRole) {
        self.name = name
        self.role = role
    }
}
