import DeadlineKit
import DeadlineService
import Testing

/// `deadlinectl plan --json` streams its text (``PlanReport/writeJSON(to:)``) byte for byte as the JSON tree
/// (``PlanReport/json()``) renders it: with digests and their items, escalations to supervisors, one message per
/// recipient, null and escaped strings, and a window with nothing in it.
@Suite struct PlanJSONTests {
    static let zone = ZoneRules.vietnam

    static func d(_ day: Int, _ m: Int, _ y: Int) -> CivilDate { CivilDate(year: y, month: m, day: day)! }
    static func t(_ h: Int, _ m: Int = 0) -> TimeOfDay { TimeOfDay(hour: h, minute: m)! }
    static func at(_ day: Int, _ m: Int, _ y: Int, _ h: Int = 0) -> Instant {
        zone.instant(for: LocalDateTime(d(day, m, y), t(h)))
    }
    static func mailbox(_ s: String) -> Mailbox { try! Mailbox.parse(s).get() }

    static let planner: ReminderPlanner = {
        let supervisor = mailbox("Văn phòng Thành ủy <vanphong@thanhuy.example>")
        let escalation = EscalationRule(afterUrges: 1, every: .days(2), limit: 2, supervisors: [supervisor])
        let units = [
            Unit(
                id: "so-khdt", name: "Sở Kế hoạch và Đầu tư",
                recipients: [mailbox("vanthu@khdt.example"), mailbox("Phó phòng <pho@khdt.example>")],
                heads: [mailbox("giamdoc@khdt.example")], escalation: escalation),
            Unit(
                id: "so-tc", name: "Sở Tài chính", recipients: [mailbox("vanthu@stc.example")],
                heads: [mailbox("giamdoc@stc.example")], escalation: escalation),
            Unit(
                id: "so-xd", name: "Sở Xây dựng", recipients: [mailbox("vanthu@sxd.example")],
                digest: Unit.Digest(time: t(7, 30))),
        ]
        let deadlines = [
            Deadline(
                id: "5418-de-xuat", task: "Báo cáo", documentRef: "5418/UBND-TKBT \"khẩn\" \\ \t",
                units: ["so-khdt", "so-tc"],
                schedule: .once(LocalDateTime(d(10, 12, 2026), t(17))),
                rules: ReminderRules(
                    before: [.days(7), .workingDays(2), .hours(2)], overdueEvery: .days(1), overdueLimit: 3)),
            Deadline(
                id: "bao-cao-thang", task: "Báo cáo tháng", documentRef: nil, units: ["so-xd", "so-khdt"],
                schedule: .recurring(Recurrence(pattern: Recurrence.monthly(day: .day(20)), time: t(17))),
                rules: ReminderRules(before: [.weeks(1), .minutes(30)], overdueEvery: .hours(4), overdueLimit: 2),
                channels: ["email", "chat"]),
        ]
        let agenda = Agenda(
            settings: AgendaSettings(zone: zone, defaultChannels: ["email"]), units: units,
            channels: [
                ChannelInfo(name: "email", kind: .smtp, onePerRecipient: true),
                ChannelInfo(name: "chat", kind: .webhook),
            ],
            documents: [], deadlines: deadlines)
        return ReminderPlanner(agenda: agenda)
    }()

    static func streamed(_ report: PlanReport) -> String {
        var bytes: [UInt8] = []
        report.writeJSON { bytes.append(contentsOf: $0) }
        return String(decoding: bytes, as: UTF8.self)
    }

    @Test(arguments: [
        (at(1, 1, 2026), at(1, 1, 2027)),
        (at(10, 12, 2026, 8), at(10, 12, 2026, 9)),
        (at(1, 1, 2030), at(1, 1, 2030, 1)),
    ])
    func sameTextAsTheTree(window: (Instant, Instant)) {
        let report = PlanReport(planner: Self.planner, from: window.0, to: window.1)
        #expect(Self.streamed(report) == report.json().rendered())
    }

    @Test func theYearHasEveryShape() {
        let text = PlanReport(planner: Self.planner, from: Self.at(1, 1, 2026), to: Self.at(1, 1, 2027)).json()
            .rendered()
        for shape in [
            "\"kind\": \"digest\"", "\"items\": [", "\"kind\": \"escalation\"", "so-khdt+so-tc",
            "\\\"khẩn\\\" \\\\ \\t",
            "\"document\": null", "|pho@khdt.example\"", "\"rule\": \"30m\"", "\"rule\": \"2wd\"",
        ] {
            #expect(text.contains(shape), "\(shape)")
        }
    }
}
