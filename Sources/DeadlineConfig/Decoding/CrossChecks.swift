import DeadlineKit
import Threads

extension ConfigDecoder {
    /// Resolves references across files and builds the configuration. Reports unknown units and channels,
    /// membership cycles, duplicate deadline ids, unknown documents, and deadlines that reach nobody.
    ///
    /// Deadlines are resolved file by file on the caller's thread and `threads` more; what they report is added in
    /// file order, so the result is the same whatever the number.
    mutating func finish(mainFile: String, files: [String], threads: Int = 0) -> Configuration {
        if channels.isEmpty {  // the embedded default: messages as files, no server needed
            let outbox = OutboxSettings(name: "outbox", directory: FileSystem.join(daemon.stateDirectory, "outbox"))
            channels["outbox"] = DecodedChannel(
                settings: .outbox(outbox),
                name: Located("outbox", file: mainFile, range: SourceRange(at: .init(line: 1, column: 1))))
            channelOrder.append("outbox")
        }
        settings.defaultChannels = resolveDefaultChannels(mainFile: mainFile)
        checkUnits()
        let count = deadlines.reduce(0) { $0 + $1.count }
        var resolved: [Deadline] = []
        resolved.reserveCapacity(count)
        var seenIDs = FirstIDs(capacity: count)
        let byFile = HandOff(deadlines)
        deadlines = []
        var resolver = self
        resolver.sink = DiagnosticSink()
        let snapshot = resolver
        InOrderWork.run(
            count: byFile.count, threads: threads, name: "config-resolver",
            work: { index in
                var resolver = snapshot
                return (byFile.take(index) ?? []).map { d in
                    resolver.sink.diagnostics = []
                    let deadline = resolver.resolve(d)
                    return ResolvedDeadline(id: d.id, deadline: deadline, diagnostics: resolver.sink.diagnostics)
                }
            },
            consume: { _, results in
                for result in results { add(result, seenIDs: &seenIDs, into: &resolved) }
            })
        let channelInfos = channelOrder.compactMap { channels[$0] }.map { c -> ChannelInfo in
            var onePer = false
            if case .smtp(let s) = c.settings { onePer = s.onePerRecipient }
            return ChannelInfo(name: c.settings.name, kind: c.settings.kind, onePerRecipient: onePer)
        }
        let unitList = unitOrder.compactMap { units[$0]?.unit }
        let agenda = Agenda(
            settings: settings, units: unitList, channels: channelInfos,
            documents: documentOrder.compactMap { documents[$0]?.value }, deadlines: resolved)
        warnUnreachable(agenda, units: unitList, channels: channelInfos, seenIDs: seenIDs)
        var configuration = Configuration(
            agenda: agenda, channels: channels.mapValues(\.settings), daemon: daemon, mainFile: mainFile, files: files)
        configuration.store = store
        configuration.web = web
        return configuration
    }

    /// One deadline resolved (nil when it has errors), with what resolving it reported.
    struct ResolvedDeadline: Sendable {
        let id: Located<String>
        let deadline: Deadline?
        let diagnostics: [Diagnostic]
    }

    /// Adds a resolved deadline to `resolved`, unless its id was seen before (an error; its other problems are
    /// still reported).
    private mutating func add(
        _ result: ResolvedDeadline, seenIDs: inout FirstIDs, into resolved: inout [Deadline]
    ) {
        let id = result.id
        if let first = seenIDs[id.value] {
            sink.error(
                id.file, id.range,
                .problem(
                    "duplicate deadline id '\(id.value)' (first defined at \(first.file):\(first.range.start)); ids must be unique across all files",
                    "duplicateDeadline", ["id": id.value, "first": "\(first.file):\(first.range.start)"]))
            sink.diagnostics += result.diagnostics  // its other problems; the deadline itself is left out
            return
        }
        seenIDs.insert(id)
        sink.diagnostics += result.diagnostics
        if let deadline = result.deadline { resolved.append(deadline) }
    }

    private mutating func resolveDefaultChannels(mainFile: String) -> [String] {
        if let defaultChannels {
            for c in defaultChannels where channels[c.value] == nil { unknownChannel(c) }
            return defaultChannels.map(\.value).filter { channels[$0] != nil }
        }
        if channels["outbox"] != nil { return ["outbox"] }
        if channelOrder.count == 1 { return channelOrder }
        return []
    }

    private mutating func unknownChannel(_ ref: Located<String>) {
        sink.error(
            ref.file, ref.range,
            .problem(
                "unknown channel '\(ref.value)'\(Suggestions.hint(for: ref.value, in: channelOrder)) (channels are declared as [channels.NAME])",
                "unknownChannel", ["name": ref.value],
                parts: ["hint": Suggestions.hintPhrase(for: ref.value, in: channelOrder)]))
    }

    private mutating func unknownUnit(_ ref: Located<String>) {
        sink.error(
            ref.file, ref.range,
            .problem(
                "unknown unit '\(ref.value)'\(Suggestions.hint(for: ref.value, in: unitOrder)) (units are declared as [units.ID])",
                "unknownUnit", ["id": ref.value], parts: ["hint": Suggestions.hintPhrase(for: ref.value, in: unitOrder)]
            ))
    }

    private mutating func checkUnits() {
        for id in unitOrder {
            guard let u = units[id] else { continue }
            for c in u.channelRefs where channels[c.value] == nil { unknownChannel(c) }
            for m in u.memberRefs where units[m.value] == nil { unknownUnit(m) }
            if u.channelRefs.isEmpty, settings.defaultChannels.isEmpty, u.memberRefs.isEmpty {
                sink.error(
                    u.id.file, u.id.range,
                    .problem(
                        "unit '\(id)' names no channels and there is no default; add channels = [\"...\"] or [daemon] default_channels",
                        "unitWithoutChannels", ["id": id]))
            }
        }
        // Membership cycles: a unit cannot (indirectly) contain itself.
        for id in unitOrder {
            var stack = [(id, [id])]
            var visited: Set<String> = []
            var reported = false
            while let (current, path) = stack.popLast(), !reported, visited.count < 10_000 {
                guard visited.insert(current).inserted else { continue }
                for m in units[current]?.memberRefs ?? [] {
                    if m.value == id, let u = units[id] {
                        sink.error(
                            u.id.file, u.id.range,
                            .problem(
                                "unit '\(id)' contains itself through members: \((path + [id]).joined(separator: " -> "))",
                                "unitCycle",
                                ["id": id, "path": (path + [id]).joined(separator: " -> ")]))
                        reported = true
                        break
                    }
                    stack.append((m.value, path + [m.value]))
                }
            }
        }
    }

    private mutating func resolve(_ d: DecodedDeadline) -> Deadline? {
        var ok = true
        for u in d.units where units[u.value] == nil {
            unknownUnit(u)
            ok = false
        }
        for c in d.channels ?? [] where channels[c.value] == nil {
            unknownChannel(c)
            ok = false
        }
        var document: Document?
        var documentKnown = true
        if let ref = d.documentRef {
            if let found = documents[ref.value] {
                document = found.value
            } else {
                sink.error(
                    d.file, ref.range,
                    .problem(
                        "unknown document '\(ref.value)'\(Suggestions.hint(for: ref.value, in: documentOrder)); declare it in a [[document]] table with ref = \"\(ref.value)\"",
                        "unknownDocument", ["ref": ref.value],
                        parts: ["hint": Suggestions.hintPhrase(for: ref.value, in: documentOrder)]))
                documentKnown = false
            }
        } else if let declared = documentsByFile[d.file] {
            if declared.count == 1 {
                document = documents[declared[0]]?.value
            } else {
                sink.error(
                    d.file, d.anchor,
                    .problem(
                        "this file declares \(declared.count) documents; say which one set this task, e.g. document = \"\(declared[0])\"",
                        "whichDocument", ["count": String(declared.count), "ref": declared[0]]))
                documentKnown = false
            }
        }
        // Without its document, a due date written without a year cannot be read; other mistakes in the due date
        // are still reported beside an unknown unit or channel, so that one run of `check` shows every problem.
        guard documentKnown else { return nil }
        let schedule: Schedule?
        switch d.schedule {
        case .due(let node):
            schedule = resolveDue(node, file: d.file, issued: document?.issued).map(Schedule.once)
        case .recurrence(let draft):
            schedule = .recurring(
                Recurrence(
                    pattern: draft.pattern, time: draft.time ?? settings.closingTime,
                    start: draft.start ?? document?.issued,
                    end: draft.end))
        case nil:
            schedule = nil
        }
        guard let schedule, ok else { return nil }
        return Deadline(
            id: d.id.value, task: d.task, documentRef: document?.ref, units: d.units.map(\.value), schedule: schedule,
            rules: d.ownRules?.value ?? defaultRules, channels: d.channels?.map(\.value),
            escalationIsOwn: d.escalationIsOwn)
    }

    private mutating func resolveDue(_ node: TOMLNode, file: String, issued: CivilDate?) -> LocalDateTime? {
        switch node.value {
        case .string(let text):
            switch DueDateParser.parse(text.nfc, issued: issued) {
            case .success(let due):
                warnImplausible(due.date, issued: issued, file: file, node: node)
                return due.moment(closingTime: settings.closingTime)
            case .failure(let error):
                sink.error(file, node.range, error.phrase)
                return nil
            }
        case .dateTime(let dt):
            guard let date = dt.date else {
                sink.error(
                    file, node.range,
                    .problem("'due' needs a date, not only a time; e.g. due = \"15:00 10/12/2020\"", "dueNeedsDate"))
                return nil
            }
            guard SupportedYears.contains(date.year) else {
                sink.error(
                    file, node.range, SupportedYears.outOfRange(year: date.year, reference: issued?.year).about("due"))
                return nil
            }
            warnImplausible(date, issued: issued, file: file, node: node)
            guard let time = dt.time else { return LocalDateTime(date, settings.closingTime) }
            let local = LocalDateTime(date, TimeOfDay(hour: time.hour, minute: time.minute) ?? .midnight)
            guard let offset = dt.offsetMinutes else { return local }
            let instant = Instant(secondsSinceEpoch: local.localSeconds - Int64(offset) * 60)
            return settings.zone.localDateTime(at: instant)
        default:
            sink.error(
                file, node.range,
                .problem(
                    "'due' must be a date in quotes such as \"10/12/2020\", found \(node.value.typeNameWithArticle)",
                    "dueWrongType",
                    parts: ["found": node.value.typeNamePhrase]))
            return nil
        }
    }

    /// How many years after its document a due date may fall before `check` asks whether the year is a typo.
    static let plausibleYearsAfterIssue = 5

    /// A due date before its document was issued, or years after it, is most likely a mistyped year (`2012`,
    /// `2102` for 2021): valid, so only a warning, with the year meant when the digits suggest one.
    private mutating func warnImplausible(_ due: CivilDate, issued: CivilDate?, file: String, node: TOMLNode) {
        guard let issued else { return }
        let before = due < issued
        guard before || due.year > issued.year + Self.plausibleYearsAfterIssue else { return }
        let hint = SupportedYears.hintPhrase(forDigits: String(due.year), reference: issued.year)
        let arguments = ["due": due.vietnamese, "issued": issued.vietnamese, "years": String(due.year - issued.year)]
        sink.warning(
            file, node.range,
            before
                ? .problem(
                    "the due date \(due.vietnamese) is before the document's date (\(issued.vietnamese))"
                        + hint.english,
                    "dueBeforeIssued", arguments, parts: ["hint": hint])
                : .problem(
                    "the due date \(due.vietnamese) is \(due.year - issued.year) years after the document's date "
                        + "(\(issued.vietnamese))" + hint.english,
                    "dueLongAfterIssued", arguments, parts: ["hint": hint]))
    }

    /// Warns about deadlines that no message would reach (units without recipients for their channels).
    /// `seenIDs`: where each deadline id was first written.
    ///
    /// Whom a deadline reaches depends only on its units and channels, so the planner is asked about one deadline
    /// of each combination (a few hundred where there are a hundred thousand deadlines).
    private mutating func warnUnreachable(
        _ agenda: Agenda, units: [Unit], channels: [ChannelInfo], seenIDs: FirstIDs
    ) {
        struct Audience: Hashable {
            let units: [String]
            let channels: [String]?
        }
        var representative: [Audience: Int] = [:]
        var samples: [Deadline] = []
        var sampleOf: [Int] = []
        sampleOf.reserveCapacity(agenda.deadlines.count)
        for deadline in agenda.deadlines {
            let audience = Audience(units: deadline.units, channels: deadline.channels)
            if let known = representative[audience] {
                sampleOf.append(known)
            } else {
                representative[audience] = samples.count
                sampleOf.append(samples.count)
                samples.append(deadline)
            }
        }
        let planner = ReminderPlanner(
            agenda: Agenda(
                settings: agenda.settings, units: units, channels: channels, documents: [], deadlines: samples))
        for (i, deadline) in agenda.deadlines.enumerated()
        where planner.targetIndices(ofDeadlineAt: sampleOf[i]).isEmpty {
            guard let id = seenIDs[deadline.id] else { continue }
            sink.warning(
                id.file, id.range,
                .problem(
                    "deadline '\(deadline.id)' reaches nobody: its units have no recipients for their email/outbox channels and no webhook channel",
                    "reachesNobody", ["id": deadline.id]))
        }
    }
}

/// Items handed to whichever thread takes each, once: the taker owns it from then on, and the list lets go of it.
final class HandOff<Item: Sendable>: @unchecked Sendable {
    private let lock = ConditionLock()
    private var items: [Item?]  // guarded by `lock`

    init(_ items: [Item]) {
        self.items = items
    }

    var count: Int { lock.withLock { items.count } }

    /// The item at `index`; nil when it was taken before.
    func take(_ index: Int) -> Item? {
        lock.withLock {
            defer { items[index] = nil }
            return items[index]
        }
    }
}

/// Where each deadline id was first written: a small index into an array, instead of a dictionary whose every slot
/// holds a whole ``Located`` (21 MB at 100 000 deadlines, against 12).
struct FirstIDs {
    private var positions: [String: Int32] = [:]
    private var locations: [Located<String>] = []

    init(capacity: Int) {
        positions.reserveCapacity(capacity)
        locations.reserveCapacity(capacity)
    }

    subscript(id: String) -> Located<String>? {
        positions[id].map { locations[Int($0)] }
    }

    /// Records `id` as the first of its value; call only when ``subscript(id:)`` has none.
    mutating func insert(_ id: Located<String>) {
        positions[id.value] = Int32(truncatingIfNeeded: locations.count)
        locations.append(id)
    }
}
