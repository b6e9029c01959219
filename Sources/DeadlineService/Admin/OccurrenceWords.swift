import DeadlineKit

/// What `done`, `undone` and `snooze` print, from the catalog (``OccurrenceText``).
struct OccurrenceWords {
    let say: Catalog

    init(language: Language) {
        say = Catalog(language)
    }

    private func occurrence(_ id: OccurrenceID) -> String {
        say(OccurrenceText.occurrence, ["id": id.deadlineID, "date": id.date.vietnamese])
    }

    /// `; có phải ý bạn là '5418-de-xuat'?`, or nothing.
    func hint(_ suggestion: String?) -> String {
        suggestion.map { say(CommonText.didYouMean, ["suggestion": $0]) } ?? ""
    }

    func unknownDeadline(_ id: String, suggestion: String?) -> String {
        say(CommonText.unknownDeadline, ["id": id, "hint": hint(suggestion)])
    }

    func unknownUnit(_ unit: String, deadlineID: String, units: [String], suggestion: String?) -> String {
        say(
            OccurrenceText.unknownUnit,
            ["unit": unit, "id": deadlineID, "hint": hint(suggestion), "units": say.list(units)])
    }

    func badUntil(_ text: String) -> String { say(OccurrenceText.badUntil, ["text": text]) }

    func untilInThePast(_ text: String, now: String) -> String {
        say(OccurrenceText.untilInThePast, ["text": text, "now": now])
    }

    func badOccurrence(_ text: String) -> String { say(OccurrenceText.badOccurrence, ["text": text]) }

    func notAnOccurrence(_ day: String, deadlineID: String, nearest: String?) -> String {
        let hint = nearest.map { say(OccurrenceText.nearest, ["day": $0]) } ?? ""
        return say(OccurrenceText.notAnOccurrence, ["day": day, "id": deadlineID, "hint": hint])
    }

    func noOccurrenceNearNow(_ id: String) -> String { say(OccurrenceText.noOccurrenceNearNow, ["id": id]) }

    func markedDone(_ id: OccurrenceID, units: [String], by user: String) -> String {
        say(OccurrenceText.markedDone, ["occurrence": occurrence(id), "units": say.list(units), "user": user])
    }

    func alreadyDone(_ id: OccurrenceID, unit: String, at: String?, by user: String?) -> String {
        let unknown = say(OccurrenceText.unknown)
        return say(
            OccurrenceText.alreadyDone,
            ["occurrence": occurrence(id), "unit": unit, "at": at ?? unknown, "user": user ?? unknown])
    }

    func markedUndone(_ id: OccurrenceID, units: [String], by user: String) -> String {
        say(OccurrenceText.markedUndone, ["occurrence": occurrence(id), "units": say.list(units), "user": user])
    }

    func snoozed(_ id: OccurrenceID, units: [String], until: String, by user: String) -> String {
        say(
            OccurrenceText.snoozed,
            ["occurrence": occurrence(id), "units": say.list(units), "until": until, "user": user])
    }

    func notDone(_ id: OccurrenceID, units: [String]) -> String {
        say(OccurrenceText.notDone, ["occurrence": occurrence(id), "units": say.list(units)])
    }

    func progress(done: Int, of total: Int, pending: [String]) -> String {
        pending.isEmpty
            ? say(OccurrenceText.allDone, ["total": String(total)])
            : say(
                OccurrenceText.someDone, ["done": String(done), "total": String(total), "pending": say.list(pending)])
    }
}

extension String {
    /// The text without its final line break.
    var trimmingNewline: String { hasSuffix("\n") ? String(dropLast()) : self }
}
