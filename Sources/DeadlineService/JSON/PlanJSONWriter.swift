#if canImport(Glibc)
    import Glibc
#endif
import DeadlineKit

/// Writes `deadlinectl plan --json` as the planner streams it: bytes straight into a buffer of 1 MB that goes out
/// whenever it fills, with no `JSONValue` tree and no `String` per field. A year of 100 000 deadlines is two
/// million reminders and 800 MB of JSON; the text is byte for byte ``PlanReport/json()`` rendered pretty.
///
/// What is the same for many reminders is written once: each target's `unit`, `channel` and `recipients` lines and
/// the end of its keys, the last send time (reminders come in send-time order, many share one).
struct PlanJSONWriter: ~Copyable {
    private let planner: ReminderPlanner
    private let deadlines: [Deadline]
    private let state: PlannerState
    private let zone: ZoneRules
    private let output: (UnsafeRawBufferPointer) -> Void
    private var buffer: UnsafeMutablePointer<UInt8>
    private var count = 0
    private var first = true
    /// Each target's member lines, then the end of its reminders' keys (`|unit|channel[|recipient]`), all in one
    /// block written once: `targetText[targetLines[i]]`, `targetText[keyEnds[i]]`.
    private let targetText: UnsafeMutableBufferPointer<UInt8>
    private let targetLines: [Range<Int>]
    private let keyEnds: [Range<Int>]
    private var lastSendAt = Int64.min
    private var lastSendAtText: [UInt8] = []

    static let capacity = 1 << 20

    init(planner: ReminderPlanner, state: PlannerState, output: @escaping (UnsafeRawBufferPointer) -> Void) {
        self.planner = planner
        self.deadlines = planner.agenda.deadlines
        self.state = state
        self.zone = planner.agenda.settings.zone
        self.output = output
        buffer = .allocate(capacity: Self.capacity)
        var text: [UInt8] = []
        var lines: [Range<Int>] = []
        var keys: [Range<Int>] = []
        for index in planner.targets.indices {
            let start = text.count
            text += Self.targetLines(planner, index)
            lines.append(start..<text.count)
            text += Self.keyEnd(planner, index)
            keys.append(lines[index].upperBound..<text.count)
        }
        targetText = .allocate(capacity: max(text.count, 1))
        _ = targetText.initialize(from: text)
        targetLines = lines
        keyEnds = keys
    }

    deinit {
        buffer.deallocate()
        targetText.deallocate()
    }

    /// The object's head and the opening of the `reminders` array.
    mutating func begin(head: [(String, JSONValue)]) {
        append("{")
        for (key, value) in head {
            append("\n  ")
            appendString(key)
            append(": ")
            append(Self.rendered(value, indent: 1))
            append(",")
        }
        append("\n  \"reminders\": [")
    }

    /// The closing of the array and the object, and everything still buffered out.
    mutating func end() {
        if first {
            append("]\n}")
        } else {
            append("\n  ]\n}")
        }
        flush()
    }

    mutating func write(_ r: PlannedReminder) {
        append(first ? "\n    {\n      \"deadline_id\": " : ",\n    {\n      \"deadline_id\": ")
        first = false
        if r.isDigest {
            writeDigest(r)
            return
        }
        // Fields read in place: a copy of the whole `Deadline` per reminder was a fifth of the time.
        let index = Int(r.deadlineIndex)
        appendString(deadlines[index].id)
        append(",\n      \"occurrence\": \"")
        appendDate(r.occurrence)
        append("\",\n      \"due\": \"")
        appendInstant(r.due.secondsSinceEpoch)
        append("\",\n      \"send_at\": \"")
        appendSendAt(r.sendAt.secondsSinceEpoch)
        append("\",\n      \"kind\": \"")
        append(r.kind.rawValue)
        append("\",\n      \"rule\": \"")
        appendRule(r.rule)
        append("\",\n")
        appendTargetLines(Int(r.targetIndex))
        append(",\n      \"document\": ")
        if let document = deadlines[index].documentRef { appendString(document) } else { append("null") }
        append(",\n      \"key\": \"")
        appendEscaped(deadlines[index].id)
        append("|")
        appendDate(r.occurrence)
        append("|")
        appendRule(r.rule)
        appendKeyEnd(Int(r.targetIndex))
        append("\"\n    }")
    }

    /// A digest (rare: one per unit and day) through the general renderer, from its second member on.
    private mutating func writeDigest(_ r: PlannedReminder) {
        let text = Self.rendered(PlanReport.json(r, planner: planner, state: state), indent: 2)
        // The general form starts `{\n      "deadline_id": `; that much is written already.
        let prefix = "{\n      \"deadline_id\": ".utf8.count
        append(Array(text.utf8.dropFirst(prefix)))
    }

    // MARK: Pieces

    private mutating func appendTargetLines(_ index: Int) {
        append(UnsafeBufferPointer(rebasing: targetText[targetLines[index]]))
    }

    private mutating func appendKeyEnd(_ index: Int) {
        append(UnsafeBufferPointer(rebasing: targetText[keyEnds[index]]))
    }

    /// A target's `unit`, `channel` and `recipients` lines, as the tree renders them inside a reminder.
    private static func targetLines(_ planner: ReminderPlanner, _ index: Int) -> [UInt8] {
        let target = planner.targets[index]
        let members: [(String, JSONValue)] = [
            ("unit", .string(target.unitID)), ("channel", .string(target.channel)),
            ("recipients", .array(target.recipients.map { .string($0.address) })),
        ]
        // `{\n      "unit": ...\n    }` at the reminder's depth, without its braces.
        let text = rendered(.object(members), indent: 2)
        return Array(text.utf8.dropFirst(2).dropLast(6))
    }

    /// The end of a target's reminders' keys, escaped, without quotes (see ``ReminderPlanner/key(of:)``).
    private static func keyEnd(_ planner: ReminderPlanner, _ index: Int) -> [UInt8] {
        let target = planner.targets[index]
        var key = "|\(target.unitID)|\(target.channel)"
        if target.recipients.count == 1, planner.agenda.channels[target.channel]?.onePerRecipient == true {
            key += "|\(target.recipients[0].address)"
        }
        return Array(JSONValue.string(key).rendered(pretty: false).utf8.dropFirst().dropLast())
    }

    private mutating func appendRule(_ rule: ReminderRule) {
        switch rule {
        case .due: append("due")
        case .digest: append("digest")
        case .overdue(let n):
            append("overdue-")
            appendInteger(n)
        case .escalation(let n):
            append("escalation-")
            appendInteger(n)
        case .before(let offset):
            switch offset {
            case .minutes(let n):
                appendInteger(n)
                append("m")
            case .hours(let n):
                appendInteger(n)
                append("h")
            case .days(let n):
                appendInteger(n)
                append("d")
            case .workingDays(let n):
                appendInteger(n)
                append("wd")
            case .weeks(let n):
                appendInteger(n)
                append("w")
            }
        }
    }

    /// A send time: reminders come in send-time order, so most repeat the one before.
    private mutating func appendSendAt(_ seconds: Int64) {
        if seconds != lastSendAt {
            let start = count
            appendInstant(seconds)
            lastSendAt = seconds
            lastSendAtText = Array(UnsafeBufferPointer(start: buffer + start, count: count - start))
        } else {
            append(lastSendAtText)
        }
    }

    /// `2026-03-02T08:00:00+07:00`, as ``ZoneRules/iso8601(_:)`` writes it.
    private mutating func appendInstant(_ seconds: Int64) {
        let instant = Instant(secondsSinceEpoch: seconds)
        let offset = zone.offset(at: instant)
        let local = LocalDateTime(localSeconds: seconds + Int64(offset))
        guard (0...9999).contains(local.date.year), abs(offset) / 3600 < 100 else {
            append(zone.iso8601(instant))
            return
        }
        reserve(25)
        writeDate(local.date)
        let second = Int((seconds + Int64(offset)) % 60 + 60) % 60
        let offsetMinutes = abs(offset) / 60
        put(UInt8(ascii: "T"))
        putTwo(local.time.hour)
        put(UInt8(ascii: ":"))
        putTwo(local.time.minute)
        put(UInt8(ascii: ":"))
        putTwo(second)
        put(UInt8(ascii: offset < 0 ? "-" : "+"))
        putTwo(offsetMinutes / 60)
        put(UInt8(ascii: ":"))
        putTwo(offsetMinutes % 60)
    }

    private mutating func appendDate(_ date: CivilDate) {
        guard (0...9999).contains(date.year) else {
            append(date.iso)
            return
        }
        reserve(10)
        writeDate(date)
    }

    /// `yyyy-mm-dd`; room for 10 bytes reserved by the caller.
    private mutating func writeDate(_ date: CivilDate) {
        putTwo(date.year / 100)
        putTwo(date.year % 100)
        put(UInt8(ascii: "-"))
        putTwo(date.month)
        put(UInt8(ascii: "-"))
        putTwo(date.day)
    }

    private mutating func appendInteger(_ n: Int) {
        append(String(n))
    }

    /// A JSON string, quotes included.
    private mutating func appendString(_ s: String) {
        append("\"")
        appendEscaped(s)
        append("\"")
    }

    /// A string's JSON escape, without quotes: runs that need no escape are copied whole.
    private mutating func appendEscaped(_ s: String) {
        var s = s
        s.withUTF8 { bytes in
            var runStart = 0
            for i in 0..<bytes.count {
                let byte = bytes[i]
                guard byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") || byte < 0x20 else { continue }
                append(UnsafeBufferPointer(rebasing: bytes[runStart..<i]))
                switch byte {
                case UInt8(ascii: "\""): append("\\\"")
                case UInt8(ascii: "\\"): append("\\\\")
                case UInt8(ascii: "\n"): append("\\n")
                case UInt8(ascii: "\r"): append("\\r")
                case UInt8(ascii: "\t"): append("\\t")
                default:
                    let hex: StaticString = "0123456789abcdef"
                    append("\\u00")
                    reserve(2)
                    put(hex.utf8Start[Int(byte >> 4)])
                    put(hex.utf8Start[Int(byte & 15)])
                }
                runStart = i + 1
            }
            append(UnsafeBufferPointer(rebasing: bytes[runStart..<bytes.count]))
        }
    }

    // MARK: The buffer

    @inline(__always)
    private mutating func put(_ byte: UInt8) {
        buffer[count] = byte
        count += 1
    }

    /// Two decimal digits of `value` (0...99).
    @inline(__always)
    private mutating func putTwo(_ value: Int) {
        buffer[count] = UInt8(truncatingIfNeeded: 48 + value / 10)
        buffer[count + 1] = UInt8(truncatingIfNeeded: 48 + value % 10)
        count += 2
    }

    /// Makes room for `n` more bytes.
    @inline(__always)
    private mutating func reserve(_ n: Int) {
        if count + n > Self.capacity { flush() }
    }

    private mutating func append(_ text: StaticString) {
        append(UnsafeBufferPointer(start: text.utf8Start, count: text.utf8CodeUnitCount))
    }

    private mutating func append(_ text: String) {
        var text = text
        text.withUTF8 { append($0) }
    }

    private mutating func append(_ bytes: some Collection<UInt8>) {
        if bytes.withContiguousStorageIfAvailable({ append($0) }) == nil {
            append(Array(bytes))
        }
    }

    private mutating func append(_ bytes: UnsafeBufferPointer<UInt8>) {
        guard let base = bytes.baseAddress, !bytes.isEmpty else { return }
        if count + bytes.count > Self.capacity {
            flush()
            if bytes.count > Self.capacity {
                output(UnsafeRawBufferPointer(bytes))
                return
            }
        }
        (buffer + count).update(from: base, count: bytes.count)
        count += bytes.count
    }

    private mutating func flush() {
        guard count > 0 else { return }
        output(UnsafeRawBufferPointer(start: buffer, count: count))
        count = 0
    }
}

extension PlanJSONWriter {
    /// `value` rendered pretty as if it stood at `indent` (two spaces each): its lines after the first indented.
    /// (A JSON string never holds a raw line break, so every one in the text is between members.)
    static func rendered(_ value: JSONValue, indent: Int) -> String {
        let text = value.rendered(pretty: true)
        guard indent > 0 else { return text }
        let spaces = String(repeating: " ", count: 2 * indent)
        return text.split(separator: "\n", omittingEmptySubsequences: false).joined(separator: "\n" + spaces)
    }

    /// Writes all of `bytes` to a file descriptor, retrying short writes and EINTR (bounded).
    static func write(_ bytes: UnsafeRawBufferPointer, to descriptor: Int32) {
        guard let base = bytes.baseAddress else { return }
        var offset = 0
        var attempts = 0
        while offset < bytes.count, attempts < 1_000_000 {
            attempts += 1
            let n = Glibc.write(descriptor, base + offset, bytes.count - offset)
            if n < 0 {
                if errno == EINTR { continue }
                return
            }
            offset += n
        }
    }
}
