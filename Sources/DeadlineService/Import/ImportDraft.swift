package import DeadlineConfig
package import DeadlineImport
package import DeadlineKit

/// What is already configured, so that an import matches its units and neither reuses deadline ids nor declares
/// a document twice.
package struct ImportContext: Sendable {
    /// (id, name) of each unit that may be matched.
    package var units: [(id: String, name: String)]
    /// Deadline ids in use: an imported id never equals one of them.
    package var takenIDs: Set<String>
    /// References of documents already declared: the drop-in then names them without declaring them again.
    package var declaredDocuments: Set<String>
    /// The configured deadlines, to point out ones an imported entry may duplicate.
    package var deadlines: [Deadline]
    /// The units the configuration declares, when one was loaded: a unit matched only through `--units` is not
    /// among them, and an entry naming it would fail `check` until the admin declares it.
    package var declaredUnits: Set<String>?

    /// A context with the given units, taken ids, declared documents and deadlines (all empty by default).
    package init(
        units: [(id: String, name: String)] = [], takenIDs: Set<String> = [], declaredDocuments: Set<String> = [],
        deadlines: [Deadline] = []
    ) {
        self.units = units
        self.takenIDs = takenIDs
        self.declaredDocuments = declaredDocuments
        self.deadlines = deadlines
    }

    /// The units, deadline ids and documents of a loaded configuration.
    package init(configuration: Configuration) {
        let agenda = configuration.agenda
        self.init(
            units: agenda.units.values.sorted { $0.id < $1.id }.map { ($0.id, $0.name) },
            takenIDs: Set(agenda.deadlines.map(\.id)), declaredDocuments: Set(agenda.documents.keys),
            deadlines: agenda.deadlines)
        declaredUnits = Set(agenda.units.keys)
    }
}

/// An ``ImportProposal`` made ready to print: units matched, ids chosen, due dates written the way a drop-in file
/// writes them.
///
/// Ids are `import-`, a slug of the document's reference, and the first five words of the task in ASCII
/// (`import-5418-ubnd-tkbt-bao-cao-tham-muu-de-xuat`), with `-2`, `-3`... when taken: the `import-` prefix keeps
/// them apart from ids admins write by hand, and the same input gives the same ids.
package struct ImportDraft: Sendable {
    /// One proposed deadline, ready to print.
    package struct Entry: Sendable {
        /// What the importer proposed.
        package let deadline: ProposedDeadline
        /// The deadline id for the drop-in (`import-...`), unique among the configured ones and this draft's.
        package let id: String
        /// Each unit the deadline names, with the configured unit it matched (if any).
        package let matches: [UnitNameMatcher.Match]
        /// The importer's confidence, lowered when no unit matched.
        package let confidence: Double
        /// The reference of the deadline's document.
        package let documentRef: String?
        /// `due` as a drop-in writes it (`10/12/2020`, `12/2020`, `Q1/2024`, `15:00 10/12/2020`), for a one-off.
        package let due: String?
        /// Configured deadlines of the same document due the same day (or recurring alike): maybe the same task.
        package let similar: [String]
        /// Matched units (from `--units`) that the loaded configuration does not declare.
        package var undeclaredUnits: [String] = []

        /// The matched unit ids, without repeats.
        package var unitIDs: [String] {
            var seen: Set<String> = []
            return matches.compactMap(\.id).filter { seen.insert($0).inserted }
        }

        /// Whether the entry can be saved as is: it has units and a due date (or a recurrence).
        package var isReady: Bool {
            !unitIDs.isEmpty && undeclaredUnits.isEmpty && (due != nil || deadline.recurrence != nil)
        }
    }

    /// What the importer found.
    package let proposal: ImportProposal
    /// One entry per proposed deadline, in text order.
    package let entries: [Entry]
    /// The configuration the units were matched against.
    package let context: ImportContext

    /// Matches the units of `proposal` against `context`, chooses ids and writes the due dates.
    package init(proposal: ImportProposal, context: ImportContext) {
        self.proposal = proposal
        self.context = context
        let matcher = UnitNameMatcher(units: context.units)
        var taken = context.takenIDs
        var nextSuffix: [String: Int] = [:]
        var entries: [Entry] = []
        for d in proposal.deadlines {
            let ref = d.documentIndex.flatMap { proposal.documents[$0].ref }
            let matches = d.unit.map { matcher.matchAll(unit: $0, parts: d.unitParts) } ?? []
            let matched = matches.filter { $0.id != nil }.count
            var confidence = d.confidence
            if matched == 0 { confidence -= 0.1 } else if matched < matches.count { confidence -= 0.05 }
            let id = Self.id(ref: ref, task: d.task, taken: &taken, nextSuffix: &nextSuffix)
            let similar = context.deadlines.filter { configured in
                guard configured.documentRef == ref, ref != nil else { return false }
                switch configured.schedule {
                case .once(let moment): return d.due?.date == moment.date
                case .recurring: return d.recurrence != nil
                }
            }.map(\.id)
            var entry = Entry(
                deadline: d, id: id, matches: matches, confidence: (max(0.05, confidence) * 100).rounded() / 100,
                documentRef: ref, due: d.due.map(Self.dropInDue), similar: similar)
            if let declared = context.declaredUnits {
                entry.undeclaredUnits = entry.unitIDs.filter { !declared.contains($0) }
            }
            entries.append(entry)
        }
        self.entries = entries
    }

    /// The main document (the first, or the one `--ref` names).
    package var mainDocument: ImportedDocument? { proposal.mainDocument.map { proposal.documents[$0] } }

    /// `nextSuffix` remembers, per base, the suffix to try next: a thousand entries with one task take a thousand
    /// steps, not half a million.
    static func id(ref: String?, task: String, taken: inout Set<String>, nextSuffix: inout [String: Int]) -> String {
        let parts = ["import", ref.map { VietnameseFolding.slug($0) } ?? "", VietnameseFolding.slug(task, maxWords: 5)]
        let base = parts.filter { !$0.isEmpty }.joined(separator: "-")
        var id = base
        var n = nextSuffix[base] ?? 2
        while taken.contains(id) {
            id = "\(base)-\(n)"
            n += 1
        }
        nextSuffix[base] = n
        taken.insert(id)
        return id
    }

    /// A due date the way a drop-in writes it: a day `dd/mm/yyyy` (after `HH:MM ` if it has a time), or the
    /// period it ends: `mm/yyyy`, `Q1/2024`, `H1/2024`, `2024`.
    package static func dropInDue(_ due: DueDate) -> String {
        let d = due.date
        switch due.granularity {
        case .day:
            guard let time = due.time else { return d.vietnamese }
            return "\(time) \(d.vietnamese)"
        case .month: return (d.month < 10 ? "0" : "") + "\(d.month)/\(d.year)"
        case .quarter: return "Q\(d.month / 3)/\(d.year)"
        case .halfYear: return "H\(d.month / 6)/\(d.year)"
        case .year: return "\(d.year)"
        }
    }
}
