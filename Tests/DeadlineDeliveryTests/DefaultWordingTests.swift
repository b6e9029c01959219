@testable import DeadlineDelivery
import DeadlineKit
import Testing

/// The built-in messages, word for word, as a reviewer who writes công văn for a Hanoi office expects them: for
/// directive 5418/UBND-TKBT, sent by Văn phòng UBND Thành phố Hà Nội to Sở Kế hoạch và Đầu tư.
enum Wording5418 {
    static let office = "Văn phòng UBND Thành phố Hà Nội"
    static let zone = ZoneRules.vietnam
    static let task = "Báo cáo tham mưu, đề xuất các nhiệm vụ, giải pháp, nội dung công việc cụ thể trình UBND TP"
    static let document = Document(
        ref: "5418/UBND-TKBT", issued: CivilDate(year: 2020, month: 11, day: 19),
        title:
            "Triển khai thực hiện Chương trình hành động thực hiện Nghị quyết Đại hội đại biểu lần thứ XVII Đảng bộ Thành phố",
        issuer: "UBND thành phố Hà Nội")

    static func at(_ text: String) -> Instant { try! MomentParser.parse(text, zone: zone).get() }

    static func facts(
        _ kind: ReminderKind, _ rule: String, sendAt: String, _ language: Language, number: Int = 0,
        organization: String? = office
    ) -> ReminderFacts {
        var facts = ReminderFacts(
            key: "5418-de-xuat|2020-12-10|\(rule)|so-khdt|email", deadlineID: "5418-de-xuat", task: task,
            documentRef: document.ref, documentTitle: document.title, unitID: "so-khdt",
            unitName: "Sở Kế hoạch và Đầu tư",
            kind: kind, rule: rule, occurrence: CivilDate(year: 2020, month: 12, day: 10)!,
            due: at("2020-12-10T17:00:00+07:00"),
            sendAt: at(sendAt), reminderNumber: number, recipients: [], zone: zone, language: language,
            document: document,
            organization: organization)
        if kind == .escalation {
            facts.remindedCount = 6
            facts.urgedCount = 2
        }
        return facts
    }

    static func groupEscalation(_ language: Language) -> ReminderFacts {
        var facts = facts(.escalation, "escalation-1", sendAt: "2020-12-15T08:00:00+07:00", language, number: 1)
        facts.unitID = "so-khdt+so-tc"
        facts.unitName = "Sở Kế hoạch và Đầu tư, Sở Tài chính"
        facts.recipients = [Mailbox(displayName: "Văn phòng Thành ủy", address: "vanphong@thanhuy.hanoi.example")]
        facts.lateUnits = [
            LateUnit(id: "so-khdt", name: "Sở Kế hoạch và Đầu tư", remindedCount: 6, urgedCount: 2),
            LateUnit(id: "so-tc", name: "Sở Tài chính", remindedCount: 5, urgedCount: 2),
        ]
        return facts
    }

    static func digest(_ language: Language) -> ReminderFacts {
        ReminderFacts(
            digestKey: "@digest|2020-12-14|digest|so-khdt|email", unitID: "so-khdt", unitName: "Sở Kế hoạch và Đầu tư",
            day: CivilDate(year: 2020, month: 12, day: 14)!, sendAt: at("2020-12-14T07:30:00+07:00"),
            items: [
                DigestEntry(
                    deadlineID: "5418-de-xuat", task: "Báo cáo tham mưu, đề xuất các nhiệm vụ, giải pháp",
                    documentRef: "5418/UBND-TKBT",
                    occurrence: CivilDate(year: 2020, month: 12, day: 10)!, due: at("2020-12-10T17:00:00+07:00")),
                DigestEntry(
                    deadlineID: "5418-ke-hoach", task: "Dự thảo kế hoạch tổng thể", documentRef: nil,
                    occurrence: CivilDate(year: 2020, month: 12, day: 14)!, due: at("2020-12-14T17:00:00+07:00")),
                DigestEntry(
                    deadlineID: "04kh-can-bo", task: "Tổ chức hội nghị cán bộ chủ chốt", documentRef: "04-KH/TU",
                    occurrence: CivilDate(year: 2020, month: 12, day: 31)!, due: at("2020-12-31T17:00:00+07:00")),
            ],
            recipients: [], zone: zone, language: language, organization: office)
    }

    static let citationVi =
        "Công văn số 5418/UBND-TKBT ngày 19/11/2020 của UBND thành phố Hà Nội về việc triển khai thực hiện Chương trình hành động thực hiện Nghị quyết Đại hội đại biểu lần thứ XVII Đảng bộ Thành phố"
    static let citationEn =
        "Official Letter No. 5418/UBND-TKBT of 19 November 2020 from UBND thành phố Hà Nội on “Triển khai thực hiện Chương trình hành động thực hiện Nghị quyết Đại hội đại biểu lần thứ XVII Đảng bộ Thành phố”"
    static let shortTask = "Báo cáo tham mưu, đề xuất các nhiệm vụ, giải pháp, nội dung công việc cụ thể…"

    /// The block every Vietnamese reminder has: task, document, unit, deadline.
    static func factsVi(unit: String = "Sở Kế hoạch và Đầu tư") -> String {
        """
        Nhiệm vụ: \(task)
        Văn bản giao nhiệm vụ: \(citationVi)
        Đơn vị thực hiện: \(unit)
        Thời hạn: 17 giờ 00, thứ Năm, ngày 10/12/2020
        """
    }

    static func factsEn(unit: String = "Sở Kế hoạch và Đầu tư") -> String {
        """
        Task: \(task)
        Assigned by: \(citationEn)
        Responsible unit: \(unit)
        Deadline: 17:00 on Thursday, 10 December 2020
        """
    }

    static let signatureVi = """
        Trân trọng.

        Văn phòng UBND Thành phố Hà Nội

        --
        Thư được gửi tự động từ hệ thống nhắc việc deadlined.

        """

    static let signatureEn = """
        Yours faithfully,

        Văn phòng UBND Thành phố Hà Nội

        --
        Sent automatically by the deadlined reminder system.

        """
}

@Suite("The built-in messages, word for word, in both languages")
struct DefaultWordingTests {
    typealias W = Wording5418

    @Test("seven days before, in Vietnamese")
    func beforeVi() {
        let m = TemplateSet.builtIn.render(W.facts(.before, "7d", sendAt: "2020-12-03T08:00:00+07:00", .vi))
        #expect(m.subject == "[Nhắc việc] Còn 7 ngày đến hạn: \(W.shortTask)")
        #expect(
            m.text == """
                Kính gửi: Sở Kế hoạch và Đầu tư

                Văn phòng UBND Thành phố Hà Nội trân trọng nhắc: còn 7 ngày nữa là đến hạn thực hiện nhiệm vụ dưới đây.

                \(W.factsVi())

                Đề nghị đơn vị chủ động triển khai, bảo đảm hoàn thành đúng thời hạn.
                Trường hợp đã hoàn thành, đề nghị đơn vị thông báo cho Văn phòng UBND Thành phố Hà Nội để dừng nhắc việc (mã việc: 5418-de-xuat).

                \(W.signatureVi)
                """)
        #expect(
            m.chat == """
                ⏰ Còn 7 ngày đến hạn
                Nhiệm vụ: \(W.task)
                Đơn vị: Sở Kế hoạch và Đầu tư
                Hạn: 17 giờ 00, thứ Năm, ngày 10/12/2020
                Văn bản: 5418/UBND-TKBT
                Mã việc: 5418-de-xuat

                """)
        #expect(
            m.html.contains(
                "<p>Văn phòng UBND Thành phố Hà Nội trân trọng nhắc: còn <strong>7 ngày</strong> nữa là đến hạn"))
        #expect(m.html.contains("<td>\(W.citationVi)</td>"))
    }

    @Test("seven days before, in English")
    func beforeEn() {
        let m = TemplateSet.builtIn.render(W.facts(.before, "7d", sendAt: "2020-12-03T08:00:00+07:00", .en))
        #expect(m.subject == "[Reminder] Due in 7 days: \(W.shortTask)")
        #expect(
            m.text == """
                To: Sở Kế hoạch và Đầu tư

                Văn phòng UBND Thành phố Hà Nội would like to remind you that the task below is due in 7 days.

                \(W.factsEn())

                Please plan the work so that it is completed on time.
                If the task has already been completed, please inform Văn phòng UBND Thành phố Hà Nội so that these reminders stop (task ID: 5418-de-xuat).

                \(W.signatureEn)
                """)
        #expect(
            m.chat == """
                ⏰ Due in 7 days
                Task: \(W.task)
                Unit: Sở Kế hoạch và Đầu tư
                Deadline: 17:00 on Thursday, 10 December 2020
                Document: 5418/UBND-TKBT
                Task ID: 5418-de-xuat

                """)
    }

    @Test("on the due day, in both languages")
    func due() {
        let vi = TemplateSet.builtIn.render(W.facts(.due, "due", sendAt: "2020-12-10T08:00:00+07:00", .vi))
        #expect(vi.subject == "[Nhắc việc] Hôm nay đến hạn: \(W.shortTask)")
        #expect(
            vi.text == """
                Kính gửi: Sở Kế hoạch và Đầu tư

                Văn phòng UBND Thành phố Hà Nội trân trọng nhắc: hôm nay, thứ Năm, ngày 10/12/2020, là hạn thực hiện nhiệm vụ dưới đây.

                \(W.factsVi())

                Đề nghị đơn vị hoàn thành và báo cáo kết quả trong ngày hôm nay.
                Trường hợp đã hoàn thành, đề nghị đơn vị thông báo cho Văn phòng UBND Thành phố Hà Nội để dừng nhắc việc (mã việc: 5418-de-xuat).

                \(W.signatureVi)
                """)
        let en = TemplateSet.builtIn.render(W.facts(.due, "due", sendAt: "2020-12-10T08:00:00+07:00", .en))
        #expect(en.subject == "[Reminder] Due today: \(W.shortTask)")
        #expect(
            en.text == """
                To: Sở Kế hoạch và Đầu tư

                Văn phòng UBND Thành phố Hà Nội would like to remind you that the task below is due today, Thursday, 10 December 2020.

                \(W.factsEn())

                Please complete the task and report on it today.
                If the task has already been completed, please inform Văn phòng UBND Thành phố Hà Nội so that these reminders stop (task ID: 5418-de-xuat).

                \(W.signatureEn)
                """)
    }

    @Test("the second urging after the deadline, in both languages")
    func overdue() {
        let vi = TemplateSet.builtIn.render(
            W.facts(.overdue, "overdue-2", sendAt: "2020-12-12T08:00:00+07:00", .vi, number: 2))
        #expect(vi.subject == "[Đôn đốc] Quá hạn 2 ngày: \(W.shortTask)")
        #expect(
            vi.text == """
                Kính gửi: Sở Kế hoạch và Đầu tư

                Nhiệm vụ dưới đây đã quá hạn 2 ngày nhưng chưa được báo cáo hoàn thành. Đây là lần đôn đốc thứ hai.

                \(W.factsVi())

                Đề nghị đơn vị khẩn trương hoàn thành, báo cáo kết quả và nêu rõ lý do chậm trễ.
                Trường hợp đã hoàn thành, đề nghị đơn vị thông báo cho Văn phòng UBND Thành phố Hà Nội để dừng nhắc việc (mã việc: 5418-de-xuat).

                \(W.signatureVi)
                """)
        #expect(vi.chat.hasPrefix("⚠️ Quá hạn 2 ngày (đôn đốc lần thứ hai)\n"))
        let en = TemplateSet.builtIn.render(
            W.facts(.overdue, "overdue-2", sendAt: "2020-12-12T08:00:00+07:00", .en, number: 2))
        #expect(en.subject == "[Overdue] 2 days overdue: \(W.shortTask)")
        #expect(
            en.text == """
                To: Sở Kế hoạch và Đầu tư

                The task below is 2 days overdue and has not been reported as completed. This is the second reminder since the deadline.

                \(W.factsEn())

                Please complete the task as a matter of urgency, report the result and explain the delay.
                If the task has already been completed, please inform Văn phòng UBND Thành phố Hà Nội so that these reminders stop (task ID: 5418-de-xuat).

                \(W.signatureEn)
                """)
    }

    @Test("the urgings count thứ nhất, thứ hai, thứ ba, thứ tư, thứ năm")
    func ordinals() {
        let said = (1...5).map { n in
            TemplateSet.builtIn.render(
                W.facts(.overdue, "overdue-\(n)", sendAt: "2020-12-14T08:00:00+07:00", .vi, number: n)
            ).text
        }
        for (text, word) in zip(said, ["nhất", "hai", "ba", "tư", "năm"]) {
            #expect(text.contains(" Đây là lần đôn đốc thứ \(word).\n"), "\(text)")
        }
    }

    @Test("an escalation to the unit's head: no request to report back, which is the unit's to do")
    func escalationToHead() {
        let vi = TemplateSet.builtIn.render(
            W.facts(.escalation, "escalation-1", sendAt: "2020-12-15T08:00:00+07:00", .vi, number: 1))
        #expect(
            vi.subject
                == "[Báo cáo lãnh đạo] Sở Kế hoạch và Đầu tư chưa hoàn thành nhiệm vụ quá hạn 5 ngày: \(W.shortTask) (5418/UBND-TKBT)"
        )
        #expect(
            vi.text == """
                Kính gửi: Lãnh đạo Sở Kế hoạch và Đầu tư

                Kính báo cáo: nhiệm vụ dưới đây được giao cho Sở Kế hoạch và Đầu tư đã quá hạn 5 ngày nhưng chưa hoàn thành, mặc dù đơn vị đã được nhắc 6 lần, trong đó đôn đốc 2 lần sau hạn.

                \(W.factsVi())

                Kính đề nghị đồng chí chỉ đạo đơn vị khẩn trương hoàn thành và báo cáo kết quả.

                \(W.signatureVi)
                """)
        let en = TemplateSet.builtIn.render(
            W.facts(.escalation, "escalation-1", sendAt: "2020-12-15T08:00:00+07:00", .en, number: 1))
        #expect(
            en.subject
                == "[Escalation] 5 days overdue, not completed by Sở Kế hoạch và Đầu tư: \(W.shortTask) (5418/UBND-TKBT)"
        )
        #expect(
            en.text == """
                To: the Head of Sở Kế hoạch và Đầu tư

                For your attention: the task below, assigned to Sở Kế hoạch và Đầu tư, is 5 days overdue and has not been completed, although the unit has been reminded 6 times, twice after the deadline.

                \(W.factsEn())

                Please direct the unit to complete the task and report without delay.

                \(W.signatureEn)
                """)
    }

    @Test("an escalation to the supervisors of several late units lists each, the last with a full stop")
    func escalationToSupervisors() {
        let vi = TemplateSet.builtIn.render(W.groupEscalation(.vi))
        #expect(
            vi.subject
                == "[Báo cáo lãnh đạo] 2 đơn vị chưa hoàn thành nhiệm vụ quá hạn 5 ngày: \(W.shortTask) (5418/UBND-TKBT)"
        )
        #expect(
            vi.text == """
                Kính gửi: Văn phòng Thành ủy

                Kính báo cáo: nhiệm vụ dưới đây đã quá hạn 5 ngày nhưng các đơn vị sau chưa hoàn thành:
                - Sở Kế hoạch và Đầu tư: đã được nhắc 6 lần, trong đó đôn đốc 2 lần sau hạn;
                - Sở Tài chính: đã được nhắc 5 lần, trong đó đôn đốc 2 lần sau hạn.

                \(W.factsVi(unit: "Sở Kế hoạch và Đầu tư, Sở Tài chính"))

                Kính đề nghị đồng chí chỉ đạo các đơn vị trên khẩn trương hoàn thành và báo cáo kết quả.

                \(W.signatureVi)
                """)
        let en = TemplateSet.builtIn.render(W.groupEscalation(.en))
        #expect(en.subject == "[Escalation] 5 days overdue, not completed by 2 units: \(W.shortTask) (5418/UBND-TKBT)")
        #expect(
            en.text == """
                To: Văn phòng Thành ủy

                For your attention: the task below is 5 days overdue, and the following units have not completed it:
                - Sở Kế hoạch và Đầu tư: reminded 6 times, twice after the deadline;
                - Sở Tài chính: reminded 5 times, twice after the deadline.

                \(W.factsEn(unit: "Sở Kế hoạch và Đầu tư, Sở Tài chính"))

                Please direct these units to complete the task and report without delay.

                \(W.signatureEn)
                """)
    }

    @Test("a unit's digest, in Vietnamese")
    func digestVi() {
        let m = TemplateSet.builtIn.render(W.digest(.vi))
        #expect(
            m.subject
                == "[Tổng hợp nhắc việc] Sở Kế hoạch và Đầu tư, ngày 14/12/2020: 3 nhiệm vụ, trong đó 1 nhiệm vụ quá hạn"
        )
        #expect(
            m.text == """
                Kính gửi: Sở Kế hoạch và Đầu tư

                Văn phòng UBND Thành phố Hà Nội tổng hợp 3 nhiệm vụ của đơn vị sắp đến hạn hoặc đã quá hạn, tính đến 7 giờ 30, thứ Hai, ngày 14/12/2020:

                1. Báo cáo tham mưu, đề xuất các nhiệm vụ, giải pháp
                   Thời hạn: 17 giờ 00, thứ Năm, ngày 10/12/2020 (QUÁ HẠN 4 ngày)
                   Văn bản giao nhiệm vụ: Công văn số 5418/UBND-TKBT
                   Mã việc: 5418-de-xuat

                2. Dự thảo kế hoạch tổng thể
                   Thời hạn: 17 giờ 00, thứ Hai, ngày 14/12/2020 (hôm nay đến hạn)
                   Mã việc: 5418-ke-hoach

                3. Tổ chức hội nghị cán bộ chủ chốt
                   Thời hạn: 17 giờ 00, thứ Năm, ngày 31/12/2020 (còn 17 ngày)
                   Văn bản giao nhiệm vụ: Kế hoạch số 04-KH/TU
                   Mã việc: 04kh-can-bo

                Đề nghị đơn vị khẩn trương hoàn thành các nhiệm vụ đã quá hạn, báo cáo kết quả và nêu rõ lý do chậm trễ.
                Đề nghị đơn vị chủ động triển khai, bảo đảm hoàn thành các nhiệm vụ còn lại đúng thời hạn.
                Trường hợp đã hoàn thành nhiệm vụ nào, đề nghị đơn vị thông báo cho Văn phòng UBND Thành phố Hà Nội, kèm mã việc, để dừng nhắc việc.

                \(W.signatureVi)
                """)
        #expect(
            m.chat == """
                📋 Tổng hợp nhắc việc ngày 14/12/2020: Sở Kế hoạch và Đầu tư, 3 nhiệm vụ (1 quá hạn)
                1. Báo cáo tham mưu, đề xuất các nhiệm vụ, giải pháp – hạn 17 giờ 00, thứ Năm, ngày 10/12/2020 (QUÁ HẠN 4 ngày) [5418-de-xuat]
                2. Dự thảo kế hoạch tổng thể – hạn 17 giờ 00, thứ Hai, ngày 14/12/2020 (hôm nay đến hạn) [5418-ke-hoach]
                3. Tổ chức hội nghị cán bộ chủ chốt – hạn 17 giờ 00, thứ Năm, ngày 31/12/2020 (còn 17 ngày) [04kh-can-bo]

                """)
    }

    @Test("a unit's digest, in English")
    func digestEn() {
        let m = TemplateSet.builtIn.render(W.digest(.en))
        #expect(m.subject == "[Reminder digest] Sở Kế hoạch và Đầu tư, 14/12/2020: 3 tasks, 1 overdue")
        #expect(
            m.text == """
                To: Sở Kế hoạch và Đầu tư

                Văn phòng UBND Thành phố Hà Nội would like to remind you that your unit has 3 tasks due soon or overdue, as of 07:30 on Monday, 14 December 2020:

                1. Báo cáo tham mưu, đề xuất các nhiệm vụ, giải pháp
                   Deadline: 17:00 on Thursday, 10 December 2020 (OVERDUE by 4 days)
                   Assigned by: Official Letter No. 5418/UBND-TKBT
                   Task ID: 5418-de-xuat

                2. Dự thảo kế hoạch tổng thể
                   Deadline: 17:00 on Monday, 14 December 2020 (due today)
                   Task ID: 5418-ke-hoach

                3. Tổ chức hội nghị cán bộ chủ chốt
                   Deadline: 17:00 on Thursday, 31 December 2020 (due in 17 days)
                   Assigned by: Plan No. 04-KH/TU
                   Task ID: 04kh-can-bo

                Please complete the overdue tasks as a matter of urgency, report the results and explain the delay.
                Please plan the work so that the other tasks are completed on time.
                If a task has already been completed, please inform Văn phòng UBND Thành phố Hà Nội, quoting its task ID, so that its reminders stop.

                \(W.signatureEn)
                """)
    }

    @Test("with the web side on, the unit may confirm the task done at its link, on a line of its own")
    func confirmationLink() {
        var facts = W.facts(.overdue, "overdue-1", sendAt: "2020-12-11T08:00:00+07:00", .vi, number: 1)
        facts.confirmURL = "https://nhacviec.hanoi.example/xac-nhan/MWN8dmk"
        let vi = TemplateSet.builtIn.render(facts)
        #expect(
            vi.text.contains(
                """

                Trường hợp đã hoàn thành, đề nghị đơn vị thông báo cho Văn phòng UBND Thành phố Hà Nội để dừng nhắc việc (mã việc: 5418-de-xuat), hoặc xác nhận hoàn thành tại đường dẫn:
                https://nhacviec.hanoi.example/xac-nhan/MWN8dmk

                Trân trọng.
                """), "\(vi.text)")
        #expect(
            vi.html.contains(
                ", hoặc <a href=\"https://nhacviec.hanoi.example/xac-nhan/MWN8dmk\">xác nhận hoàn thành tại đây</a>."))
        #expect(
            vi.chat.hasSuffix(
                "Mã việc: 5418-de-xuat\nXác nhận hoàn thành: https://nhacviec.hanoi.example/xac-nhan/MWN8dmk\n"))
        facts.language = .en
        let en = TemplateSet.builtIn.render(facts)
        #expect(
            en.text.contains(
                """
                so that these reminders stop (task ID: 5418-de-xuat), or confirm it at:
                https://nhacviec.hanoi.example/xac-nhan/MWN8dmk

                Yours faithfully,
                """), "\(en.text)")
        #expect(
            en.chat.hasSuffix(
                "Task ID: 5418-de-xuat\nConfirm it done: https://nhacviec.hanoi.example/xac-nhan/MWN8dmk\n"))
    }

    @Test("without [daemon] organization the sentences do without it, and nobody signs")
    func withoutOrganization() {
        let vi = TemplateSet.builtIn.render(
            W.facts(.before, "7d", sendAt: "2020-12-03T08:00:00+07:00", .vi, organization: nil))
        #expect(vi.text.contains("\n\nCòn 7 ngày nữa là đến hạn thực hiện nhiệm vụ dưới đây.\n\n"), "\(vi.text)")
        #expect(
            vi.text.contains(
                "\nTrường hợp đã hoàn thành, đề nghị đơn vị thông báo để dừng nhắc việc (mã việc: 5418-de-xuat).\n"))
        #expect(
            vi.text.hasSuffix("\n\nTrân trọng.\n\n--\nThư được gửi tự động từ hệ thống nhắc việc deadlined.\n"),
            "\(vi.text)")
        let en = TemplateSet.builtIn.render(
            W.facts(.due, "due", sendAt: "2020-12-10T08:00:00+07:00", .en, organization: nil))
        #expect(
            en.text.contains("\n\nThis is a reminder that the task below is due today, Thursday, 10 December 2020.\n\n")
        )
        #expect(en.text.contains("please inform us so that these reminders stop"))
    }
}

@Suite("How a message cites a document")
struct DocumentCitationTests {
    @Test(
        "kind, number, date, issuer and subject, as far as they are known",
        arguments: [
            (
                Document(
                    ref: "04-KH/TU", issued: CivilDate(year: 2020, month: 11, day: 18),
                    title: "Nghiên cứu, quán triệt Nghị quyết", issuer: "Ban Thường vụ Thành ủy Hà Nội"),
                "Kế hoạch số 04-KH/TU ngày 18/11/2020 của Ban Thường vụ Thành ủy Hà Nội về nghiên cứu, quán triệt Nghị quyết",
                "Plan No. 04-KH/TU of 18 November 2020 from Ban Thường vụ Thành ủy Hà Nội on “Nghiên cứu, quán triệt Nghị quyết”"
            ),
            (
                Document(ref: "15-CT/TU", issued: nil), "Chỉ thị số 15-CT/TU", "Directive No. 15-CT/TU"
            ),
            (
                Document(ref: "123/QĐ-TTg", issued: CivilDate(year: 2021, month: 1, day: 5)),
                "Quyết định số 123/QĐ-TTg ngày 05/01/2021 của Thủ tướng Chính phủ",
                "Decision No. 123/QĐ-TTg of 5 January 2021 from Thủ tướng Chính phủ"
            ),
            (
                Document(ref: "45/TB-VP", issued: nil, title: "UBND Thành phố cho lùi hạn"),
                "Thông báo số 45/TB-VP về UBND Thành phố cho lùi hạn",
                "Notice No. 45/TB-VP on “UBND Thành phố cho lùi hạn”"
            ),
            (Document(ref: "BC-7", issued: nil), "Văn bản số BC-7", "Document No. BC-7"),
            (
                Document(ref: "7/KH-UBND", issued: nil, kind: .congVan), "Công văn số 7/KH-UBND",
                "Official Letter No. 7/KH-UBND"
            ),
        ])
    func citation(document: Document, vietnamese: String, english: String) {
        #expect(DocumentCitation(document).text(.vi) == vietnamese)
        #expect(DocumentCitation(document).text(.en) == english)
    }
}
