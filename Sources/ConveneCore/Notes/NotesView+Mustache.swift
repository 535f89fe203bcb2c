import Mustache

// Field lookup for the notes template without `Mirror`: reflection made rendering 10,000 points take
// half a second. Each name here is the field of the same name in `NotesView`; a name not listed is
// not part of the template's vocabulary.

extension NotesView: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "frontMatter": frontMatter
        case "title": title
        case "chathamHouse": chathamHouse
        case "partlyUnderRule": partlyUnderRule
        case "partsUnderRule": partsUnderRule
        case "partsAttributed": partsAttributed
        case "date": date
        case "kind": kind
        case "hosts": hosts
        case "series": series
        case "purpose": purpose
        case "agenda": agenda
        case "plannedTotal": plannedTotal
        case "actualTotal": actualTotal
        case "presentations": presentations
        case "discussion": discussion
        case "agreement": agreement
        case "divergence": divergence
        case "topics": topics
        case "divergenceParts": divergenceParts
        case "hasDivergence": hasDivergence
        case "questions": questions
        case "contexts": contexts
        case "contextGroups": contextGroups
        case "quadrantChart": quadrantChart
        case "checklists": checklists
        case "nextStepNotes": nextStepNotes
        case "nextQuestions": nextQuestions
        case "actions": actions
        case "hasNextSteps": hasNextSteps
        case "attendees": attendees
        case "apologies": apologies
        default: nil
        }
    }
}

extension NotesView.PointLine: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "text": text
        case "speaker": speaker
        default: nil
        }
    }
}

extension NotesView.Subtheme: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "heading": heading
        case "points": points
        default: nil
        }
    }
}

extension NotesView.Theme: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "heading": heading
        case "points": points
        case "subthemes": subthemes
        default: nil
        }
    }
}

extension NotesView.DivergencePart: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "theme": theme
        case "topic": topic
        default: nil
        }
    }
}

extension NotesView.ContextGroup: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "title": title
        case "rows": rows
        default: nil
        }
    }
}

extension NotesView.ItemSection: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "title": title
        case "speaker": speaker
        case "themes": themes
        default: nil
        }
    }
}

extension NotesView.AgendaRow: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "number": number
        case "title": title
        case "phase": phase
        case "planned": planned
        case "actual": actual
        default: nil
        }
    }
}

extension NotesView.Dilemma: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "title": title
        case "text": text
        default: nil
        }
    }
}

extension NotesView.Topic: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "title": title
        case "description": description
        case "header": header
        case "separator": separator
        case "rows": rows
        case "caveats": caveats
        case "dilemmas": dilemmas
        case "hasCaveats": hasCaveats
        case "hasDilemmas": hasDilemmas
        default: nil
        }
    }
}

extension NotesView.ContextRow: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "name": self.name
        case "description": description
        case "uncertainty": uncertainty
        case "control": control
        case "quadrant": quadrant
        case "measure": measure
        case "spread": spread
        default: nil
        }
    }
}

extension NotesView.ChecklistEntry: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "prompt": prompt
        case "response": response
        default: nil
        }
    }
}

extension NotesView.Checklist: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "title": title
        case "entries": entries
        default: nil
        }
    }
}

extension NotesView.Person: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "name": self.name
        case "organisation": organisation
        case "role": role
        default: nil
        }
    }
}
