/// One person's rating of a context, kept without a name so the spread can be shown anonymously.
public struct Rating: Codable, Sendable, Equatable {
    public static let scale = 1...5

    /// How uncertain the relation between cause and effect is (1 low … 5 high).
    public var uncertainty: Int
    /// How much control the one held to account has over outcomes (1 little … 5 broad).
    public var control: Int

    public init(uncertainty: Int, control: Int) {
        self.uncertainty = uncertainty
        self.control = control
    }
}
