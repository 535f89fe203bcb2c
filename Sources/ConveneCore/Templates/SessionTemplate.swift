/// A session template: how a kind of session starts. Written in YAML under `Templates/`.
public struct SessionTemplate: Sendable, Equatable {
    /// One agenda item as a template describes it.
    public struct Item: Sendable, Equatable, Decodable {
        public var title: String
        public var phase: PhaseKind
        public var minutes: Int
        public var prompt: String
        public var checklist: [String]
        /// Whether the Chatham House Rule applies to this part; nil: as the session says.
        public var chathamHouse: Bool?

        enum CodingKeys: String, CodingKey, CaseIterable {
            case title, phase, minutes, prompt, checklist, chathamHouse = "chatham-house"
        }

        public init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: CodingKeys.self)
            try decoder.rejectUnknownKeys(CodingKeys.self)
            title = try container.decode(String.self, forKey: .title)
            phase = try container.decode(PhaseKind.self, forKey: .phase)
            minutes = try container.decode(Int.self, forKey: .minutes)
            prompt = try container.decodeIfPresent(String.self, forKey: .prompt) ?? ""
            checklist = try container.decodeIfPresent([String].self, forKey: .checklist) ?? []
            chathamHouse = try container.decodeIfPresent(Bool.self, forKey: .chathamHouse)
        }
    }

    /// The file's name without `.yaml`: what `--template` takes.
    public var name: String
    public var title: String
    public var summary: String
    public var kind: String
    public var chathamHouse: Bool
    public var purpose: String
    public var agenda: [Item]
    public var quadrants: [EbrahimQuadrant: QuadrantGuide]

    /// The first events of a session started from this template.
    public func setup(title sessionTitle: String, date: String, purpose sessionPurpose: String? = nil) -> SessionSetup {
        let items = agenda.enumerated().map { offset, item in
            AgendaItem(
                id: EntityID(offset + 1), title: item.title, phase: item.phase, minutes: item.minutes,
                prompt: item.prompt, chathamHouse: item.chathamHouse, checklist: item.checklist
            )
        }
        let details = SessionDetails(
            title: sessionTitle, kind: kind, date: date, purpose: sessionPurpose ?? purpose,
            chathamHouse: chathamHouse, template: name
        )
        return SessionSetup(details: details, agenda: items, quadrantGuide: quadrants)
    }
}

extension SessionTemplate: Decodable {
    enum CodingKeys: String, CodingKey, CaseIterable {
        case title, summary, kind, chathamHouse = "chatham-house", purpose, agenda, quadrants
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        try decoder.rejectUnknownKeys(CodingKeys.self)
        name = ""
        title = try container.decode(String.self, forKey: .title)
        summary = try container.decodeIfPresent(String.self, forKey: .summary) ?? ""
        kind = try container.decode(String.self, forKey: .kind)
        chathamHouse = try container.decode(Bool.self, forKey: .chathamHouse)
        purpose = try container.decodeIfPresent(String.self, forKey: .purpose) ?? ""
        agenda = try container.decode([Item].self, forKey: .agenda)
        let guides = try container.decodeIfPresent([String: QuadrantGuide].self, forKey: .quadrants) ?? [:]
        quadrants = [:]
        for (key, guide) in guides {
            guard let quadrant = EbrahimQuadrant(rawValue: key) else {
                let nested = try container.nestedContainer(keyedBy: AnyKey.self, forKey: .quadrants)
                throw DecodingError.dataCorruptedError(
                    forKey: AnyKey(key), in: nested,
                    debugDescription: "unknown quadrant ‘\(key)’; expected one of "
                        + EbrahimQuadrant.allCases.map(\.rawValue).joined(separator: ", ")
                )
            }
            quadrants[quadrant] = guide
        }
    }
}
