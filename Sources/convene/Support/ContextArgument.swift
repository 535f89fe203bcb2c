import ConveneCore

extension Session {
    /// The context a person names: its number in the assessment (1 the first) or its name, in any case.
    func context(named query: String) throws -> ContextAssessment {
        let all = contexts.elements
        if let number = Int(query), all.indices.contains(number - 1) { return all[number - 1] }
        if let named = all.first(where: { $0.name.lowercased() == query.lowercased() }) { return named }
        throw CommandFailure("no context is called ‘\(query)’; the session has " + (all.isEmpty ? "none" : all.map { "‘\($0.name)’" }.joined(separator: ", ")))
    }
}
