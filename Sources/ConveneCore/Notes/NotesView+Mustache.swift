import Mustache

// Field lookup for the notes template without `Mirror`: reflection made rendering 10,000 points take
// half a second. Each name here is the field of the same name in `NotesView`; a name not listed is
// not part of the template's vocabulary. Every part and list of parts reaches the template as a
// `NotesRecord` or `[NotesRecord]` (see there why).

extension NotesView: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "frontMatter": frontMatter
        case "title": title
        case "previous": previous
        case "next": next
        case "seriesLinks": seriesLinks
        case "chathamHouse": chathamHouse
        case "partlyUnderRule": partlyUnderRule
        case "partsUnderRule": partsUnderRule
        case "partsAttributed": partsAttributed
        case "date": date
        case "kind": kind
        case "hosts": hosts
        case "series": series
        case "purpose": purpose
        case "agenda": agenda.records
        case "plannedTotal": plannedTotal
        case "actualTotal": actualTotal
        case "presentations": presentations.records
        case "discussion": discussion.records
        case "agreement": agreement.records
        case "divergence": divergence.records
        case "topics": topics.records
        case "divergenceParts": divergenceParts.records
        case "hasDivergence": hasDivergence
        case "questions": questions.records
        case "contexts": contexts.records
        case "contextGroups": contextGroups.records
        case "quadrantChart": quadrantChart
        case "contextChart": contextChart
        case "votes": votes.records
        case "checklists": checklists.records
        case "nextStepNotes": nextStepNotes.records
        case "nextQuestions": nextQuestions.records
        case "actions": actions.records
        case "carriedActions": carriedActions.records
        case "carriedQuestions": carriedQuestions.records
        case "hasCarried": hasCarried
        case "hasNextSteps": hasNextSteps
        case "attendees": attendees.records
        case "apologies": apologies.records
        default: nil
        }
    }
}

extension NotesView.PointLine: NotesFields {
    func child(named name: String) -> Any? {
        switch name {
        case "text": text
        case "speaker": speaker
        case "owner": owner
        case "due": due
        case "status": status
        case "answer": answer
        case "origin": origin
        case "boldQuestion": boldQuestion
        case "question": question
        case "paragraph": paragraph
        // A bullet's marker, or the blank lines that set a paragraph apart: one lookup each, where
        // sections would cost a point two (a 10,000-point record renders a third faster).
        case "lead": paragraph ? "\n" : "- "
        case "trail": paragraph ? "\n" : ""
        default: nil
        }
    }
}

extension NotesView.Subtheme: NotesFields {
    func child(named name: String) -> Any? {
        switch name {
        case "heading": heading
        case "points": points.records
        default: nil
        }
    }
}

extension NotesView.Theme: NotesFields {
    func child(named name: String) -> Any? {
        switch name {
        case "heading": heading
        case "points": points.records
        case "subthemes": subthemes.records
        default: nil
        }
    }
}

extension NotesView.DivergencePart: NotesFields {
    func child(named name: String) -> Any? {
        switch name {
        case "theme": theme.map(NotesRecord.init)
        case "topic": topic.map(NotesRecord.init)
        default: nil
        }
    }
}

extension NotesView.ContextGroup: NotesFields {
    func child(named name: String) -> Any? {
        switch name {
        case "title": title
        case "rows": rows.records
        default: nil
        }
    }
}

extension NotesView.ItemSection: NotesFields {
    func child(named name: String) -> Any? {
        switch name {
        case "title": title
        case "speaker": speaker
        case "themes": themes.records
        default: nil
        }
    }
}

extension NotesView.AgendaRow: NotesFields {
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

extension NotesView.Dilemma: NotesFields {
    func child(named name: String) -> Any? {
        switch name {
        case "title": title
        case "text": text
        default: nil
        }
    }
}

extension NotesView.Topic: NotesFields {
    func child(named name: String) -> Any? {
        switch name {
        case "title": title
        case "description": description
        case "header": header
        case "separator": separator
        case "rows": rows
        case "dilemmasLeadIn": dilemmasLeadIn
        case "caveats": caveats
        case "dilemmas": dilemmas.records
        case "hasCaveats": hasCaveats
        case "hasDilemmas": hasDilemmas
        default: nil
        }
    }
}

extension NotesView.ContextRow: NotesFields {
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

extension NotesView.VoteResult: NotesFields {
    func child(named name: String) -> Any? {
        switch name {
        case "question": question
        case "dots": dots
        case "voters": voters
        case "open": open
        case "rows": rows.records
        default: nil
        }
    }
}

extension NotesView.VoteRow: NotesFields {
    func child(named name: String) -> Any? {
        switch name {
        case "option": option
        case "dots": dots
        default: nil
        }
    }
}

extension NotesView.ChecklistEntry: NotesFields {
    func child(named name: String) -> Any? {
        switch name {
        case "prompt": prompt
        case "response": response
        default: nil
        }
    }
}

extension NotesView.Checklist: NotesFields {
    func child(named name: String) -> Any? {
        switch name {
        case "title": title
        case "entries": entries.records
        default: nil
        }
    }
}

extension NotesView.Person: NotesFields {
    func child(named name: String) -> Any? {
        switch name {
        case "name": self.name
        case "organisation": organisation
        case "role": role
        default: nil
        }
    }
}
