import DeadlineKit

/// The built-in message templates, as a Vietnamese office writes a reminder (the rules of Nghị định
/// 30/2020/NĐ-CP on administrative writing), and their English twins in an English-speaking office's register.
///
/// The office is `[daemon] organization` (`{{organization}}`): it speaks in the first sentence, is the one to
/// tell when the work is done, and signs. Without it the sentences do without a subject. The document is cited
/// as a công văn cites one (`{{document}}`: kind, number, date, issuer, subject); times are written
/// `17 giờ 00, thứ Năm, ngày 10/12/2020` (`{{due_text}}`).
///
/// Admins may replace any of them with a file (see ``TemplateSet``). Subjects, text and chat are plain text
/// (nothing is HTML-escaped); the HTML template escapes every variable.
enum DefaultTemplates {
    static func source(_ part: TemplatePart, _ language: Language) -> String {
        switch (part, language) {
        case (.subject, .vi): subjectVi
        case (.subject, .en): subjectEn
        case (.text, .vi): textVi
        case (.text, .en): textEn
        case (.html, .vi): htmlVi
        case (.html, .en): htmlEn
        case (.chat, .vi): chatVi
        case (.chat, .en): chatEn
        case (.digestSubject, .vi): digestSubjectVi
        case (.digestSubject, .en): digestSubjectEn
        case (.digestText, .vi): digestTextVi
        case (.digestText, .en): digestTextEn
        case (.digestHTML, .vi): digestHTMLVi
        case (.digestHTML, .en): digestHTMLEn
        case (.digestChat, .vi): digestChatVi
        case (.digestChat, .en): digestChatEn
        }
    }

    static let subjectVi = """
        {{#is_test}}[THỬ NGHIỆM] {{/is_test}}{{#is_before}}[Nhắc việc] Còn {{time_left}} đến hạn: {{task_short}}{{/is_before}}{{#is_due}}[Nhắc việc] Hôm nay đến hạn: {{task_short}}{{/is_due}}{{#is_overdue}}[Đôn đốc] Quá hạn {{overdue_by}}: {{task_short}}{{/is_overdue}}{{#is_escalation}}[Báo cáo lãnh đạo] {{#is_group_escalation}}{{late_count}} đơn vị{{/is_group_escalation}}{{^is_group_escalation}}{{unit}}{{/is_group_escalation}} chưa hoàn thành nhiệm vụ quá hạn {{overdue_by}}: {{task_short}}{{#document_ref}} ({{document_ref}}){{/document_ref}}{{/is_escalation}}
        """

    static let subjectEn = """
        {{#is_test}}[TEST] {{/is_test}}{{#is_before}}[Reminder] Due in {{time_left}}: {{task_short}}{{/is_before}}{{#is_due}}[Reminder] Due today: {{task_short}}{{/is_due}}{{#is_overdue}}[Overdue] {{overdue_by}} overdue: {{task_short}}{{/is_overdue}}{{#is_escalation}}[Escalation] {{overdue_by}} overdue, not completed by {{#is_group_escalation}}{{late_count}} units{{/is_group_escalation}}{{^is_group_escalation}}{{unit}}{{/is_group_escalation}}: {{task_short}}{{#document_ref}} ({{document_ref}}){{/document_ref}}{{/is_escalation}}
        """

    static let textVi = """
        {{#is_test}}
        *** THƯ THỬ NGHIỆM: kiểm tra kênh gửi nhắc việc, không cần xử lý. ***

        {{/is_test}}
        {{#is_escalation}}
        Kính gửi: {{#is_group_escalation}}{{recipient_names}}{{/is_group_escalation}}{{^is_group_escalation}}Lãnh đạo {{unit}}{{/is_group_escalation}}
        {{/is_escalation}}
        {{^is_escalation}}
        Kính gửi: {{unit}}
        {{/is_escalation}}

        {{#is_before}}
        {{#organization}}{{organization}} trân trọng nhắc: còn{{/organization}}{{^organization}}Còn{{/organization}} {{time_left}} nữa là đến hạn thực hiện nhiệm vụ dưới đây.
        {{/is_before}}
        {{#is_due}}
        {{#organization}}{{organization}} trân trọng nhắc: hôm nay{{/organization}}{{^organization}}Hôm nay{{/organization}}, {{due_day_text}}, là hạn thực hiện nhiệm vụ dưới đây.
        {{/is_due}}
        {{#is_overdue}}
        Nhiệm vụ dưới đây đã quá hạn {{overdue_by}} nhưng chưa được báo cáo hoàn thành.{{#reminder_ordinal}} Đây là lần đôn đốc thứ {{reminder_ordinal}}.{{/reminder_ordinal}}
        {{/is_overdue}}
        {{#is_escalation}}
        {{#is_group_escalation}}
        Kính báo cáo: nhiệm vụ dưới đây đã quá hạn {{overdue_by}} nhưng các đơn vị sau chưa hoàn thành:
        {{#late_units}}
        - {{unit}}: đã được nhắc {{reminded_count}} lần, trong đó đôn đốc {{urged_count}} lần sau hạn{{#is_last}}.{{/is_last}}{{^is_last}};{{/is_last}}
        {{/late_units}}
        {{/is_group_escalation}}
        {{^is_group_escalation}}
        Kính báo cáo: nhiệm vụ dưới đây được giao cho {{unit}} đã quá hạn {{overdue_by}} nhưng chưa hoàn thành, mặc dù đơn vị đã được nhắc {{reminded_count}} lần, trong đó đôn đốc {{urged_count}} lần sau hạn.
        {{/is_group_escalation}}
        {{/is_escalation}}

        Nhiệm vụ: {{task}}
        {{#document}}
        Văn bản giao nhiệm vụ: {{document}}
        {{/document}}
        Đơn vị thực hiện: {{unit}}
        Thời hạn: {{due_text}}

        {{#is_before}}
        Đề nghị đơn vị chủ động triển khai, bảo đảm hoàn thành đúng thời hạn.
        {{/is_before}}
        {{#is_due}}
        Đề nghị đơn vị hoàn thành và báo cáo kết quả trong ngày hôm nay.
        {{/is_due}}
        {{#is_overdue}}
        Đề nghị đơn vị khẩn trương hoàn thành, báo cáo kết quả và nêu rõ lý do chậm trễ.
        {{/is_overdue}}
        {{#is_escalation}}
        Kính đề nghị đồng chí chỉ đạo {{#is_group_escalation}}các đơn vị trên{{/is_group_escalation}}{{^is_group_escalation}}đơn vị{{/is_group_escalation}} khẩn trương hoàn thành và báo cáo kết quả.
        {{/is_escalation}}
        {{^is_escalation}}
        Trường hợp đã hoàn thành, đề nghị đơn vị thông báo{{#organization}} cho {{organization}}{{/organization}} để dừng nhắc việc (mã việc: {{deadline_id}}){{#confirm_url}}, hoặc xác nhận hoàn thành tại đường dẫn:
        {{confirm_url}}{{/confirm_url}}{{^confirm_url}}.{{/confirm_url}}
        {{/is_escalation}}

        Trân trọng.
        {{#organization}}

        {{organization}}
        {{/organization}}

        --
        Thư được gửi tự động từ hệ thống nhắc việc deadlined.
        """

    static let textEn = """
        {{#is_test}}
        *** TEST MESSAGE: a check of the reminder channel; no action is needed. ***

        {{/is_test}}
        {{#is_escalation}}
        To: {{#is_group_escalation}}{{recipient_names}}{{/is_group_escalation}}{{^is_group_escalation}}the Head of {{unit}}{{/is_group_escalation}}
        {{/is_escalation}}
        {{^is_escalation}}
        To: {{unit}}
        {{/is_escalation}}

        {{#is_before}}
        {{#organization}}{{organization}} would like to remind you{{/organization}}{{^organization}}This is a reminder{{/organization}} that the task below is due in {{time_left}}.
        {{/is_before}}
        {{#is_due}}
        {{#organization}}{{organization}} would like to remind you{{/organization}}{{^organization}}This is a reminder{{/organization}} that the task below is due today, {{due_day_text}}.
        {{/is_due}}
        {{#is_overdue}}
        The task below is {{overdue_by}} overdue and has not been reported as completed.{{#reminder_ordinal}} This is the {{reminder_ordinal}} reminder since the deadline.{{/reminder_ordinal}}
        {{/is_overdue}}
        {{#is_escalation}}
        {{#is_group_escalation}}
        For your attention: the task below is {{overdue_by}} overdue, and the following units have not completed it:
        {{#late_units}}
        - {{unit}}: reminded {{reminded_times}}, {{urged_times}} after the deadline{{#is_last}}.{{/is_last}}{{^is_last}};{{/is_last}}
        {{/late_units}}
        {{/is_group_escalation}}
        {{^is_group_escalation}}
        For your attention: the task below, assigned to {{unit}}, is {{overdue_by}} overdue and has not been completed, although the unit has been reminded {{reminded_times}}, {{urged_times}} after the deadline.
        {{/is_group_escalation}}
        {{/is_escalation}}

        Task: {{task}}
        {{#document}}
        Assigned by: {{document}}
        {{/document}}
        Responsible unit: {{unit}}
        Deadline: {{due_text}}

        {{#is_before}}
        Please plan the work so that it is completed on time.
        {{/is_before}}
        {{#is_due}}
        Please complete the task and report on it today.
        {{/is_due}}
        {{#is_overdue}}
        Please complete the task as a matter of urgency, report the result and explain the delay.
        {{/is_overdue}}
        {{#is_escalation}}
        Please direct {{#is_group_escalation}}these units{{/is_group_escalation}}{{^is_group_escalation}}the unit{{/is_group_escalation}} to complete the task and report without delay.
        {{/is_escalation}}
        {{^is_escalation}}
        If the task has already been completed, please inform {{#organization}}{{organization}}{{/organization}}{{^organization}}us{{/organization}} so that these reminders stop (task ID: {{deadline_id}}){{#confirm_url}}, or confirm it at:
        {{confirm_url}}{{/confirm_url}}{{^confirm_url}}.{{/confirm_url}}
        {{/is_escalation}}

        Yours faithfully,
        {{#organization}}

        {{organization}}
        {{/organization}}

        --
        Sent automatically by the deadlined reminder system.
        """

    static let htmlVi = """
        <!DOCTYPE html>
        <html lang="vi"><head><meta charset="utf-8"><title>{{task_short}}</title></head>
        <body style="font-family: Arial, sans-serif; font-size: 14px; line-height: 1.5">
        {{#is_test}}<p style="color:#b00"><strong>THƯ THỬ NGHIỆM</strong>: kiểm tra kênh gửi nhắc việc, không cần xử lý.</p>{{/is_test}}
        <p>Kính gửi: {{#is_group_escalation}}<strong>{{recipient_names}}</strong>{{/is_group_escalation}}{{^is_group_escalation}}{{#is_escalation}}Lãnh đạo {{/is_escalation}}<strong>{{unit}}</strong>{{/is_group_escalation}}</p>
        {{#is_before}}<p>{{#organization}}{{organization}} trân trọng nhắc: còn{{/organization}}{{^organization}}Còn{{/organization}} <strong>{{time_left}}</strong> nữa là đến hạn thực hiện nhiệm vụ dưới đây.</p>{{/is_before}}
        {{#is_due}}<p>{{#organization}}{{organization}} trân trọng nhắc: hôm nay{{/organization}}{{^organization}}Hôm nay{{/organization}}, {{due_day_text}}, là <strong>hạn thực hiện</strong> nhiệm vụ dưới đây.</p>{{/is_due}}
        {{#is_overdue}}<p>Nhiệm vụ dưới đây đã <strong>quá hạn {{overdue_by}}</strong> nhưng chưa được báo cáo hoàn thành.{{#reminder_ordinal}} Đây là lần đôn đốc thứ {{reminder_ordinal}}.{{/reminder_ordinal}}</p>{{/is_overdue}}
        {{#is_escalation}}{{#is_group_escalation}}<p>Kính báo cáo: nhiệm vụ dưới đây đã <strong>quá hạn {{overdue_by}}</strong> nhưng các đơn vị sau chưa hoàn thành:</p>
        <ul>{{#late_units}}<li>{{unit}}: đã được nhắc {{reminded_count}} lần, trong đó đôn đốc {{urged_count}} lần sau hạn</li>{{/late_units}}</ul>{{/is_group_escalation}}{{^is_group_escalation}}<p>Kính báo cáo: nhiệm vụ dưới đây được giao cho {{unit}} đã <strong>quá hạn {{overdue_by}}</strong> nhưng chưa hoàn thành, mặc dù đơn vị đã được nhắc {{reminded_count}} lần, trong đó đôn đốc {{urged_count}} lần sau hạn.</p>{{/is_group_escalation}}{{/is_escalation}}
        <table style="border-collapse: collapse">
        <tr><td style="padding: 2px 12px 2px 0"><strong>Nhiệm vụ</strong></td><td>{{task}}</td></tr>
        {{#document}}<tr><td style="padding: 2px 12px 2px 0"><strong>Văn bản giao nhiệm vụ</strong></td><td>{{document}}</td></tr>{{/document}}
        <tr><td style="padding: 2px 12px 2px 0"><strong>Đơn vị thực hiện</strong></td><td>{{unit}}</td></tr>
        <tr><td style="padding: 2px 12px 2px 0"><strong>Thời hạn</strong></td><td>{{due_text}}</td></tr>
        </table>
        <p>{{#is_before}}Đề nghị đơn vị chủ động triển khai, bảo đảm hoàn thành đúng thời hạn.{{/is_before}}{{#is_due}}Đề nghị đơn vị hoàn thành và báo cáo kết quả trong ngày hôm nay.{{/is_due}}{{#is_overdue}}Đề nghị đơn vị khẩn trương hoàn thành, báo cáo kết quả và nêu rõ lý do chậm trễ.{{/is_overdue}}{{#is_escalation}}Kính đề nghị đồng chí chỉ đạo {{#is_group_escalation}}các đơn vị trên{{/is_group_escalation}}{{^is_group_escalation}}đơn vị{{/is_group_escalation}} khẩn trương hoàn thành và báo cáo kết quả.{{/is_escalation}}
        {{^is_escalation}}Trường hợp đã hoàn thành, đề nghị đơn vị thông báo{{#organization}} cho {{organization}}{{/organization}} để dừng nhắc việc (mã việc: <code>{{deadline_id}}</code>){{#confirm_url}}, hoặc <a href="{{confirm_url}}">xác nhận hoàn thành tại đây</a>{{/confirm_url}}.{{/is_escalation}}</p>
        <p>Trân trọng.</p>
        {{#organization}}<p><strong>{{organization}}</strong></p>{{/organization}}
        <p style="color:#777; font-size: 12px">Thư được gửi tự động từ hệ thống nhắc việc deadlined.</p>
        </body></html>
        """

    static let htmlEn = """
        <!DOCTYPE html>
        <html lang="en"><head><meta charset="utf-8"><title>{{task_short}}</title></head>
        <body style="font-family: Arial, sans-serif; font-size: 14px; line-height: 1.5">
        {{#is_test}}<p style="color:#b00"><strong>TEST MESSAGE</strong>: a check of the reminder channel; no action is needed.</p>{{/is_test}}
        <p>To: {{#is_group_escalation}}<strong>{{recipient_names}}</strong>{{/is_group_escalation}}{{^is_group_escalation}}{{#is_escalation}}the Head of {{/is_escalation}}<strong>{{unit}}</strong>{{/is_group_escalation}}</p>
        {{#is_before}}<p>{{#organization}}{{organization}} would like to remind you{{/organization}}{{^organization}}This is a reminder{{/organization}} that the task below is due in <strong>{{time_left}}</strong>.</p>{{/is_before}}
        {{#is_due}}<p>{{#organization}}{{organization}} would like to remind you{{/organization}}{{^organization}}This is a reminder{{/organization}} that the task below is <strong>due today</strong>, {{due_day_text}}.</p>{{/is_due}}
        {{#is_overdue}}<p>The task below is <strong>{{overdue_by}} overdue</strong> and has not been reported as completed.{{#reminder_ordinal}} This is the {{reminder_ordinal}} reminder since the deadline.{{/reminder_ordinal}}</p>{{/is_overdue}}
        {{#is_escalation}}{{#is_group_escalation}}<p>For your attention: the task below is <strong>{{overdue_by}} overdue</strong>, and the following units have not completed it:</p>
        <ul>{{#late_units}}<li>{{unit}}: reminded {{reminded_times}}, {{urged_times}} after the deadline</li>{{/late_units}}</ul>{{/is_group_escalation}}{{^is_group_escalation}}<p>For your attention: the task below, assigned to {{unit}}, is <strong>{{overdue_by}} overdue</strong> and has not been completed, although the unit has been reminded {{reminded_times}}, {{urged_times}} after the deadline.</p>{{/is_group_escalation}}{{/is_escalation}}
        <table style="border-collapse: collapse">
        <tr><td style="padding: 2px 12px 2px 0"><strong>Task</strong></td><td>{{task}}</td></tr>
        {{#document}}<tr><td style="padding: 2px 12px 2px 0"><strong>Assigned by</strong></td><td>{{document}}</td></tr>{{/document}}
        <tr><td style="padding: 2px 12px 2px 0"><strong>Responsible unit</strong></td><td>{{unit}}</td></tr>
        <tr><td style="padding: 2px 12px 2px 0"><strong>Deadline</strong></td><td>{{due_text}}</td></tr>
        </table>
        <p>{{#is_before}}Please plan the work so that it is completed on time.{{/is_before}}{{#is_due}}Please complete the task and report on it today.{{/is_due}}{{#is_overdue}}Please complete the task as a matter of urgency, report the result and explain the delay.{{/is_overdue}}{{#is_escalation}}Please direct {{#is_group_escalation}}these units{{/is_group_escalation}}{{^is_group_escalation}}the unit{{/is_group_escalation}} to complete the task and report without delay.{{/is_escalation}}
        {{^is_escalation}}If the task has already been completed, please inform {{#organization}}{{organization}}{{/organization}}{{^organization}}us{{/organization}} so that these reminders stop (task ID: <code>{{deadline_id}}</code>){{#confirm_url}}, or <a href="{{confirm_url}}">confirm it here</a>{{/confirm_url}}.{{/is_escalation}}</p>
        <p>Yours faithfully,</p>
        {{#organization}}<p><strong>{{organization}}</strong></p>{{/organization}}
        <p style="color:#777; font-size: 12px">Sent automatically by the deadlined reminder system.</p>
        </body></html>
        """

    static let chatVi = """
        {{#is_test}}[THỬ NGHIỆM] {{/is_test}}{{#is_before}}⏰ Còn {{time_left}} đến hạn{{/is_before}}{{#is_due}}⏰ Hôm nay đến hạn{{/is_due}}{{#is_overdue}}⚠️ Quá hạn {{overdue_by}}{{#reminder_ordinal}} (đôn đốc lần thứ {{reminder_ordinal}}){{/reminder_ordinal}}{{/is_overdue}}{{#is_escalation}}🔺 Báo cáo lãnh đạo: quá hạn {{overdue_by}}, đã đôn đốc {{urged_count}} lần{{/is_escalation}}
        Nhiệm vụ: {{task}}
        Đơn vị: {{unit}}
        Hạn: {{due_text}}{{#document_ref}}
        Văn bản: {{document_ref}}{{/document_ref}}
        Mã việc: {{deadline_id}}{{#confirm_url}}
        Xác nhận hoàn thành: {{confirm_url}}{{/confirm_url}}
        """

    static let chatEn = """
        {{#is_test}}[TEST] {{/is_test}}{{#is_before}}⏰ Due in {{time_left}}{{/is_before}}{{#is_due}}⏰ Due today{{/is_due}}{{#is_overdue}}⚠️ {{overdue_by}} overdue{{#reminder_ordinal}} ({{reminder_ordinal}} reminder since the deadline){{/reminder_ordinal}}{{/is_overdue}}{{#is_escalation}}🔺 Escalation: {{overdue_by}} overdue, urged {{urged_times}}{{/is_escalation}}
        Task: {{task}}
        Unit: {{unit}}
        Deadline: {{due_text}}{{#document_ref}}
        Document: {{document_ref}}{{/document_ref}}
        Task ID: {{deadline_id}}{{#confirm_url}}
        Confirm it done: {{confirm_url}}{{/confirm_url}}
        """

    // A unit's digest: one message a day listing its deadlines due soon and overdue, overdue ones first.

    static let digestSubjectVi = """
        {{#is_test}}[THỬ NGHIỆM] {{/is_test}}[Tổng hợp nhắc việc] {{unit}}, ngày {{digest_date}}: {{count_text}}{{#has_overdue}}, trong đó {{overdue_count}} nhiệm vụ quá hạn{{/has_overdue}}
        """

    static let digestSubjectEn = """
        {{#is_test}}[TEST] {{/is_test}}[Reminder digest] {{unit}}, {{digest_date}}: {{count_text}}{{#has_overdue}}, {{overdue_count}} overdue{{/has_overdue}}
        """

    static let digestTextVi = """
        {{#is_test}}
        *** THƯ THỬ NGHIỆM: kiểm tra kênh gửi nhắc việc, không cần xử lý. ***

        {{/is_test}}
        Kính gửi: {{unit}}

        {{#organization}}{{organization}} tổng hợp{{/organization}}{{^organization}}Tổng hợp{{/organization}} {{count_text}} của đơn vị sắp đến hạn{{#has_overdue}} hoặc đã quá hạn{{/has_overdue}}, tính đến {{send_text}}:

        {{#items}}
        {{number}}. {{task}}
           Thời hạn: {{due_text}} ({{status}}){{#document}}
           Văn bản giao nhiệm vụ: {{document}}{{/document}}
           Mã việc: {{deadline_id}}

        {{/items}}
        {{#has_overdue}}
        Đề nghị đơn vị khẩn trương hoàn thành các nhiệm vụ đã quá hạn, báo cáo kết quả và nêu rõ lý do chậm trễ.
        {{/has_overdue}}
        {{#has_upcoming}}
        Đề nghị đơn vị chủ động triển khai, bảo đảm hoàn thành {{#has_overdue}}các nhiệm vụ còn lại{{/has_overdue}}{{^has_overdue}}các nhiệm vụ{{/has_overdue}} đúng thời hạn.
        {{/has_upcoming}}
        Trường hợp đã hoàn thành nhiệm vụ nào, đề nghị đơn vị thông báo{{#organization}} cho {{organization}}{{/organization}}, kèm mã việc, để dừng nhắc việc.

        Trân trọng.
        {{#organization}}

        {{organization}}
        {{/organization}}

        --
        Thư được gửi tự động từ hệ thống nhắc việc deadlined.
        """

    static let digestTextEn = """
        {{#is_test}}
        *** TEST MESSAGE: a check of the reminder channel; no action is needed. ***

        {{/is_test}}
        To: {{unit}}

        {{#organization}}{{organization}} would like to remind you that your{{/organization}}{{^organization}}Your{{/organization}} unit has {{count_text}} due soon{{#has_overdue}} or overdue{{/has_overdue}}, as of {{send_text}}:

        {{#items}}
        {{number}}. {{task}}
           Deadline: {{due_text}} ({{status}}){{#document}}
           Assigned by: {{document}}{{/document}}
           Task ID: {{deadline_id}}

        {{/items}}
        {{#has_overdue}}
        Please complete the overdue tasks as a matter of urgency, report the results and explain the delay.
        {{/has_overdue}}
        {{#has_upcoming}}
        Please plan the work so that {{#has_overdue}}the other tasks are{{/has_overdue}}{{^has_overdue}}every task is{{/has_overdue}} completed on time.
        {{/has_upcoming}}
        If a task has already been completed, please inform {{#organization}}{{organization}}{{/organization}}{{^organization}}us{{/organization}}, quoting its task ID, so that its reminders stop.

        Yours faithfully,
        {{#organization}}

        {{organization}}
        {{/organization}}

        --
        Sent automatically by the deadlined reminder system.
        """

    static let digestHTMLVi = """
        <!DOCTYPE html>
        <html lang="vi"><head><meta charset="utf-8"><title>Tổng hợp nhắc việc ngày {{digest_date}}</title></head>
        <body style="font-family: Arial, sans-serif; font-size: 14px; line-height: 1.5">
        {{#is_test}}<p style="color:#b00"><strong>THƯ THỬ NGHIỆM</strong>: kiểm tra kênh gửi nhắc việc, không cần xử lý.</p>{{/is_test}}
        <p>Kính gửi: <strong>{{unit}}</strong></p>
        <p>{{#organization}}{{organization}} tổng hợp{{/organization}}{{^organization}}Tổng hợp{{/organization}} {{count_text}} của đơn vị sắp đến hạn{{#has_overdue}} hoặc đã quá hạn{{/has_overdue}}, tính đến {{send_text}}:</p>
        <table style="border-collapse: collapse">
        <tr><th style="text-align:left; padding: 2px 12px 2px 0">TT</th><th style="text-align:left; padding: 2px 12px 2px 0">Nhiệm vụ</th><th style="text-align:left; padding: 2px 12px 2px 0">Thời hạn</th><th style="text-align:left; padding: 2px 12px 2px 0">Tình trạng</th><th style="text-align:left">Mã việc</th></tr>
        {{#items}}<tr><td style="padding: 2px 12px 2px 0">{{number}}</td><td style="padding: 2px 12px 2px 0">{{task}}{{#document}}<br><small>{{document}}</small>{{/document}}</td><td style="padding: 2px 12px 2px 0">{{due_text}}</td><td style="padding: 2px 12px 2px 0">{{#is_overdue}}<strong style="color:#b00">{{status}}</strong>{{/is_overdue}}{{^is_overdue}}{{status}}{{/is_overdue}}</td><td><code>{{deadline_id}}</code></td></tr>
        {{/items}}</table>
        <p>{{#has_overdue}}Đề nghị đơn vị khẩn trương hoàn thành các nhiệm vụ đã quá hạn, báo cáo kết quả và nêu rõ lý do chậm trễ. {{/has_overdue}}{{#has_upcoming}}Đề nghị đơn vị chủ động triển khai, bảo đảm hoàn thành {{#has_overdue}}các nhiệm vụ còn lại{{/has_overdue}}{{^has_overdue}}các nhiệm vụ{{/has_overdue}} đúng thời hạn. {{/has_upcoming}}Trường hợp đã hoàn thành nhiệm vụ nào, đề nghị đơn vị thông báo{{#organization}} cho {{organization}}{{/organization}}, kèm mã việc, để dừng nhắc việc.</p>
        <p>Trân trọng.</p>
        {{#organization}}<p><strong>{{organization}}</strong></p>{{/organization}}
        <p style="color:#777; font-size: 12px">Thư được gửi tự động từ hệ thống nhắc việc deadlined.</p>
        </body></html>
        """

    static let digestHTMLEn = """
        <!DOCTYPE html>
        <html lang="en"><head><meta charset="utf-8"><title>Reminder digest {{digest_date}}</title></head>
        <body style="font-family: Arial, sans-serif; font-size: 14px; line-height: 1.5">
        {{#is_test}}<p style="color:#b00"><strong>TEST MESSAGE</strong>: a check of the reminder channel; no action is needed.</p>{{/is_test}}
        <p>To: <strong>{{unit}}</strong></p>
        <p>{{#organization}}{{organization}} would like to remind you that your{{/organization}}{{^organization}}Your{{/organization}} unit has {{count_text}} due soon{{#has_overdue}} or overdue{{/has_overdue}}, as of {{send_text}}:</p>
        <table style="border-collapse: collapse">
        <tr><th style="text-align:left; padding: 2px 12px 2px 0">No.</th><th style="text-align:left; padding: 2px 12px 2px 0">Task</th><th style="text-align:left; padding: 2px 12px 2px 0">Deadline</th><th style="text-align:left; padding: 2px 12px 2px 0">Status</th><th style="text-align:left">Task ID</th></tr>
        {{#items}}<tr><td style="padding: 2px 12px 2px 0">{{number}}</td><td style="padding: 2px 12px 2px 0">{{task}}{{#document}}<br><small>{{document}}</small>{{/document}}</td><td style="padding: 2px 12px 2px 0">{{due_text}}</td><td style="padding: 2px 12px 2px 0">{{#is_overdue}}<strong style="color:#b00">{{status}}</strong>{{/is_overdue}}{{^is_overdue}}{{status}}{{/is_overdue}}</td><td><code>{{deadline_id}}</code></td></tr>
        {{/items}}</table>
        <p>{{#has_overdue}}Please complete the overdue tasks as a matter of urgency, report the results and explain the delay. {{/has_overdue}}{{#has_upcoming}}Please plan the work so that {{#has_overdue}}the other tasks are{{/has_overdue}}{{^has_overdue}}every task is{{/has_overdue}} completed on time. {{/has_upcoming}}If a task has already been completed, please inform {{#organization}}{{organization}}{{/organization}}{{^organization}}us{{/organization}}, quoting its task ID, so that its reminders stop.</p>
        <p>Yours faithfully,</p>
        {{#organization}}<p><strong>{{organization}}</strong></p>{{/organization}}
        <p style="color:#777; font-size: 12px">Sent automatically by the deadlined reminder system.</p>
        </body></html>
        """

    static let digestChatVi = """
        {{#is_test}}[THỬ NGHIỆM] {{/is_test}}📋 Tổng hợp nhắc việc ngày {{digest_date}}: {{unit}}, {{count_text}}{{#has_overdue}} ({{overdue_count}} quá hạn){{/has_overdue}}
        {{#items}}
        {{number}}. {{task_short}} – hạn {{due_text}} ({{status}}) [{{deadline_id}}]
        {{/items}}
        """

    static let digestChatEn = """
        {{#is_test}}[TEST] {{/is_test}}📋 Reminder digest {{digest_date}}: {{unit}}, {{count_text}}{{#has_overdue}} ({{overdue_count}} overdue){{/has_overdue}}
        {{#items}}
        {{number}}. {{task_short}} – deadline {{due_text}} ({{status}}) [{{deadline_id}}]
        {{/items}}
        """
}
