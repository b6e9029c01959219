import DeadlineKit

/// Every table and key of deadlined's configuration, in one place.
///
/// The decoder accepts exactly these keys (anything else is "unknown key ..., did you mean ...?"), and
/// `deadlinectl config-reference` prints them as the reference of docs/configuration.md, so code and docs cannot drift.
package enum ConfigSchema {
    package static let daemon = TableSpec(
        "[daemon]", "Settings of the daemon itself. Main file only.",
        keys: [
            KeySpec(
                "timezone", .string, default: "\"Asia/Ho_Chi_Minh\"",
                "Time zone in which due dates and send times are read (a name from /usr/share/zoneinfo)."),
            KeySpec(
                "language", .choice(["vi", "en"]), default: "\"vi\"",
                "Language of reminders, and of deadlinectl's output when set (`--lang` overrides it; when it is not set, deadlinectl follows the locale: `vi_VN*` Vietnamese, any other English)."
            ),
            KeySpec(
                "organization", .string, default: "none",
                "The office that sends the reminders: named in their text (\"… đề nghị đơn vị thông báo cho Văn phòng UBND Thành phố Hà Nội để dừng nhắc việc\"), their signature, and the outbox's From.",
                example: "\"Văn phòng UBND Thành phố Hà Nội\""),
            KeySpec(
                "state_directory", .path, default: "\"/var/lib/deadlined\"",
                "Where the ledger (state.db) lives. $STATE_DIRECTORY, set by systemd's StateDirectory=, overrides it."),
            KeySpec(
                "drop_in_directory", .path, default: "\"deadlines.d\"",
                "Folder of drop-in files (*.toml, read in name order); relative paths are relative to the main file."),
            KeySpec(
                "templates_directory", .path, default: "none",
                "Folder of message templates that replace the built-in ones, one file per part and language: subject.vi.mustache, text.vi.mustache, html.vi.mustache, chat.vi.mustache, the same for digests (digest-subject.vi.mustache, ...) and for .en; relative paths are relative to the main file. deadlinectl check renders each with sample reminders and reports unknown variables at their line and column.",
                example: "\"templates\""),
            KeySpec(
                "closing_time", .time, default: "\"17:00\"",
                "A deadline written as a date only (10/12/2020) is due at this time of that day."),
            KeySpec(
                "default_channels", .stringList, default: "[\"outbox\"]",
                "Channels for units that name none.", example: "[\"email\"]"),
            KeySpec(
                "catch_up", .duration, default: "\"24h\"", range: .seconds(1...30 * 86_400),
                "After downtime, reminders missed by less than this are still sent once; older ones are skipped."),
            KeySpec(
                "retry_limit", .integer, default: "8", range: .count(0...100),
                "Attempts for a delivery that fails temporarily before it is given up."),
            KeySpec(
                "retry_delay", .duration, default: "\"1m\"", range: .seconds(1...3600),
                "Wait before the first retry of a failed delivery; each further retry waits twice as long (at most 1 h), with ±20 % jitter."
            ),
            KeySpec(
                "retry_max_age", .duration, default: "\"2d\"", range: .seconds(60...30 * 86_400),
                "A delivery still failing this long after its send time is given up."),
        ])

    package static let reminders = TableSpec(
        "[reminders]",
        "Default reminder rules for every deadline. A deadline may override any of them in its own `reminders` table.",
        keys: [
            KeySpec(
                "before", .offsetList, default: "[\"7d\", \"3d\", \"1d\"]", range: .offset,
                "Reminders before the due moment: days (`d`), working days (`wd`), weeks (`w`) at `time`; hours (`h`) and minutes (`m`) before the due moment itself.",
                example: "[\"7d\", \"3wd\", \"1d\", \"2h\"]"),
            KeySpec(
                "on_due", .boolean, default: "true",
                "A reminder on the due day at `time` (if that is before the due moment)."),
            KeySpec(
                "overdue_every", .offset, default: "\"1d\"", range: .offset,
                "After the due moment, while not done, an urging reminder (đôn đốc) this often. `\"\"` for none."),
            KeySpec(
                "overdue_limit", .integer, default: "5", range: .count(0...365),
                "At most this many urging reminders per occurrence; `overdue_every` times this is at most a year."),
            KeySpec(
                "time", .time, default: "\"08:00\"",
                "Local time at which day-based reminders go out, and moved reminders too (the start of `working_hours` if it lies outside them)."
            ),
            KeySpec(
                "due_on_day_off", .choice(["keep", "before", "after"]), default: "\"keep\"",
                "A due date that falls on a day off (weekend, holiday, announced day off): `keep` it, since directives mean \"by that date\" (reminders still come on working days before it); or move it to the same time on the previous (`before`) or next (`after`) working day.",
                example: "\"after\""),
            KeySpec(
                "off_hours", .choice(["move", "send"]), default: "\"move\"",
                "Reminders before the due moment and on the due day that fall outside `[calendar] working_hours` or on a day off: `move` them to the next working morning or, when that is not before the due moment, to the latest working morning before their time; or `send` them at their time. Reminders that land on the same moment are sent once."
            ),
            KeySpec(
                "overdue_off_hours", .choice(["move", "send"]), default: "\"move\"",
                "The same for urging reminders after the due moment: `move` them to the next working morning, or `send` them at their time, weekends and nights included."
            ),
        ] + escalationKeys)

    /// Escalation to a unit's heads: in `[reminders]`, a deadline's `reminders`, or a unit (`[units.ID]`). A
    /// deadline's own setting wins over the unit's, which wins over `[reminders]`.
    package static let escalationKeys: [KeySpec] = [
        KeySpec(
            "escalate_after", .offset, default: "none", range: .offset,
            "Escalate to the unit's head(s) once an occurrence is this late and not done: days (`3d`) or working days (`2wd`).",
            example: "\"3wd\""),
        KeySpec(
            "escalate_after_urges", .integer, default: "none", range: .count(0...100),
            "Or escalate once this many urging reminders went out without the task done; the escalation comes in the place of the next one (Hanoi's practice: more than 3). `0` for no escalation.",
            example: "3"),
        KeySpec(
            "escalate_every", .offset, default: "\"2wd\"", range: .offset,
            "Escalations repeat this often while the task is not done."),
        KeySpec(
            "escalate_limit", .integer, default: "3", range: .count(1...100),
            "At most this many escalations per occurrence; `escalate_every` times this is at most a year."),
        KeySpec(
            "supervisors", .mailboxList, default: "[]",
            "Addresses that receive every escalation besides the heads, e.g. the supervising committee's office.",
            example: "[\"Văn phòng Thành ủy <vanphong@thanhuy.hanoi.example>\"]"),
    ]

    package static let calendar = TableSpec(
        "[calendar]",
        "The office's working calendar. Public holidays of the Labour Code are computed for the years 1901–2199 as the law of each year gives them (Tết Dương lịch, the Tết Nguyên đán days, Giỗ Tổ Hùng Vương from 2007, 30/4, 1/5, 2/9 and, from 2021, the day beside it), with a nghỉ bù on the next working day for each that falls on a weekly day off; `deadlinectl holidays YEAR` lists them. Working days (`wd`) skip days off, and reminders go out on working days within working hours. Main file only.",
        keys: [
            KeySpec(
                "weekend", .weekdayList, default: "[\"saturday\", \"sunday\"]",
                "Weekly days off: `monday` ... `sunday` or `thứ hai` ... `chủ nhật`.", example: "[\"sunday\"]"),
            KeySpec(
                "working_hours", .timeRange, default: "\"08:00-17:00\"",
                "Office hours on working days; `\"00:00-24:00\"` for the whole day.", example: "\"07:30-16:30\""),
            KeySpec(
                "override", .tableList, default: "[]",
                "Announced days off and working days: one `[[calendar.override]]` table each (below)."),
            KeySpec(
                "year", .tableList, default: "[]",
                "Announced Tết days and Quốc khánh companion: one `[[calendar.year]]` table per year (below)."),
            KeySpec(
                "holiday", .tableList, default: "[]",
                "Yearly holidays besides the Labour Code's, such as a new statutory day: one `[[calendar.holiday]]` table each (below)."
            ),
        ])

    package static let calendarOverride = TableSpec(
        "[[calendar.override]]",
        "A day announced as a day off or as a working day, such as a swapped day off (nghỉ hoán đổi) and the Saturday worked for it (làm bù), or a computed holiday that is not taken. Give `off = true` or `work = true`. Example: `date = \"26/04/2025\"` with `work = true` and `note = \"Làm bù\"`.",
        keys: [
            KeySpec("date", .date, required: true, "The day.", example: "\"02/05/2025\""),
            KeySpec("off", .boolean, default: "false", "The office does not work that day."),
            KeySpec(
                "work", .boolean, default: "false",
                "The office works that day, even on a weekly day off or a computed holiday."),
            KeySpec(
                "note", .string, default: "\"Nghỉ hoán đổi\"",
                "What the day is; `deadlinectl holidays` shows it as the name of a day off.",
                example: "\"Nghỉ hoán đổi, làm bù thứ Bảy 26/04/2025\""),
            KeySpec("note_en", .string, default: "\"Swapped day off\"", "The same in English (`--lang en`)."),
        ])

    package static let calendarYear = TableSpec(
        "[[calendar.year]]",
        "What the government announced for one year's Tết and Quốc khánh. Without it the forecast applies: the five Tết days start one or two days before mùng 1, whichever puts fewer of them on weekly days off (as every announcement from 2020 to 2026 did), and 2/9's companion is whichever of 1/9 and 3/9 joins the weekend.",
        keys: [
            KeySpec("year", .integer, required: true, "The year, 1901–2199.", example: "2025"),
            KeySpec(
                "tet_first_day", .date, default: "forecast",
                "The first of the five Tết days: mùng 1 or one of the five days before it.", example: "\"27/01/2025\""),
            KeySpec(
                "national_day_companion", .date, default: "forecast",
                "The day off beside Quốc khánh: 1/9 or 3/9 of the year.", example: "\"01/09/2025\""),
            KeySpec(
                "note", .string, "Where it was announced; for admins.",
                example: "\"Thông báo nghỉ Tết Âm lịch năm 2025\""),
        ])

    package static let calendarHoliday = TableSpec(
        "[[calendar.holiday]]",
        "A holiday every year from `from` (to `until`), on a solar `date` or a `lunar` date, counted like the Labour Code's days everywhere: working days, reminders, `deadlinectl holidays`, the .ics. Give one of `date` and `lunar`. Example: `date = \"24/11\"`, `from = 2026`, `name = \"Ngày Văn hóa Việt Nam\"` once the amendment of Điều 112 that adds it is in force.",
        keys: [
            KeySpec(
                "date", .dayMonth, default: "none",
                "Its day and month in the solar calendar, in every year (not 29/02).", example: "\"24/11\""),
            KeySpec(
                "lunar", .dayMonth, default: "none",
                "Or its day and month in the lunar calendar (âm lịch), in the ordinary month, not the leap one; day 30 of a 29-day month is its 29th.",
                example: "\"10/3\""),
            KeySpec(
                "from", .integer, required: true, "The first year it applies to, 1901–2199.", example: "2026"),
            KeySpec(
                "until", .integer, default: "none", "The last year it applies to, from `from` to 2199.",
                example: "2030"),
            KeySpec(
                "name", .string, required: true, "Its name in Vietnamese, shown by `deadlinectl holidays`.",
                example: "\"Ngày Văn hóa Việt Nam\""),
            KeySpec(
                "name_en", .string, default: "name", "Its name in English (`--lang en`); `name` when not given.",
                example: "\"Vietnam Culture Day\""),
            KeySpec(
                "compensated", .boolean, default: "true",
                "When it falls on a weekly day off, a nghỉ bù on the next working day, as for statutory holidays (BLLĐ 2019 Điều 111 khoản 3)."
            ),
            KeySpec(
                "note", .string, "Where it was decided; for admins.", example: "\"Bộ luật Lao động sửa đổi, Điều 112\""),
        ])

    package static let unit = TableSpec(
        "[units.ID]",
        "A unit (sở, ban, ngành, quận, huyện...) that receives tasks. ID is a short key used in deadlines: letters, digits, `-`, `_`.",
        keys: [
            KeySpec(
                "name", .string, required: true, "Display name, used in messages.", example: "\"Sở Kế hoạch và Đầu tư\""
            ),
            KeySpec(
                "recipients", .mailboxList, default: "[]",
                "Who receives the unit's reminders (email and outbox channels).",
                example: "[\"Văn thư Sở KH&ĐT <vanthu@khdt.hanoi.gov.vn>\"]"),
            KeySpec(
                "heads", .mailboxList, default: "[]",
                "Head(s) of the unit, who receive escalations when its work is late.",
                example: "[\"Giám đốc Sở <giamdoc@khdt.hanoi.gov.vn>\"]"),
            KeySpec(
                "channels", .stringList, default: "daemon.default_channels", "Channels to reach this unit through.",
                example: "[\"email\", \"chat\"]"),
            KeySpec(
                "members", .stringList, default: "[]",
                "Other units this one stands for: a deadline given to `cac-so-nganh` reaches each member.",
                example: "[\"so-khdt\", \"so-tc\"]"),
            KeySpec(
                "digest", .time, default: "none",
                "Send this unit one digest a day at this time, listing all its deadlines due soon and overdue, instead of separate reminders before the due days. A digest goes out on the days those reminders would have.",
                example: "\"07:30\""),
            KeySpec(
                "digest_urgent_alone", .boolean, default: "true",
                "With `digest`: reminders on the due day, urging after it (and escalations, always) still go out on their own; `false` folds due-day and urging reminders into the digest too."
            ),
        ] + escalationKeys)

    package static let channelCommon: [KeySpec] = [
        KeySpec("type", .choice(["smtp", "webhook", "outbox"]), required: true, "What kind of channel this is."),
        KeySpec("language", .choice(["vi", "en"]), default: "daemon.language", "Language of this channel's messages."),
    ]

    package static let outboxChannel = TableSpec(
        "[channels.NAME] type = \"outbox\"",
        "Writes each message as a file (RFC 5322 `.eml`): the embedded default that needs no server.",
        keys: channelCommon + [
            KeySpec(
                "directory", .path, default: "\"outbox\"",
                "Folder for the message files; relative paths are inside the state directory."),
            KeySpec(
                "from", .mailbox, default: "daemon.organization <deadlined@localhost.localdomain>",
                "Sender written in the messages' From, as for SMTP.",
                example: "\"Văn phòng UBND Thành phố <nhacviec@hanoi.gov.vn>\""),
        ])

    package static let smtpChannel = TableSpec(
        "[channels.NAME] type = \"smtp\"", "Email through an SMTP server.",
        keys: channelCommon + [
            KeySpec(
                "url", .string, required: true,
                "`smtp://host:port` (STARTTLS) or `smtps://host:port` (TLS from the start).",
                example: "\"smtps://mail.hanoi.gov.vn:465\""),
            KeySpec(
                "starttls", .choice(["required", "opportunistic", "off"]), default: "\"required\"",
                "For `smtp://`: whether the connection must be encrypted with STARTTLS. `off` only for 127.0.0.1, or with `allow_plaintext = true`."
            ),
            KeySpec(
                "allow_plaintext", .boolean, default: "false",
                "Acknowledge that `starttls = \"off\"` sends mail unencrypted to a server that is not on this machine."),
            KeySpec(
                "from", .mailbox, required: true, "Sender of reminders.",
                example: "\"Văn phòng UBND Thành phố <nhacviec@hanoi.gov.vn>\""),
            KeySpec("reply_to", .mailbox, "Where replies go, if not to `from`."),
            KeySpec("username", .string, "User name for SMTP AUTH."),
            KeySpec(
                "password_file", .secretPath,
                "File holding the SMTP password (not readable by everyone). With LoadCredential=, write `$CREDENTIALS_DIRECTORY/NAME`.",
                example: "\"/etc/deadlined/secrets/smtp-password\""),
            KeySpec(
                "ca_file", .path, "A private CA certificate (PEM) to trust for this server. Verification is always on."),
            KeySpec("connect_timeout", .duration, default: "\"10s\"", range: timeoutRange, "Time allowed to connect."),
            KeySpec(
                "timeout", .duration, default: "\"60s\"", range: timeoutRange,
                "Time allowed for one whole message. With `connect_timeout`, below the watchdog interval (`WatchdogSec=`, 3 min in deadlined.service), since a send that takes longer gets the daemon killed."
            ),
            KeySpec(
                "one_message_per_recipient", .boolean, default: "false",
                "Send each recipient a message of their own instead of one message to all of a unit's recipients."),
            KeySpec("attach_ics", .boolean, default: "false", "Attach an iCalendar (.ics) event for the deadline."),
            connectionsKey(default: SMTPSettings.defaultConnections, what: "messages", server: "A mail server"),
        ])

    package static let webhookChannel = TableSpec(
        "[channels.NAME] type = \"webhook\"", "An HTTP POST to a chat system or another program.",
        keys: channelCommon + [
            KeySpec(
                "url", .string, required: true,
                "Where to POST. For Telegram, `https://api.telegram.org` (the token comes from `token_file`).",
                example: "\"https://hooks.example.vn/abc\""),
            KeySpec(
                "format", .choice(["json", "slack", "teams", "telegram"]), default: "\"json\"",
                "Shape of the body: deadlined's JSON payload, or a chat service's own."),
            KeySpec(
                "secret_file", .secretPath,
                "File holding a Standard Webhooks secret (`whsec_...`); requests are then signed."),
            KeySpec("token_file", .secretPath, "Telegram: file holding the bot token."),
            KeySpec("chat_id", .string, "Telegram: the chat to post to.", example: "\"-1001234567890\""),
            KeySpec(
                "headers", .stringTable, default: "{}",
                "Extra request headers that are not secrets. Not `Content-Type`, `Content-Length`, `Host`, `Transfer-Encoding`, `Expect`, `Connection` or `webhook-*`, which deadlined sets.",
                example: "{ \"X-Don-Vi\" = \"VP-UBND\" }"),
            KeySpec(
                "headers_file", .secretPath,
                "File of secret request headers (`Authorization: Bearer …`, API keys), one `Name: value` per line; `#` starts a comment. Checked like `password_file`.",
                example: "\"/etc/deadlined/secrets/chat-headers\""),
            KeySpec("connect_timeout", .duration, default: "\"10s\"", range: timeoutRange, "Time allowed to connect."),
            KeySpec(
                "timeout", .duration, default: "\"30s\"", range: timeoutRange,
                "Time allowed for one whole request. With `connect_timeout`, below the watchdog interval (`WatchdogSec=`, 3 min in deadlined.service)."
            ),
            KeySpec("follow_redirects", .boolean, default: "false", "Follow HTTP redirects."),
            KeySpec(
                "ca_file", .path,
                "A private CA certificate (PEM) to trust for an https:// URL, e.g. the office's own CA. Verification is always on."
            ),
            connectionsKey(default: WebhookSettings.defaultConnections, what: "requests", server: "An endpoint"),
        ])

    /// `connections` of the SMTP and webhook channels.
    static func connectionsKey(default value: Int, what: String, server: String) -> KeySpec {
        KeySpec(
            "connections", .integer, default: String(value), range: .count(ChannelSettings.connectionLimits),
            "How many \(what) go out at once, each on a connection of its own that is kept for the next; `1` sends them strictly one after another. \(server) that limits connections per client answers the extra ones with a temporary failure, which is retried.",
            example: "8")
    }

    /// `connect_timeout` and `timeout` of channels and of `[store]`: 1 s to 10 min.
    package static let timeoutRange = ValueRange.seconds(1...600)

    /// The watchdog interval of the shipped unit (`WatchdogSec=3min` in deadlined.service), which `check` assumes
    /// when `$WATCHDOG_USEC` does not say otherwise.
    package static let shippedWatchdogSeconds: Int64 = 180

    package static let document = TableSpec(
        "[[document]]",
        "A directive or plan that hands out tasks. Usually one drop-in file per document; a document declared in several files is one document if the declarations agree (each key set in one of them, or set the same).",
        keys: [
            KeySpec("ref", .string, required: true, "Reference number as printed.", example: "\"5418/UBND-TKBT\""),
            KeySpec(
                "issued", .date, "Date of issue; due dates written without a year fall on or after it.",
                example: "\"19/11/2020\""),
            KeySpec(
                "title", .string,
                "What the document is about (its trích yếu), as printed under its kind; messages cite it after \"về việc\" (công văn) or \"về\", with its first letter in lower case.",
                example: "\"Triển khai thực hiện Chương trình hành động …\""),
            KeySpec(
                "issuer", .string, default: "none",
                "Who issued it, as messages name it (\"… ngày 19/11/2020 của UBND thành phố Hà Nội …\"); for `/QĐ-TTg` and `/NĐ-CP` references, Thủ tướng Chính phủ and Chính phủ when not given.",
                example: "\"UBND thành phố Hà Nội\""),
            KeySpec(
                "kind", .choice(DocumentKind.allCases.map(\.rawValue)), default: "from `ref`",
                "What kind of document it is, as messages cite it (\"Kế hoạch số 04-KH/TU …\"); a name or its abbreviation (`KH`). When not given, the reference shows it: `04-KH/TU` kế hoạch, `15-CT/TU` chỉ thị, `123/QĐ-UBND` quyết định, `45/TB-VP` thông báo, `5418/UBND-TKBT` or `12/CV-…` công văn.",
                example: "\"kế hoạch\""),
            KeySpec("url", .string, "Where to read it."),
        ])

    package static let deadline = TableSpec(
        "[[deadline]]", "A task with a due date. Give either `due` (once) or `repeat` (recurring).",
        keys: [
            KeySpec(
                "id", .string, required: true,
                "Stable, unique id (letters, digits, `.`, `-`, `_`); used by `deadlinectl done ID` and in the ledger. Never reuse one.",
                example: "\"5418-de-xuat\""),
            KeySpec("task", .string, required: true, "What is to be done, as the document says it."),
            KeySpec(
                "document", .string, default: "the file's only document",
                "Reference of the `[[document]]` that set the task.", example: "\"5418/UBND-TKBT\""),
            KeySpec(
                "units", .stringList, required: true, "Responsible units (ids from `[units.ID]`).",
                example: "[\"so-khdt\"]"),
            KeySpec(
                "due", .dueDate, "When it is due, once.", example: "\"10/12/2020\""),
            KeySpec(
                "repeat", .choice(RepeatKind.allCases.map(\.rawValue)),
                "When it is due, repeatedly (instead of `due`)."),
            KeySpec(
                "day", .dayOfMonth,
                "monthly, quarterly, half-yearly: the day of the month (31 means the month's last day in shorter months).",
                example: "20"),
            KeySpec(
                "month", .integer, default: "3 (quarterly), 6 (half-yearly)",
                "quarterly: month of the quarter (1–3); half-yearly: month of the half (1–6)."),
            KeySpec("weekday", .string, "weekly: the weekday (`monday` or `thứ hai`, ...).", example: "\"friday\""),
            KeySpec("date", .string, "yearly: the day and month.", example: "\"15/12\""),
            KeySpec(
                "time", .time, default: "daemon.closing_time", "Due time of each occurrence of a recurring deadline."),
            KeySpec(
                "from", .date, default: "the document's date", "Recurring: no occurrence before this day."),
            KeySpec("until", .date, "Recurring: no occurrence after this day."),
            KeySpec("channels", .stringList, default: "each unit's channels", "Channels for this deadline only."),
            KeySpec(
                "reminders", .table, default: "[reminders]",
                "This deadline's own reminder rules (same keys as `[reminders]`).",
                example: "{ before = [\"3d\", \"1d\"], overdue_every = \"2d\" }"),
            KeySpec("note", .string, "Free text for admins; not sent."),
        ])

    /// Every table, in the order the config reference lists them.
    package static let tables: [TableSpec] = [
        daemon, reminders, calendar, calendarOverride, calendarYear, calendarHoliday, unit, outboxChannel, smtpChannel,
        webhookChannel,
        document, deadline, store, web,
    ]

    /// Top-level tables of the main file and of drop-in files.
    package static let topLevelMain = [
        "daemon", "reminders", "calendar", "units", "channels", "document", "deadline", "store", "web",
    ]
    package static let topLevelDropIn = ["units", "channels", "document", "deadline"]
}
