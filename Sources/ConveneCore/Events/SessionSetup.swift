/// Everything a session starts with: the content of the `created` event.
public struct SessionSetup: Codable, Sendable, Equatable {
    public var details: SessionDetails
    public var agenda: [AgendaItem]
    public var quadrantGuide: [EbrahimQuadrant: QuadrantGuide]

    public init(details: SessionDetails, agenda: [AgendaItem], quadrantGuide: [EbrahimQuadrant: QuadrantGuide] = [:]) {
        self.details = details
        self.agenda = agenda
        self.quadrantGuide = quadrantGuide
    }
}
