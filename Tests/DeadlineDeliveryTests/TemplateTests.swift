@testable import DeadlineDelivery
import DeadlineKit
import Testing

/// A reminder for 5418-de-xuat, seven days before 17:00 10/12/2020.
func deXuatFacts(
    kind: ReminderKind = .before, rule: String = "7d", sendAt: String = "2020-12-03T08:00:00+07:00",
    language: Language = .vi, recipients: [Mailbox] = [], reminderNumber: Int = 0, isTest: Bool = false
) -> ReminderFacts {
    let zone = ZoneRules.vietnam
    let due = zone.instant(
        for: LocalDateTime(CivilDate(year: 2020, month: 12, day: 10)!, TimeOfDay(hour: 17, minute: 0)!))
    let send = try! MomentParser.parse(sendAt, zone: zone).get()
    return ReminderFacts(
        key: "5418-de-xuat|2020-12-10|\(rule)|so-khdt|email", deadlineID: "5418-de-xuat",
        task: "Báo cáo tham mưu, đề xuất các nhiệm vụ, giải pháp, nội dung công việc cụ thể trình UBND TP",
        documentRef: "5418/UBND-TKBT", documentTitle: nil, unitID: "so-khdt", unitName: "Sở Kế hoạch và Đầu tư",
        kind: kind,
        rule: rule, occurrence: CivilDate(year: 2020, month: 12, day: 10)!, due: due, sendAt: send,
        reminderNumber: reminderNumber, recipients: recipients, zone: zone, language: language, isTest: isTest)
}

@Suite("Message templates")
struct TemplateTests {
    @Test("a reminder without document details cites it by its number, its kind read from it")
    func vietnameseBefore() {
        let m = TemplateSet.builtIn.render(deXuatFacts())
        #expect(
            m.subject
                == "[Nhắc việc] Còn 7 ngày đến hạn: Báo cáo tham mưu, đề xuất các nhiệm vụ, giải pháp, nội dung công việc cụ thể…"
        )
        #expect(m.text.contains("\nVăn bản giao nhiệm vụ: Công văn số 5418/UBND-TKBT\n"), "\(m.text)")
        #expect(m.text.contains("\nThời hạn: 17 giờ 00, thứ Năm, ngày 10/12/2020\n"), "\(m.text)")
    }

    @Test("urging after the deadline, and two hours before it, in both languages")
    func otherKinds() {
        let overdue = TemplateSet.builtIn.render(
            deXuatFacts(kind: .overdue, rule: "overdue-2", sendAt: "2020-12-12T08:00:00+07:00", reminderNumber: 2))
        #expect(overdue.subject.hasPrefix("[Đôn đốc] Quá hạn 2 ngày: "))
        #expect(
            overdue.text.contains(
                "Nhiệm vụ dưới đây đã quá hạn 2 ngày nhưng chưa được báo cáo hoàn thành. Đây là lần đôn đốc thứ hai."))
        #expect(
            overdue.text.contains("Đề nghị đơn vị khẩn trương hoàn thành, báo cáo kết quả và nêu rõ lý do chậm trễ."))
        let hours = TemplateSet.builtIn.render(
            deXuatFacts(rule: "2h", sendAt: "2020-12-10T15:00:00+07:00", language: .en))
        #expect(hours.subject.hasPrefix("[Reminder] Due in 2 hours: "))
        #expect(
            hours.text.hasPrefix(
                "To: Sở Kế hoạch và Đầu tư\n\nThis is a reminder that the task below is due in 2 hours.\n"))
        let test = TemplateSet.builtIn.render(deXuatFacts(isTest: true))
        #expect(test.subject.hasPrefix("[THỬ NGHIỆM] [Nhắc việc]"))
    }

    @Test("a message states the facts of the moment it is sent: a '1 day' reminder sent on the due day says 'today'")
    func restatedAtSending() {
        let planned = deXuatFacts(rule: "1d", sendAt: "2020-12-09T08:00:00+07:00")
        #expect(TemplateSet.builtIn.render(planned).subject.hasPrefix("[Nhắc việc] Còn 1 ngày đến hạn: "))
        let zone = ZoneRules.vietnam
        func at(_ text: String) -> Instant { try! MomentParser.parse(text, zone: zone).get() }
        let dueDay = planned.restated(at: at("2020-12-10T09:30:00+07:00"))
        #expect(dueDay.kind == .due)
        #expect(TemplateSet.builtIn.render(dueDay).subject.hasPrefix("[Nhắc việc] Hôm nay đến hạn: "))
        // After downtime, on 11/12: overdue by a day, an urging without a number (it is not one of the planned ones).
        let late = planned.restated(at: at("2020-12-11T08:00:00+07:00"))
        #expect(late.kind == .overdue)
        #expect(late.reminderNumber == 0)
        let text = TemplateSet.builtIn.render(late).text
        #expect(text.contains("Nhiệm vụ dưới đây đã quá hạn 1 ngày nhưng chưa được báo cáo hoàn thành.\n"))
        #expect(!text.contains("lần đôn đốc"))
        // A retry of urging 2 that succeeds a day later says how late it is then, and keeps its number.
        let retried = deXuatFacts(
            kind: .overdue, rule: "overdue-2", sendAt: "2020-12-14T08:00:00+07:00", reminderNumber: 2
        )
        .restated(at: at("2020-12-15T10:00:00+07:00"))
        #expect(TemplateSet.builtIn.render(retried).subject.hasPrefix("[Đôn đốc] Quá hạn 5 ngày: "))
        #expect(TemplateSet.builtIn.render(retried).text.contains("Đây là lần đôn đốc thứ hai."))
        // Escalations keep their kind.
        var escalation = deXuatFacts(kind: .escalation, rule: "escalation-1", sendAt: "2020-12-14T08:00:00+07:00")
        escalation.reminderNumber = 1
        #expect(escalation.restated(at: at("2020-12-15T08:00:00+07:00")).kind == .escalation)
    }

    @Test("only the parts a channel sends are rendered, each the same as in a full rendering; the subject always")
    func partsAChannelSends() {
        let full = TemplateSet.builtIn.render(deXuatFacts())
        let webhook = TemplateSet.builtIn.render(deXuatFacts(), parts: [.text])
        #expect(webhook == RenderedMessage(subject: full.subject, text: full.text, html: "", chat: ""))
        let chat = TemplateSet.builtIn.render(deXuatFacts(), parts: [.subject, .chat])
        #expect(chat == RenderedMessage(subject: full.subject, text: "", html: "", chat: full.chat))
        #expect(!full.html.isEmpty && !full.chat.isEmpty)
    }

    @Test("plain text is never HTML-escaped; HTML is")
    func escaping() {
        var facts = deXuatFacts()
        facts.task = "Báo cáo <khẩn> & \"đúng hạn\""
        let m = TemplateSet.builtIn.render(facts)
        #expect(m.text.contains("Nhiệm vụ: Báo cáo <khẩn> & \"đúng hạn\"\n"))
        #expect(m.subject.contains("Báo cáo <khẩn> & \"đúng hạn\""))
        #expect(m.html.contains("Báo cáo &lt;khẩn&gt; &amp; &quot;đúng hạn&quot;"))
        #expect(!m.html.contains("<khẩn>"))
    }

    @Test("an admin's template that names an unknown variable is an error at its line and column")
    func unknownVariable() {
        let source =
            "Kính gửi: {{unit}}\nHạn: {{due_date}}\nViệc: {{tasks}}\n{{#is_overdue}}Quá {{overdue_days}}{{/is_overdue}}\n"
        let diagnostics = TemplateSet.validate(source, part: .text, file: "templates/text.vi.mustache")
        #expect(diagnostics.map { "\($0.span.range!.start)" } == ["4:20", "3:7"])
        #expect(diagnostics.allSatisfy { $0.severity == .error })
        #expect(
            diagnostics.first { $0.message.contains("'tasks'") }?.message.hasPrefix(
                "unknown template variable 'tasks'; did you mean 'task'?") == true)
        #expect(
            diagnostics.contains {
                $0.description.hasPrefix("templates/text.vi.mustache:3:7: error: unknown template variable 'tasks'")
            })
    }

    @Test("a template that does not parse is an error at its position")
    func parseError() {
        let diagnostics = TemplateSet.validate(
            "Kính gửi {{unit}}\n{{#is_due}}Hôm nay\n", part: .subject, file: "subject.vi.mustache")
        #expect(diagnostics.count == 1)
        #expect(diagnostics[0].description.hasPrefix("subject.vi.mustache:"))
        #expect(diagnostics[0].message.contains("never closed"))
    }

    @Test("overrides replace one template and leave the rest; bad file names are warned about")
    func overrides() {
        let (set, diagnostics) = TemplateSet.load(overrides: [
            "subject.vi.mustache": (path: "t/subject.vi.mustache", source: "Nhắc: {{task_short}} ({{due_date}})"),
            "subjct.vi.mustache": (path: "t/subjct.vi.mustache", source: "x"),
        ])
        #expect(diagnostics.count == 1 && diagnostics[0].severity == .warning)
        let m = set.render(deXuatFacts())
        #expect(
            m.subject
                == "Nhắc: Báo cáo tham mưu, đề xuất các nhiệm vụ, giải pháp, nội dung công việc cụ thể… (10/12/2020)")
        #expect(m.text.hasPrefix("Kính gửi: Sở Kế hoạch và Đầu tư"))
        #expect(set.overriddenFiles == ["t/subject.vi.mustache"])
    }

    @Test("every built-in template renders every sample without unknown variables")
    func builtInsAreClean() {
        for part in TemplatePart.allCases {
            for language in Language.allCases {
                #expect(
                    TemplateSet.validate(
                        DefaultTemplates.source(part, language), part: part, file: "\(part).\(language)"
                    ).isEmpty)
            }
        }
    }
}
