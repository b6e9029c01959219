import DeadlineKit

/// Turns parsed TOML files into a ``Configuration``, collecting every problem with its position.
///
/// Files are decoded one by one (tables, keys, types, values); cross-file checks (unknown units and
/// channels, duplicate ids, documents) run in ``finish(mainFile:files:)`` once everything is read.
struct ConfigDecoder {
    var sink = DiagnosticSink()
    let environment: [String: String]

    // [daemon]
    var settings = AgendaSettings()
    var daemon = DaemonSettings()
    var dropInDirectory: (value: String, explicit: Bool, range: SourceRange?) = ("deadlines.d", false, nil)
    var defaultChannels: [Located<String>]?
    var defaultRules = ReminderRules()
    var store = StoreSettings()
    var web: WebSettings?

    // Collected from all files.
    var units: [String: DecodedUnit] = [:]
    var unitOrder: [String] = []
    var channels: [String: DecodedChannel] = [:]
    var channelOrder: [String] = []
    var documents: [String: Located<Document>] = [:]
    var documentOrder: [String] = []
    var documentsByFile: [String: [String]] = [:]
    /// The deadlines of each file read, in file order (one array per file, so that ``finish(mainFile:files:)`` can
    /// let go of each file's once they are resolved).
    var deadlines: [[DecodedDeadline]] = []

    init(environment: [String: String]) {
        self.environment = environment
        if let state = environment["STATE_DIRECTORY"], !state.isEmpty {
            daemon.stateDirectory = String(state.split(separator: ":").first ?? Substring(state))
        }
    }

    struct DecodedUnit {
        let unit: Unit
        let id: Located<String>
        let channelRefs: [Located<String>]
        let memberRefs: [Located<String>]
    }

    struct DecodedChannel {
        let settings: ChannelSettings
        let name: Located<String>
    }

    // MARK: Files

    mutating func decodeMain(_ document: TOMLDocument, file: String) {
        let root = document.root
        if let node = root["daemon"] {
            if let table = tableOrError(node, name: "daemon", file: file) { decodeDaemon(table, file: file) }
        }
        if let node = root["reminders"] {
            if let table = tableOrError(node, name: "reminders", file: file) {
                defaultRules = decodeRules(table, file: file, base: defaultRules)
            }
        }
        if let node = root["calendar"], let table = tableOrError(node, name: "calendar", file: file) {
            decodeCalendar(table, file: file)
        }
        if let node = root["store"], let table = tableOrError(node, name: "store", file: file) {
            store = decodeStore(table, file: file)
        }
        if let node = root["web"], let table = tableOrError(node, name: "web", file: file) {
            web = decodeWeb(table, file: file)
        }
        decodeShared(root, file: file, allowed: ConfigSchema.topLevelMain)
    }

    mutating func decodeDropIn(_ document: TOMLDocument, file: String) {
        decodeShared(document.root, file: file, allowed: ConfigSchema.topLevelDropIn)
    }

    /// The parts every file may hold: units, channels, documents, deadlines; and the check for stray keys.
    private mutating func decodeShared(_ root: TOMLTable, file: String, allowed: [String]) {
        merge(Self.decodeOnItsOwn(root, file: file, allowed: allowed, defaultRules: defaultRules), file: file)
    }

    /// What decoding a file finds without looking at any other file, in the order ``merge(_:file:)`` reports it:
    /// stray keys and deadlines are decoded, units, channels and documents (which other files may define too) are
    /// kept for ``merge(_:file:)``. Drop-ins get this on several threads at once (``ConfigLoader``).
    struct FilePart: Sendable {
        /// The reader's problems and the stray keys, reported before the file's units.
        var diagnosticsFirst: [Diagnostic] = []
        var units: TOMLNode?
        var channels: TOMLNode?
        var documents: TOMLNode?
        /// The problems of the deadlines, reported after those of the documents.
        var deadlineDiagnostics: [Diagnostic] = []
        var deadlines: [DecodedDeadline] = []
    }

    /// See ``FilePart``; `defaultRules` are the main file's `[reminders]`.
    static func decodeOnItsOwn(
        _ root: TOMLTable, file: String, allowed: [String], defaultRules: ReminderRules,
        readerDiagnostics: [Diagnostic] = []
    ) -> FilePart {
        var decoder = ConfigDecoder(environment: [:])
        decoder.defaultRules = defaultRules
        decoder.sink.diagnostics = readerDiagnostics
        decoder.reportStrayKeys(root, file: file, allowed: allowed)
        var part = FilePart(
            diagnosticsFirst: decoder.sink.diagnostics, units: root["units"], channels: root["channels"],
            documents: root["document"])
        decoder.sink.diagnostics = []
        for table in decoder.tablesOf(root["deadline"], name: "deadline", file: file) {
            if let d = decoder.decodeDeadline(table, file: file) { part.deadlines.append(d) }
        }
        part.deadlineDiagnostics = decoder.sink.diagnostics
        return part
    }

    /// Adds what ``decodeOnItsOwn(_:file:allowed:defaultRules:readerDiagnostics:)`` found in `file`, and decodes its
    /// units, channels and documents, in file order.
    mutating func merge(_ part: FilePart, file: String) {
        sink.diagnostics += part.diagnosticsFirst
        if let node = part.units, let table = tableOrError(node, name: "units", file: file) {
            for entry in table.entries { decodeUnit(entry, file: file) }
        }
        if let node = part.channels, let table = tableOrError(node, name: "channels", file: file) {
            for entry in table.entries { decodeChannel(entry, file: file) }
        }
        for table in tablesOf(part.documents, name: "document", file: file) { decodeDocument(table, file: file) }
        sink.diagnostics += part.deadlineDiagnostics
        if !part.deadlines.isEmpty { deadlines.append(part.deadlines) }
    }

    private mutating func reportStrayKeys(_ root: TOMLTable, file: String, allowed: [String]) {
        for entry in root.entries where !allowed.contains(entry.key) {
            if ["daemon", "reminders", "calendar", "web"].contains(entry.key) {
                sink.error(
                    file, entry.keyRange,
                    .problem(
                        "[\(entry.key)] belongs in the main file, not in a drop-in; move it to deadlined.toml",
                        "mainOnlyTable", ["table": "\(entry.key)"]))
            } else if let owner = ConfigSchema.tables.first(where: { $0.accepts(entry.key) }) {
                sink.error(
                    file, entry.keyRange,
                    .problem(
                        "'\(entry.key)' is not a top-level setting; it belongs in \(owner.header) (write the table header above it)",
                        "notTopLevel", ["key": "\(entry.key)", "table": "\(owner.header)"]))
            } else {
                sink.error(
                    file, entry.keyRange,
                    .problem(
                        "unknown table or key '\(entry.key)'\(Suggestions.hint(for: entry.key, in: allowed))",
                        "unknownTopLevel", ["key": "\(entry.key)"],
                        parts: ["hint": Suggestions.hintPhrase(for: entry.key, in: allowed)]))
            }
        }
    }

    mutating func tableOrError(_ node: TOMLNode, name: String, file: String) -> TOMLTable? {
        guard case .table(let t) = node.value else {
            sink.error(
                file, node.range,
                .problem(
                    "'\(name)' must be a table, written as [\(name)] on a line of its own", "mustBeTable",
                    ["name": "\(name)"]))
            return nil
        }
        return t
    }

    /// `[[name]]` entries (a single `[name]` table is accepted as one).
    mutating func tablesOf(_ node: TOMLNode?, name: String, file: String) -> [TOMLTable] {
        guard let node else { return [] }
        switch node.value {
        case .table(let t): return [t]
        case .array(let items):
            var out: [TOMLTable] = []
            for item in items {
                if case .table(let t) = item.value {
                    out.append(t)
                } else {
                    sink.error(
                        file, item.range,
                        .problem(
                            "each '\(name)' must be a table written as [[\(name)]]", "eachMustBeArrayTable",
                            ["name": "\(name)"]))
                }
            }
            return out
        default:
            sink.error(
                file, node.range,
                .problem("'\(name)' must be written as [[\(name)]] tables", "mustBeArrayTables", ["name": "\(name)"]))
            return []
        }
    }

    // MARK: [daemon]

    private mutating func decodeDaemon(_ table: TOMLTable, file: String) {
        var r = TableReader(table, file: file, spec: ConfigSchema.daemon)
        if let tz = r.string("timezone", &sink) {
            switch ZoneLoader.load(tz.value, environment: environment) {
            case .success(let zone): settings.zone = zone
            case .failure(let error): sink.error(file, tz.range, error.phrase)
            }
        } else if case .success(let zone) = ZoneLoader.load("Asia/Ho_Chi_Minh", environment: environment) {
            settings.zone = zone
        }
        if let language: Language = r.choice("language", &sink) {
            settings.language = language
            daemon.configuredLanguage = language
        }
        if let s = r.nonEmptyString("state_directory", &sink), environment["STATE_DIRECTORY"]?.isEmpty ?? true {
            daemon.stateDirectory = s.value
        }
        if let s = r.nonEmptyString("drop_in_directory", &sink) { dropInDirectory = (s.value, true, s.range) }
        if let s = r.nonEmptyString("templates_directory", &sink) {
            let path = FileSystem.join(FileSystem.directory(of: file), s.value)
            if FileSystem.info(path)?.isDirectory == true {
                daemon.templatesDirectory = path
            } else {
                sink.error(
                    file, s.range,
                    .problem(
                        "the templates folder '\(path)' does not exist or is not a folder; create it or remove templates_directory",
                        "templatesFolderMissing", ["path": "\(path)"]))
            }
        }
        if let s = r.nonEmptyString("organization", &sink) { settings.organization = s.value }
        if let t = r.time("closing_time", &sink) { settings.closingTime = t }
        defaultChannels = r.stringList("default_channels", &sink)
        if let d = r.duration("catch_up", &sink) { daemon.catchUpSeconds = d }
        if let n = r.integer("retry_limit", &sink) { daemon.retryLimit = n.value }
        if let d = r.duration("retry_max_age", &sink) { daemon.retryMaxAgeSeconds = d }
        if let d = r.duration("retry_delay", &sink) { daemon.retryDelaySeconds = d }
        r.reportUnknownKeys(&sink, alsoKnownIn: [ConfigSchema.reminders, ConfigSchema.calendar])
    }

    // MARK: Reminder rules ([reminders] and a deadline's own `reminders`)

    mutating func decodeRules(_ table: TOMLTable, file: String, base: ReminderRules) -> ReminderRules {
        var rules = base
        var r = TableReader(table, file: file, spec: ConfigSchema.reminders)
        if let items = r.stringList("before", &sink) {
            var offsets: [ReminderOffset] = []
            for item in items {
                if let o = ReminderOffset(parsing: item.value), offsetIsPositive(o) {
                    if offsetWithinAYear(o, item.value, file: file, range: item.range) { offsets.append(o) }
                } else {
                    sink.error(
                        file, item.range,
                        .problem(
                            "'\(item.value)' is not a reminder offset; write \"7d\" (days), \"3wd\" (working days), \"1w\" (weeks), \"2h\" (hours) or \"30m\" (minutes)",
                            "notOffset", ["text": "\(item.value)"]))
                }
            }
            rules.before = offsets.sorted(by: >)
        }
        if let b = r.bool("on_due", &sink) { rules.onDue = b }
        if let s = r.string("overdue_every", &sink) {
            if s.value.trimmingSpaces.isEmpty {
                rules.overdueEvery = nil
            } else if let o = ReminderOffset(parsing: s.value), offsetIsPositive(o) {
                if offsetWithinAYear(o, s.value, file: file, range: s.range) { rules.overdueEvery = o }
            } else {
                sink.error(
                    file, s.range,
                    .problem(
                        "'\(s.value)' is not an interval; write \"1d\", \"2wd\", \"1w\" or \"4h\" (or \"\" for none)",
                        "notIntervalOrNone", ["text": "\(s.value)"]))
            }
        }
        if let n = r.integer("overdue_limit", &sink) { rules.overdueLimit = n.value }
        if let every = rules.overdueEvery {
            checkSpan(every, times: rules.overdueLimit, keys: ("overdue_every", "overdue_limit"), what: "urging", r)
        }
        if let t = r.time("time", &sink) { rules.sendTime = t }
        if let policy: DayOffDuePolicy = r.choice("due_on_day_off", &sink) { rules.dueOnDayOff = policy }
        if let policy: OffHoursPolicy = r.choice("off_hours", &sink) { rules.offHours = policy }
        if let policy: OffHoursPolicy = r.choice("overdue_off_hours", &sink) { rules.overdueOffHours = policy }
        if case .set(let escalation) = decodeEscalation(&r, base: rules.escalation) { rules.escalation = escalation }
        r.reportUnknownKeys(&sink, alsoKnownIn: [ConfigSchema.calendar])
        return rules
    }

    /// What a table says about escalation.
    enum EscalationSetting {
        /// None of the escalation keys: inherit.
        case unset
        /// The rule (nil: off, as `escalate_after_urges = 0` without `escalate_after` says).
        case set(EscalationRule?)
    }

    /// The escalation keys of a table, over `base`.
    mutating func decodeEscalation(_ r: inout TableReader, base: EscalationRule?) -> EscalationSetting {
        let file = r.file
        let keys = ConfigSchema.escalationKeys.map(\.name)
        guard keys.contains(where: { r.table[$0] != nil }) else { return .unset }
        var rule = base ?? EscalationRule(afterUrges: nil)
        var after = base?.afterOverdue
        var urges = base?.afterUrges
        if let s = r.string("escalate_after", &sink) {
            if let o = ReminderOffset(parsing: s.value), offsetIsPositive(o) {
                if offsetWithinAYear(o, s.value, file: file, range: s.range) { after = o }
            } else {
                sink.error(
                    file, s.range,
                    .problem(
                        "'\(s.value)' is not a delay; write \"3d\" (days) or \"2wd\" (working days)", "notDelay",
                        ["text": "\(s.value)"]))
            }
        }
        if let n = r.integer("escalate_after_urges", &sink) { urges = n.value == 0 ? nil : n.value }
        if let s = r.string("escalate_every", &sink) {
            if let o = ReminderOffset(parsing: s.value), offsetIsPositive(o) {
                if offsetWithinAYear(o, s.value, file: file, range: s.range) { rule.every = o }
            } else {
                sink.error(
                    file, s.range,
                    .problem(
                        "'\(s.value)' is not an interval; write \"1d\", \"2wd\" or \"1w\"", "notInterval",
                        ["text": "\(s.value)"]))
            }
        }
        if let n = r.integer("escalate_limit", &sink) { rule.limit = n.value }
        checkSpan(rule.every, times: rule.limit, keys: ("escalate_every", "escalate_limit"), what: "escalation", r)
        if let supervisors = r.mailboxes("supervisors", &sink) { rule.supervisors = supervisors }
        rule.afterOverdue = after
        rule.afterUrges = urges
        return .set(after == nil && urges == nil ? nil : rule)
    }

    private func offsetIsPositive(_ o: ReminderOffset) -> Bool {
        switch o {
        case .minutes(let n), .hours(let n), .days(let n), .workingDays(let n), .weeks(let n): n > 0
        }
    }

    /// Whether an offset is at most a year (``ValueRange/offset``), or an error at it. Longer ones cost planning
    /// time in proportion (`9999wd` took half a minute per deadline) and mean nothing for a directive's deadline.
    private mutating func offsetWithinAYear(
        _ o: ReminderOffset, _ text: String, file: String, range: SourceRange
    ) -> Bool {
        if Self.isWithinAYear(o) { return true }
        sink.error(
            file, range,
            .problem(
                "'\(text)' is longer than a year; an offset is at most 366d, 52w, 252wd or 8784h", "offsetTooLong",
                ["text": "\(text)"]))
        return false
    }

    /// Repeated reminders (urging, escalation) may span at most a year from the first to the last: `every` times
    /// `times`, working days counted as 7/5 days. An error at whichever of the two keys this table sets; nothing
    /// when it sets neither (the table it inherits from was checked).
    private mutating func checkSpan(
        _ every: ReminderOffset, times: Int, keys: (every: String, limit: String), what: String, _ r: TableReader
    ) {
        guard let entry = r.table.entry(forKey: keys.limit) ?? r.table.entry(forKey: keys.every) else { return }
        let minutes: Int =
            switch every {
            case .minutes(let n): n
            case .hours(let n): n * 60
            case .days(let n): n * 1440
            case .weeks(let n): n * 7 * 1440
            case .workingDays(let n): n * 7 * 1440 / 5
            }
        let span = minutes.multipliedReportingOverflow(by: times)
        guard span.overflow || span.partialValue > ValueRange.longestOffsetMinutes else { return }
        sink.error(
            r.file, entry.node.range,
            .problem(
                "\(what) every '\(every)' up to \(keys.limit) = \(times) times spans more than a year; lower \(keys.limit) or \(keys.every)",
                what == "urging" ? "urgingSpan" : "escalationSpan",
                ["every": "\(every)", "limitKey": keys.limit, "times": String(times), "everyKey": keys.every]))
    }

    /// See ``ValueRange/offset``.
    static func isWithinAYear(_ o: ReminderOffset) -> Bool {
        switch o {
        case .minutes(let n): n <= ValueRange.longestOffsetMinutes
        case .hours(let n): n <= ValueRange.longestOffsetMinutes / 60
        case .days(let n): n <= 366
        case .weeks(let n): n <= 52
        case .workingDays(let n): n <= 252
        }
    }

    // MARK: [units.ID]

    private mutating func decodeUnit(_ entry: TOMLTable.Entry, file: String) {
        let id = Located(entry.key, file: file, range: entry.keyRange)
        guard case .table(let table) = entry.node.value else {
            sink.error(
                file, entry.node.range,
                .problem(
                    "unit '\(entry.key)' must be a table: write [units.\(entry.key)] and its keys below",
                    "unitMustBeTable", ["id": "\(entry.key)", "key": "\(entry.key)"]))
            return
        }
        if !ValueDecoding.isValidID(entry.key) {
            sink.error(
                file, entry.keyRange,
                .problem(
                    "unit id '\(entry.key)' may use only letters a-z, digits, '-', '_' and '.'", "badUnitID",
                    ["id": "\(entry.key)"]))
        }
        if let first = units[entry.key] {
            sink.error(
                file, entry.keyRange,
                .problem(
                    "unit '\(entry.key)' is defined twice (first at \(first.id.file):\(first.id.range.start))",
                    "unitTwice",
                    ["id": "\(entry.key)", "file": "\(first.id.file)", "position": "\(first.id.range.start)"]))
            return
        }
        var r = TableReader(table, file: file, spec: ConfigSchema.unit)
        let name = r.messageText("name", &sink, required: true)?.value ?? entry.key
        let recipients = r.mailboxes("recipients", &sink) ?? []
        let heads = r.mailboxes("heads", &sink) ?? []
        let channelRefs = r.stringList("channels", &sink) ?? []
        let memberRefs = r.stringList("members", &sink) ?? []
        var digest: Unit.Digest?
        if let time = r.time("digest", &sink) { digest = Unit.Digest(time: time) }
        if let alone = r.bool("digest_urgent_alone", &sink) {
            if digest == nil {
                sink.warning(
                    file, r.table.entry(forKey: "digest_urgent_alone")?.keyRange,
                    .problem("'digest_urgent_alone' has no effect without 'digest'", "digestUrgentAloneUseless"))
            }
            digest?.urgentAlone = alone
        }
        var escalation: EscalationRule?  // nil: the deadline's or [reminders]'s rule applies
        if case .set(let rule) = decodeEscalation(&r, base: defaultRules.escalation) {
            escalation = rule ?? EscalationRule(afterUrges: nil)  // turned off for this unit: a rule that never fires
        }
        if let escalation, escalation.afterOverdue != nil || escalation.afterUrges != nil, heads.isEmpty,
            escalation.supervisors.isEmpty
        {
            sink.warning(
                file, entry.keyRange,
                .problem(
                    "unit '\(entry.key)' escalates but has no heads or supervisors; escalations by email reach nobody",
                    "escalatesToNobody", ["id": "\(entry.key)"]))
        }
        r.reportUnknownKeys(&sink)
        let unit = Unit(
            id: entry.key, name: name, recipients: recipients, heads: heads, channels: channelRefs.map(\.value),
            members: memberRefs.map(\.value), escalation: escalation, digest: digest)
        units[entry.key] = DecodedUnit(unit: unit, id: id, channelRefs: channelRefs, memberRefs: memberRefs)
        unitOrder.append(entry.key)
    }

    // MARK: [[document]]

    private mutating func decodeDocument(_ table: TOMLTable, file: String) {
        var r = TableReader(table, file: file, spec: ConfigSchema.document)
        guard let ref = r.messageText("ref", &sink, required: true) else {
            r.reportUnknownKeys(&sink)
            return
        }
        let issued = r.date("issued", &sink)
        let title = r.messageText("title", &sink, nonEmpty: false)?.value
        let issuer = r.messageText("issuer", &sink, nonEmpty: false)?.value
        let url = r.string("url", &sink)?.value
        var kind: DocumentKind?
        if let text = r.string("kind", &sink) {
            kind = DocumentKind.named(text.value)
            if kind == nil {
                let names = DocumentKind.allCases.map(\.rawValue)
                let hint = Suggestions.hintPhrase(for: text.value, in: names)
                let list = names.map { "\"\($0)\"" }.joined(separator: ", ")
                sink.error(
                    file, text.range,
                    .problem(
                        "'\(text.value)' is not a kind of document\(hint) (one of \(list))", "notDocumentKind",
                        ["text": text.value, "choices": list], parts: ["hint": hint]))
            }
        }
        r.reportUnknownKeys(&sink, alsoKnownIn: [ConfigSchema.deadline])
        let document = Document(ref: ref.value, issued: issued, title: title, issuer: issuer, url: url, kind: kind)
        if let first = documents[ref.value] {
            // Declared again, e.g. by a drop-in that `deadlinectl import` wrote: fine when the two agree. The file's
            // deadlines belong to the document either way, so that a conflict is one error, not one per deadline.
            if !documentsByFile[file, default: []].contains(ref.value) {
                documentsByFile[file, default: []].append(ref.value)
            }
            switch Self.merged(first.value, document) {
            case .success(let merged):
                documents[ref.value] = Located(merged, file: first.file, range: first.range)
            case .failure(let conflict):
                let key = conflict.key
                sink.error(
                    file, r.table.entry(forKey: key)?.node.range ?? ref.range,
                    .problem(
                        "document '\(ref.value)' is declared again with another '\(key)' (first at \(first.file):\(first.range.start)); "
                            + "a document may be declared in several files only if they agree: make the two '\(key)' the same or remove one",
                        "documentDisagrees",
                        [
                            "ref": "\(ref.value)", "key": "\(key)", "file": "\(first.file)",
                            "position": "\(first.range.start)",
                        ]))
            }
            return
        }
        documents[ref.value] = Located(document, file: file, range: ref.range)
        documentOrder.append(ref.value)
        documentsByFile[file, default: []].append(ref.value)
    }

    /// Two declarations of one document as one, each key taken from whichever declaration sets it; the first key
    /// that both set differently is the failure.
    static func merged(_ a: Document, _ b: Document) -> Result<Document, MergeConflict> {
        func pick<T: Equatable>(_ x: T?, _ y: T?, _ key: String) -> Result<T?, MergeConflict> {
            if let x, let y, x != y { return .failure(MergeConflict(key)) }
            return .success(x ?? y)
        }
        do {
            return .success(
                Document(
                    ref: a.ref, issued: try pick(a.issued, b.issued, "issued").get(),
                    title: try pick(a.title, b.title, "title").get(),
                    issuer: try pick(a.issuer, b.issuer, "issuer").get(), url: try pick(a.url, b.url, "url").get(),
                    kind: try pick(a.kind, b.kind, "kind").get()))
        } catch {
            return .failure(error)
        }
    }

    struct MergeConflict: Error {
        let key: String
        init(_ key: String) { self.key = key }
    }
}
