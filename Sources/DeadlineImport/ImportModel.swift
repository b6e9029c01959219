package import DeadlineKit

/// What the admin tells ``DocumentImporter`` that the text itself may not say.
package struct ImportOptions: Sendable {
    /// The issue date of a document whose own date the text does not give with a year (`--issued`); also the day
    /// from which due dates written without a year are counted when no document date is known.
    package var issued: CivilDate?
    /// The reference of the main document (`--ref`): selects one of the documents the text introduces, or
    /// replaces the first one's reference, or names the document when the text introduces none.
    package var ref: String?
    /// The office's working days, for deadlines counted in working days (`trong 10 ngày làm việc`): the
    /// configuration's calendar, by default Vietnamese public holidays with Saturday and Sunday off.
    package var calendar: WorkingCalendar

    /// Options as given on the command line; both may be nil.
    package init(issued: CivilDate? = nil, ref: String? = nil, calendar: WorkingCalendar = WorkingCalendar()) {
        self.issued = issued
        self.ref = ref
        self.calendar = calendar
    }
}

/// A document (directive, plan, letter) that the imported text introduces, e.g. `5418/UBND-TKBT` of 19/11/2020.
package struct ImportedDocument: Sendable, Hashable {
    /// The reference as printed, or nil when neither the text nor `--ref` names one.
    package var ref: String?
    /// The date of issue, when known.
    package var issued: CivilDate?
    /// Where (in Characters of the NFC text) the part of the text about this document starts: deadlines at or
    /// after it, and before the next document's, belong to this document.
    package var offset: Int
    /// Who issued it, as its header prints it (`BỘ NỘI VỤ`), when the text has the header of a công văn's layout.
    package var issuer: String?
    /// What it is about: a công văn's `V/v ...` line without `V/v`.
    package var title: String?
    /// Where the text was taken from: the saved page's `url:` header.
    package var url: String?

    /// A document with its reference, date and the offset where its part of the text starts.
    package init(
        ref: String?, issued: CivilDate?, offset: Int, issuer: String? = nil, title: String? = nil, url: String? = nil
    ) {
        self.ref = ref
        self.issued = issued
        self.offset = offset
        self.issuer = issuer
        self.title = title
        self.url = url
    }
}

/// A repeating deadline found in the text (`hằng tháng trước ngày 20`, `định kỳ hằng quý`).
package struct ProposedRecurrence: Sendable, Hashable {
    /// How often it repeats: the configuration's `repeat` kinds.
    package typealias Frequency = RepeatKind

    /// How often it repeats.
    package var frequency: Frequency
    /// Day of the month; nil means the month's last day.
    package var day: Int?
    /// Yearly: the month. Quarterly and half-yearly: the month within the period (nil: its last month).
    package var month: Int?
    /// Weekly: the weekday.
    package var weekday: Weekday?

    /// A recurrence; see the properties for what nil means.
    package init(frequency: Frequency, day: Int? = nil, month: Int? = nil, weekday: Weekday? = nil) {
        self.frequency = frequency
        self.day = day
        self.month = month
        self.weekday = weekday
    }

    /// The iCalendar (RFC 5545) rule, e.g. `FREQ=MONTHLY;BYMONTHDAY=20`; a missing day is the last (`-1`).
    package var rrule: String {
        let dayPart = "BYMONTHDAY=\(day.map(String.init) ?? "-1")"
        switch frequency {
        case .weekly:
            let codes = ["MO", "TU", "WE", "TH", "FR", "SA", "SU"]
            return "FREQ=WEEKLY;BYDAY=\(codes[(weekday ?? .friday).rawValue - 1])"
        case .monthly:
            return "FREQ=MONTHLY;\(dayPart)"
        case .quarterly:
            let m = month ?? 3
            return "FREQ=YEARLY;BYMONTH=\(m),\(m + 3),\(m + 6),\(m + 9);\(dayPart)"
        case .halfYearly:
            let m = month ?? 6
            return "FREQ=YEARLY;BYMONTH=\(m),\(m + 6);\(dayPart)"
        case .yearly:
            let m = month ?? 12
            return "FREQ=YEARLY;BYMONTH=\(m);BYMONTHDAY=\(day ?? CivilDate.daysIn(month: m, year: 2001))"
        }
    }
}

/// One deadline ``DocumentImporter`` proposes, with where it came from and how sure the importer is.
package struct ProposedDeadline: Sendable, Hashable {
    /// The due date of a one-off deadline (a period's last day), or nil for a recurring one or when no year could
    /// be inferred.
    package var due: DueDate?
    /// The recurrence of a repeating deadline.
    package var recurrence: ProposedRecurrence?
    /// The date phrase as written, e.g. `trước ngày 10/12/2020`.
    package var phrase: String
    /// The responsible unit(s) as written, e.g. `Sở Kế hoạch và Đầu tư`, or nil when none was found.
    package var unit: String?
    /// ``unit`` split into the units it names (`A và B` gives two parts).
    package var unitParts: [String]
    /// True when the unit came from an earlier sentence rather than the deadline's own.
    package var unitFromEarlierSentence: Bool
    /// What is to be done, as the sentence says it (the date phrase removed).
    package var task: String
    /// The source sentence as written; a very long one (over ``ProposedDeadline/sentenceLimit`` Characters) is cut
    /// to the part around the date phrase, with `…` where text was left out.
    package var sentence: String
    /// The sentence's offset in the input, in Characters of the NFC text.
    package var offset: Int
    /// The whole sentence's length in Characters (``sentence`` may be an excerpt of it).
    package var sentenceLength: Int
    /// Index into ``ImportProposal/documents`` of the document this deadline belongs to.
    package var documentIndex: Int?
    /// 0–1: how likely the entry is a real deadline with the right date and unit (before unit matching).
    package var confidence: Double

    /// A proposal with every field given; ``DocumentImporter`` makes these.
    package init(
        due: DueDate?, recurrence: ProposedRecurrence?, phrase: String, unit: String?, unitParts: [String],
        unitFromEarlierSentence: Bool, task: String, sentence: String, offset: Int, sentenceLength: Int? = nil,
        documentIndex: Int?, confidence: Double
    ) {
        self.sentenceLength = sentenceLength ?? sentence.count
        self.due = due
        self.recurrence = recurrence
        self.phrase = phrase
        self.unit = unit
        self.unitParts = unitParts
        self.unitFromEarlierSentence = unitFromEarlierSentence
        self.task = task
        self.sentence = sentence
        self.offset = offset
        self.documentIndex = documentIndex
        self.confidence = confidence
    }
}

/// Everything ``DocumentImporter`` found in a text: its documents and the deadlines they set.
package struct ImportProposal: Sendable, Hashable {
    /// The documents, in the order the text introduces them.
    package var documents: [ImportedDocument]
    /// Index of the main document in ``documents`` (the first, or the one `--ref` names), nil when there is none.
    package var mainDocument: Int?
    /// The proposed deadlines, in text order.
    package var deadlines: [ProposedDeadline]
    /// Where the body starts: the length of a saved web page's `key: value` header ended by `---` (0 if none).
    package var bodyOffset: Int

    /// A proposal with every field given; ``DocumentImporter`` makes these.
    package init(documents: [ImportedDocument], mainDocument: Int?, deadlines: [ProposedDeadline], bodyOffset: Int) {
        self.documents = documents
        self.mainDocument = mainDocument
        self.deadlines = deadlines
        self.bodyOffset = bodyOffset
    }
}
