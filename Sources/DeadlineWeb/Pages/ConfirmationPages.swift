import DeadlineKit

/// The pages a confirmation link leads to, in the language of the message that carried it. A page for a link
/// that cannot be read says so in Vietnamese and English.
enum ConfirmationPages {
    struct Words {
        let title, task, document, due, unit, intro, note, button, validUntil, recorded, stopped, already,
            expired: String
        let expiredTitle, invalidTitle, invalid, notFound, tooMany, unavailable, notFoundTitle, errorTitle: String
    }

    static func words(_ language: Language) -> Words {
        switch language {
        case .vi:
            Words(
                title: "Xác nhận đã hoàn thành nhiệm vụ", task: "Nhiệm vụ", document: "Văn bản", due: "Hạn",
                unit: "Đơn vị",
                intro:
                    "Khi đơn vị đã hoàn thành nhiệm vụ này, bấm nút dưới đây. Hệ thống ghi nhận và dừng nhắc việc cho đơn vị.",
                note: "Ghi chú (không bắt buộc), ví dụ số văn bản báo cáo", button: "Xác nhận đã hoàn thành",
                validUntil: "Liên kết này dùng được đến", recorded: "Đã ghi nhận: đơn vị đã hoàn thành nhiệm vụ lúc",
                stopped: "Hệ thống đã dừng nhắc việc nhiệm vụ này cho đơn vị. Xin cảm ơn!",
                already: "Nhiệm vụ này đã được xác nhận hoàn thành từ trước, lúc",
                expired: "Liên kết này đã hết hạn. Xin liên hệ văn phòng để được ghi nhận hoàn thành.",
                expiredTitle: "Liên kết đã hết hạn", invalidTitle: "Liên kết không hợp lệ",
                invalid: "Liên kết không hợp lệ. Hãy mở đúng liên kết trong thư nhắc việc, hoặc liên hệ văn phòng.",
                notFound: "Nhiệm vụ này không còn trong danh sách theo dõi của văn phòng.",
                tooMany: "Có quá nhiều yêu cầu từ địa chỉ này. Xin thử lại sau ít phút.",
                unavailable: "Hệ thống tạm thời chưa ghi nhận được; chưa có gì thay đổi. Xin thử lại sau ít phút.",
                notFoundTitle: "Không tìm thấy", errorTitle: "Chưa ghi nhận được")
        case .en:
            Words(
                title: "Confirm the task done", task: "Task", document: "Document", due: "Due", unit: "Unit",
                intro:
                    "When your unit has finished this task, press the button below. It is recorded and your unit's reminders stop.",
                note: "Note (optional), e.g. the reference of your report", button: "Confirm the task done",
                validUntil: "This link works until", recorded: "Recorded: the unit finished the task at",
                stopped: "The reminders of this task to your unit have stopped. Thank you!",
                already: "This task was already confirmed done, at",
                expired: "This link has expired. Please ask the office to record the task done.",
                expiredTitle: "The link has expired", invalidTitle: "Invalid link",
                invalid: "This link is not valid. Open the link in the reminder exactly, or ask the office.",
                notFound: "This task is no longer followed by the office.",
                tooMany: "Too many requests from this address. Please try again in a few minutes.",
                unavailable: "It could not be recorded just now; nothing changed. Please try again in a few minutes.",
                notFoundTitle: "Not found", errorTitle: "Not recorded yet")
        }
    }

    static func details(_ view: ConfirmationView, _ w: Words) -> String {
        var rows = "<dt>\(w.task)</dt><dd>\(HTML.escape(view.task))</dd>\n"
        if let document = view.document { rows += "<dt>\(w.document)</dt><dd>\(HTML.escape(document))</dd>\n" }
        rows += "<dt>\(w.due)</dt><dd>\(HTML.escape(view.due))</dd>\n"
        rows += "<dt>\(w.unit)</dt><dd>\(HTML.escape(view.unitName))</dd>\n"
        return "<dl>\n\(rows)</dl>\n"
    }

    /// GET: the facts and the button, or that it was confirmed already.
    static func form(_ view: ConfirmationView, language: Language) -> HTMLDocument {
        let w = words(language)
        var body = "<main>\n<h1>\(w.title)</h1>\n" + details(view, w)
        if let prior = view.confirmed {
            body += "<p class=\"ok\">\(w.already) \(HTML.escape(prior.at)), \(HTML.escape(prior.by)).</p>\n"
        } else {
            body += """
                <p>\(w.intro)</p>
                <form method="post">
                <label for="note">\(w.note)</label>
                <textarea id="note" name="note" maxlength="\(FormBody.maxNoteLength)"></textarea>
                <button type="submit">\(w.button)</button>
                </form>
                <p class="muted">\(w.validUntil) \(HTML.escape(view.expires)).</p>

                """
        }
        return HTMLDocument(language: language, title: w.title, body: body + "</main>")
    }

    /// POST, recorded now.
    static func recorded(_ view: ConfirmationView?, at: String, language: Language) -> HTMLDocument {
        let w = words(language)
        let body =
            "<main>\n<h1>\(w.title)</h1>\n" + (view.map { details($0, w) } ?? "")
            + "<p class=\"ok\">\(w.recorded) \(HTML.escape(at)).<br>\(w.stopped)</p>\n</main>"
        return HTMLDocument(language: language, title: w.title, body: body)
    }

    /// POST, a second time.
    static func already(_ view: ConfirmationView?, prior: PriorConfirmation, language: Language) -> HTMLDocument {
        let w = words(language)
        let body =
            "<main>\n<h1>\(w.title)</h1>\n" + (view.map { details($0, w) } ?? "")
            + "<p class=\"ok\">\(w.already) \(HTML.escape(prior.at)), \(HTML.escape(prior.by)).</p>\n</main>"
        return HTMLDocument(language: language, title: w.title, body: body)
    }

    static func expired(_ view: ConfirmationView?, language: Language) -> HTMLDocument {
        let w = words(language)
        let body =
            "<main>\n<h1>\(w.expiredTitle)</h1>\n" + (view.map { details($0, w) } ?? "")
            + "<p class=\"warn\">\(w.expired)</p>\n</main>"
        return HTMLDocument(language: language, title: w.expiredTitle, body: body)
    }

    static func message(
        _ language: Language, title: KeyPath<Words, String>, text: KeyPath<Words, String>, tone: String
    )
        -> HTMLDocument
    {
        let w = words(language)
        return HTMLDocument(
            language: language, title: w[keyPath: title],
            body: "<main>\n<h1>\(w[keyPath: title])</h1>\n<p class=\"\(tone)\">\(w[keyPath: text])</p>\n</main>")
    }

    /// A link that cannot be read (forged, cut short, signed with an old key), or a path that is no page: both
    /// languages, since nothing says which.
    static func bilingual(title: KeyPath<Words, String>, text: KeyPath<Words, String>) -> HTMLDocument {
        let vi = words(.vi)
        let en = words(.en)
        return HTMLDocument(
            language: .vi, title: "\(vi[keyPath: title]) · \(en[keyPath: title])",
            body: """
                <main>
                <h1>\(vi[keyPath: title])</h1>
                <p class="bad">\(vi[keyPath: text])</p>
                <h1 lang="en">\(en[keyPath: title])</h1>
                <p class="bad" lang="en">\(en[keyPath: text])</p>
                </main>
                """)
    }
}
