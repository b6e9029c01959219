@testable import DeadlineDelivery
import DeadlineKit
import Testing

/// Reading back what deadlined writes, for `deadlinectl outbox`: headers decoded, the plain text found and decoded.
@Suite("MIME reader")
struct MIMEReaderTests {
    @Test("a reminder as the outbox writes it reads back word for word")
    func roundTrip() throws {
        let facts = deXuatFacts(recipients: [
            Mailbox(displayName: "Văn thư Sở KH&ĐT", address: "vanthu@khdt.hanoi.example")
        ])
        let rendered = TemplateSet.builtIn.render(facts)
        let reminder = OutgoingReminder(facts: facts, message: rendered, attempt: 1, now: facts.sendAt)
        let sender = try EmailAddress("nhacviec@hanoi.example", displayName: "Văn phòng UBND Thành phố")
        let bytes = try EmailComposer.message(for: reminder, from: sender, replyTo: nil, attachICS: true).render()
        let read = MIMEReader.read(bytes)
        #expect(read.header("Subject") == rendered.subject)
        #expect(read.header("From") == "Văn phòng UBND Thành phố <nhacviec@hanoi.example>")
        #expect(read.header("X-Deadlined-Key") == facts.key)
        #expect(read.text == rendered.text)
    }

    @Test("encoded-words: B and Q, adjacent ones joined, plain text between them kept")
    func encodedWords() {
        #expect(MIMEReader.decodeWords("=?UTF-8?B?xJDDtG4gxJHhu5Fj?= =?UTF-8?Q?_l=E1=BA=A7n_1?=") == "Đôn đốc lần 1")
        #expect(MIMEReader.decodeWords("Re: =?UTF-8?Q?S=E1=BB=9F?= KH") == "Re: Sở KH")
        #expect(MIMEReader.decodeWords("=?UTF-8?X?bad?=") == "=?UTF-8?X?bad?=")
    }

    @Test(
        "malformed input never traps",
        arguments: [
            "", "\r\n\r\n", "Content-Type: multipart/mixed; boundary=\"\"\r\n\r\n--\r\n", "=?",
            "a: =?UTF-8?B?!!?=\n\nx=", "Content-Transfer-Encoding: base64\n\n%%%",
        ])
    func malformed(_ text: String) {
        _ = MIMEReader.read(Array(text.utf8))
    }
}
