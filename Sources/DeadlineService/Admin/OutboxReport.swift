#if canImport(Glibc)
    import Glibc
#endif
import DeadlineConfig
import DeadlineDelivery
import DeadlineKit

/// `deadlinectl outbox`: what the outbox channels wrote, as a person reads it (subjects and text decoded), without
/// a mail client; `--show` prints one message.
public enum OutboxReport {
    /// One message file.
    public struct Entry: Sendable {
        public var path: String
        public var message: ReadMessage
    }

    /// The messages of every outbox channel, oldest first (file names start with the planned send time).
    public static func entries(_ configuration: Configuration) -> [Entry] {
        var folders: [String] = []
        for (_, settings) in configuration.channels.sorted(by: { $0.key < $1.key }) {
            if case .outbox(let outbox) = settings, !folders.contains(outbox.directory) { folders.append(outbox.directory) }
        }
        var entries: [Entry] = []
        for folder in folders {
            entries += OutboxChannel.messages(in: folder).map { Entry(path: $0.path, message: $0.message) }
        }
        return entries
    }

    /// Runs the command; returns its exit status (2: no such message).
    public static func run(show: String?, json: Bool, configuration: Configuration) -> Int32 {
        let vi = configuration.agenda.settings.language == .vi
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
                Console.err(
                    vi
                        ? "deadlinectl: --show: không có thư '\(show)' trong hộp thư đi (\(all.count) thư; dùng số thứ tự, tên tệp hoặc last)\n"
                        : "deadlinectl: --show: no message '\(show)' in the outbox (\(all.count) messages; give a number, a file name or last)\n")
                return 2
            }
            Console.out(json ? messageJSON(entry).rendered() + "\n" : text(entry, vi: vi))
            return 0
        }
        if json {
            Console.out(JSONValue.object([("messages", .array(all.map(messageJSON)))]).rendered() + "\n")
            return 0
        }
        guard !all.isEmpty else {
            Console.out(vi ? "Hộp thư đi chưa có thư nào.\n" : "The outbox holds no message yet.\n")
            return 0
        }
        var table = TextTable(header: vi ? ["#", "NGÀY", "NGƯỜI NHẬN", "TIÊU ĐỀ"] : ["#", "DATE", "TO", "SUBJECT"])
        for (index, entry) in all.enumerated() {
            table.append([
                String(index + 1), entry.message.header("Date") ?? "", TextTable.truncate(entry.message.header("To") ?? "", 50),
                TextTable.truncate(entry.message.header("Subject") ?? "", 90),
            ])
        }
        return printTable(table, count: all.count, vi: vi)
    }

    private static func printTable(_ table: TextTable, count: Int, vi: Bool) -> Int32 {
        Console.out(table.rendered())
        Console.out(
            vi
                ? "\n\(count) thư. Xem một thư: deadlinectl outbox --show SỐ (hoặc last)\n"
                : "\n\(count) messages. To read one: deadlinectl outbox --show N (or last)\n")
        return 0
    }

    /// One message for the terminal: where it is, its headers, its text.
    static func text(_ entry: Entry, vi: Bool) -> String {
        let m = entry.message
        let labels = vi ? ["Tệp", "Từ", "Đến", "Ngày", "Tiêu đề"] : ["File", "From", "To", "Date", "Subject"]
        var out = "\(labels[0]): \(entry.path)\n"
        for (label, name) in zip(labels.dropFirst(), ["From", "To", "Date", "Subject"]) {
            out += "\(label): \(m.header(name) ?? "")\n"
        }
        out += "\n" + (m.text ?? (vi ? "(thư không có phần văn bản thường)\n" : "(the message has no plain text part)\n"))
        if !out.hasSuffix("\n") { out += "\n" }
        return out
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
