import Foundation

/// How the ids in one side's events read in a merged journal.
///
/// Two offices that add a point while apart both give it the session's next id. Merging keeps
/// both, so one of them moves, and every later change that named it must name the new id. A
/// translation is handed to the decoder (`userInfo`), so every `EntityID` inside an event, however
/// deeply nested (a point's agenda item, an item in a batch), is translated without a hand-written
/// walk over every event that could fall behind the model.
final class EntityIDTranslation: Sendable {
    static let key = CodingUserInfoKey(rawValue: "convene.entityIDTranslation")!

    let merged: @Sendable (EntityID) -> EntityID

    init(_ merged: @escaping @Sendable (EntityID) -> EntityID) {
        self.merged = merged
    }

    /// `value` with every id it holds translated.
    func translate<Value: Codable>(_ value: Value) throws -> Value {
        let data = try JSONEncoder().encode(value)
        let decoder = JSONDecoder()
        decoder.userInfo[Self.key] = self
        return try decoder.decode(Value.self, from: data)
    }
}
