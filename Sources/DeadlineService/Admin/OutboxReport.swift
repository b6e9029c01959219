#if canImport(Glibc)
    import Glibc
#endif
package import DeadlineConfig
package import DeadlineDelivery
package import DeadlineKit

/// `deadlinectl outbox`: what the outbox channels wrote, as a person reads it (subjects and text decoded), without
/// a mail client; `--show` prints one message.
package enum OutboxReport {
    /// One message file.
    package struct Entry: Sendable {
        package var path: String
        package var message: ReadMessage
    }

    /// The messages of every outbox channel, oldest first (file names start with the planned send time).
    package static func entries(_ configuration: Configuration) -> [Entry] {
        var folders: [String] = []
        for (_, settings) in configuration.channels.sorted(by: { $0.key < $1.key }) {
            if case .outbox(let outbox) = settings, !folders.contains(outbox.directory) {
                folders.append(outbox.directory)
            }
        }
        var entries: [Entry] = []
        for folder in folders {
            entries += OutboxChannel.messages(in: folder).map { Entry(path: $0.path, message: $0.message) }
        }
        return entries
    }

    /// Runs the command in `language`; returns its exit status (2: no such message).
    package static func run(show: String?, json: Bool, configuration: Configuration, language: Language) -> Int32 {
        let say = Catalog(language)
        let all = entries(configuration)
        if let show {
            let chosen: Entry?
            if show == "last" {
                chosen = all.last
            } else if let n = Int(show), n >= 1, n <= all.count {
                chosen = all[n - 1]
            } else {
                chosen = all.first { $0.path == show || $0.path.hasSuffix("/" + show) }
            }
            guard let entry = chosen else {
                Console.err(say(DeliveryText.outboxNoSuchMessage, ["show": show, "count": String(all.count)]))
                return 2
            }
            Console.out(json ? messageJSON(entry).rendered() + "\n" : text(entry, say))
            return 0
        }
        if json {
            Console.out(JSONValue.object([("messages", .array(all.map(messageJSON)))]).rendered() + "\n")
            return 0
        }
        guard !all.isEmpty else {
            Console.out(say(DeliveryText.outboxEmpty))
            return 0
        }
        var table = TextTable(
            header: ["#"] + [DeliveryText.outboxHeaderDate, .outboxHeaderTo, .outboxHeaderSubject].map { say($0) })
        for (index, entry) in all.enumerated() {
            table.append([
                String(index + 1), displayDate(entry.message.header("Date")),
                TextTable.truncate(entry.message.header("To") ?? "", 50),
                TextTable.truncate(entry.message.header("Subject") ?? "", 90),
            ])
        }
        Console.out(table.rendered())
        Console.out(say(DeliveryText.outboxCount, ["count": String(all.count)]))
        return 0
    }

    /// One message for the terminal: where it is, its headers, its text.
    static func text(_ entry: Entry, _ say: Catalog) -> String {
        let m = entry.message
        var out = say(DeliveryText.fileLabel, ["value": entry.path])
        out += say(DeliveryText.fromLabel, ["value": m.header("From") ?? ""])
        out += say(DeliveryText.toLabel, ["value": m.header("To") ?? ""])
        out += say(DeliveryText.dateLabel, ["value": displayDate(m.header("Date"))])
        out += say(DeliveryText.subjectLabel, ["value": m.header("Subject") ?? ""])
        out += "\n" + (m.text ?? say(DeliveryText.noPlainText))
        if !out.hasSuffix("\n") { out += "\n" }
        return out
    }

    /// A mail's `Date` (`Thu, 3 Dec 2020 08:00:00 +0700`, RFC 5322, English words) as the other commands write
    /// moments, `08:00 03/12/2020`, in the time zone the header gives; as it is when it cannot be read.
    static func displayDate(_ header: String?) -> String {
        guard let header else { return "" }
        // machine: RFC 5322
        let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
        var words = header.split(separator: " ").map(String.init)
        if words.first?.hasSuffix(",") == true { words.removeFirst() }
        guard words.count >= 4, let day = Int(words[0]), let month = months.firstIndex(of: words[1]),
            let year = Int(words[2]),
            let date = CivilDate(year: year, month: month + 1, day: day),
            let time = TimeOfDay(parsing: String(words[3].prefix(5)))
        else { return header }
        return LocalDateTime(date, time).vietnamese
    }

    static func messageJSON(_ entry: Entry) -> JSONValue {
        let m = entry.message
        return .object([
            ("file", .string(entry.path)), ("from", .optional(m.header("From"))), ("to", .optional(m.header("To"))),
            ("date", .optional(m.header("Date"))), ("subject", .optional(m.header("Subject"))),
            ("key", .optional(m.header("X-Deadlined-Key"))), ("text", .optional(m.text)),
        ])
    }
}
