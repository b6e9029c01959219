import DeadlineConfig
import DeadlineKit

/// One value as admins write it: the first byte chooses a position in a configuration, the rest is the value.
/// The value goes through its own parser (durations, offsets, dates, moments, times, addresses, year hints) and,
/// put in that position, through the whole configuration as the daemon's reload loads it (with `WATCHDOG_USEC`
/// set, as under systemd).
package enum ValueFuzzTarget {
    package static func run(_ bytes: [UInt8]) {
        guard let selector = bytes.first else { return }
        let text = String(decoding: bytes.dropFirst(), as: UTF8.self)
        parseAlone(text)
        let position = positions[Int(selector) % positions.count]
        let configuration = position.render(text)
        ConfigFuzzTarget.run(Array(configuration.utf8), environment: ["WATCHDOG_USEC": "180000000"])
    }

    /// Each parser that reads a single value (a `headers_file`'s text too).
    static func parseAlone(_ text: String) {
        _ = DurationParser.seconds(text)
        _ = ReminderOffset(parsing: text)
        _ = DueDateParser.parse(text, issued: CivilDate(year: 2020, month: 11, day: 19))
        _ = DueDateParser.parse(text, issued: nil)
        _ = MomentParser.parse(text, zone: .vietnam)
        _ = TimeOfDay(parsing: text)
        _ = Mailbox.parse(text)
        _ = SupportedYears.hint(forDigits: text)
        let (headers, problems) = HeaderLines.parse(text)
        for problem in problems { _ = problem.description }
        _ = headers.count
    }

    /// Where a value may stand in a configuration.
    struct Position: Sendable {
        /// The table's lines, with `⟨v⟩` where the value goes.
        let template: String
        /// Whether the value is quoted as a TOML string (else written bare: integers, booleans, arrays).
        let quoted: Bool

        func render(_ value: String) -> String {
            let written = quoted ? "\"" + Self.escaped(value) + "\"" : Self.oneLine(value)
            return ValueFuzzTarget.base.replacingAll("⟨table⟩", with: template.replacingAll("⟨v⟩", with: written))
        }

        static func escaped(_ value: String) -> String {
            var out = ""
            for scalar in value.unicodeScalars {
                switch scalar {
                case "\"": out += "\\\""
                case "\\": out += "\\\\"
                case _ where scalar.value < 0x20 || scalar.value == 0x7F:
                    let hex = String(scalar.value, radix: 16)
                    out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                default: out.unicodeScalars.append(scalar)
                }
            }
            return out
        }

        static func oneLine(_ value: String) -> String {
            String(String.UnicodeScalarView(value.unicodeScalars.filter { $0 != "\n" && $0 != "\r" }))
        }
    }

    static let positions: [Position] = [
        Position(template: "[daemon]\ncatch_up = ⟨v⟩", quoted: true),
        Position(template: "[daemon]\nretry_delay = ⟨v⟩", quoted: true),
        Position(template: "[daemon]\nretry_max_age = ⟨v⟩", quoted: true),
        Position(template: "[daemon]\nretry_limit = ⟨v⟩", quoted: false),
        Position(template: "[daemon]\nclosing_time = ⟨v⟩", quoted: true),
        Position(template: "[daemon]\ntimezone = ⟨v⟩", quoted: true),
        Position(template: "[reminders]\nbefore = [⟨v⟩]", quoted: true),
        Position(template: "[reminders]\noverdue_every = ⟨v⟩", quoted: true),
        Position(template: "[reminders]\noverdue_limit = ⟨v⟩", quoted: false),
        Position(template: "[reminders]\nescalate_after = ⟨v⟩", quoted: true),
        Position(template: "[reminders]\nescalate_every = ⟨v⟩", quoted: true),
        Position(template: "[reminders]\nescalate_limit = ⟨v⟩", quoted: false),
        Position(template: "[reminders]\nescalate_after_urges = ⟨v⟩", quoted: false),
        Position(template: "[reminders]\ntime = ⟨v⟩", quoted: true),
        Position(template: "[calendar]\nworking_hours = ⟨v⟩", quoted: true),
        Position(template: "[calendar]\n[[calendar.override]]\ndate = ⟨v⟩\noff = true", quoted: true),
        Position(
            template:
                "[channels.email]\ntype = \"smtp\"\nurl = \"smtps://127.0.0.1:465\"\nfrom = \"a@b.vn\"\ntimeout = ⟨v⟩",
            quoted: true),
        Position(
            template:
                "[channels.email]\ntype = \"smtp\"\nurl = \"smtps://127.0.0.1:465\"\nfrom = \"a@b.vn\"\nconnect_timeout = ⟨v⟩",
            quoted: true),
        Position(
            template:
                "[channels.email]\ntype = \"smtp\"\nurl = \"smtps://127.0.0.1:465\"\nfrom = \"a@b.vn\"\nconnections = ⟨v⟩",
            quoted: false),
        Position(template: "[channels.email]\ntype = \"smtp\"\nurl = ⟨v⟩\nfrom = \"a@b.vn\"", quoted: true),
        Position(
            template: "[channels.email]\ntype = \"smtp\"\nurl = \"smtps://127.0.0.1:465\"\nfrom = ⟨v⟩", quoted: true),
        Position(template: "[channels.chat]\ntype = \"webhook\"\nurl = ⟨v⟩", quoted: true),
        Position(
            template:
                "[channels.chat]\ntype = \"webhook\"\nurl = \"https://hooks.example.vn/x\"\nheaders = { \"X-Don-Vi\" = ⟨v⟩ }",
            quoted: true),
        Position(
            template:
                "[channels.chat]\ntype = \"webhook\"\nurl = \"https://hooks.example.vn/x\"\nheaders = { ⟨v⟩ = \"v\" }",
            quoted: true),
        Position(template: "[store]\nurl = ⟨v⟩", quoted: true),
        Position(template: "[store]\nlease = ⟨v⟩", quoted: true),
        Position(template: "[units.extra]\nname = ⟨v⟩\nrecipients = [\"a@b.vn\"]", quoted: true),
        Position(template: "[units.extra]\nname = \"X\"\nrecipients = [⟨v⟩]", quoted: true),
        Position(template: "[units.extra]\nname = \"X\"\ndigest = ⟨v⟩", quoted: true),
        Position(template: "[[document]]\nref = \"1/UBND\"\nissued = ⟨v⟩", quoted: true),
        Position(template: "[[deadline]]\nid = \"v\"\ntask = \"Việc\"\nunits = [\"so-khdt\"]\ndue = ⟨v⟩", quoted: true),
        Position(
            template: "[[deadline]]\nid = \"v\"\ntask = \"Việc\"\nunits = [\"so-khdt\"]\ndue = ⟨v⟩", quoted: false),
        Position(
            template: "[[deadline]]\nid = \"v\"\ntask = ⟨v⟩\nunits = [\"so-khdt\"]\ndue = \"10/12/2020\"", quoted: true),
        Position(
            template: "[[deadline]]\nid = ⟨v⟩\ntask = \"Việc\"\nunits = [\"so-khdt\"]\ndue = \"10/12/2020\"",
            quoted: true),
        Position(
            template:
                "[[deadline]]\nid = \"v\"\ntask = \"Việc\"\nunits = [\"so-khdt\"]\nrepeat = \"monthly\"\nday = ⟨v⟩",
            quoted: false),
        Position(
            template:
                "[[deadline]]\nid = \"v\"\ntask = \"Việc\"\nunits = [\"so-khdt\"]\nrepeat = \"yearly\"\ndate = ⟨v⟩",
            quoted: true),
        Position(
            template:
                "[[deadline]]\nid = \"v\"\ntask = \"Việc\"\nunits = [\"so-khdt\"]\nrepeat = \"weekly\"\nweekday = ⟨v⟩\nfrom = \"01/12/2020\"",
            quoted: true),
        Position(
            template:
                "[[deadline]]\nid = \"v\"\ntask = \"Việc\"\nunits = [\"so-khdt\"]\nrepeat = \"monthly\"\nday = 20\nfrom = ⟨v⟩",
            quoted: true),
    ]

    /// The configuration every value goes into: one unit and one deadline, with `⟨table⟩` where the value's table goes.
    static let base = """
        [units.so-khdt]
        name = "Sở Kế hoạch và Đầu tư"
        recipients = ["Văn thư <vanthu@khdt.hanoi.example>"]
        heads = ["Giám đốc <gd@khdt.hanoi.example>"]

        [[deadline]]
        id = "bao-cao"
        task = "Báo cáo"
        units = ["so-khdt"]
        due = "10/12/2020"

        ⟨table⟩

        """
}
