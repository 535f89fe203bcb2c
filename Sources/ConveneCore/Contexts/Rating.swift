import Foundation

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

extension Rating {
    /// "4 2": uncertainty, then control, as typed.
    public var typed: String { "\(uncertainty) \(control)" }

    /// "4/2": uncertainty, then control, as lists show one rating among others.
    public var shown: String { "\(uncertainty)/\(control)" }

    /// One rating as people type it: "4 2", "4,2", "4/2" or "42"; nil unless two numbers of the scale.
    public init?(typed text: some StringProtocol) {
        let digits = text.compactMap(\.wholeNumberValue)
        guard digits.count == 2, text.allSatisfy({ $0.isNumber || $0 == " " || $0 == "," || $0 == "/" }),
              Self.scale.contains(digits[0]), Self.scale.contains(digits[1]) else { return nil }
        self.init(uncertainty: digits[0], control: digits[1])
    }

    /// Every rating of a context, as typed to correct them: "4 2; 5 1; 3 3".
    public static func typed(_ ratings: [Rating]) -> String {
        ratings.map(\.typed).joined(separator: "; ")
    }

    /// The ratings typed as `typed(_:)` writes them (";" or a line between ratings), or the first
    /// part that is not a rating. Nothing typed is no rating.
    public static func list(typed text: String) -> Result<[Rating], RatingListError> {
        var ratings: [Rating] = []
        for part in text.split(whereSeparator: { $0 == ";" || $0.isNewline }) {
            let trimmed = part.trimmingCharacters(in: .whitespaces)
            guard !trimmed.isEmpty else { continue }
            guard let rating = Rating(typed: trimmed) else { return .failure(RatingListError(part: trimmed)) }
            ratings.append(rating)
        }
        return .success(ratings)
    }
}

/// A part of a typed list of ratings that is not a rating.
public struct RatingListError: Error, Equatable, CustomStringConvertible {
    public var part: String
    public var description: String {
        "‘\(part)’ is not a rating: two numbers from \(Rating.scale.lowerBound) to \(Rating.scale.upperBound), uncertainty then control (4 2)"
    }
}
