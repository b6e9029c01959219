import Testing

@testable import DeadlineDelivery

@Suite("SMTP transcript from libcurl's debug callback")
struct SMTPTranscriptTests {
    /// Feeds the recorder as libcurl does: one chunk per command sent or reply line received.
    static func record(_ script: [(sent: Bool, text: String)]) -> SMTPTranscriptRecorder {
        var recorder = SMTPTranscriptRecorder()
        for step in script {
            let bytes = Array(step.text.utf8)
            bytes.withUnsafeBytes { raw in
                if step.sent { recorder.recordSent(raw) } else { recorder.recordReceived(raw) }
            }
        }
        return recorder
    }

    @Test("commands and replies pair up; multi-line replies join; DATA gets 354 and the final reply")
    func pairing() {
        let recorder = Self.record([
            (false, "220 mail.example.org ESMTP\r\n"),
            (true, "EHLO client\r\n"),
            (false, "250-mail.example.org\r\n"), (false, "250-SIZE 1000\r\n"), (false, "250 HELP\r\n"),
            (true, "MAIL FROM:<a@x.vn> SIZE=10\r\n"), (false, "250 2.1.0 Ok\r\n"),
            (true, "RCPT TO:<b@x.vn>\r\n"), (false, "550 5.1.1 <b@x.vn>: unknown\r\n"),
            (true, "RCPT TO:<c@x.vn>\r\n"), (false, "250 2.1.5 Ok\r\n"),
            (true, "DATA\r\n"), (false, "354 go ahead\r\n"), (false, "250 2.0.0 Ok: queued as X1\r\n"),
        ])
        let exchanges = recorder.exchanges
        #expect(
            exchanges.map(\.command) == [
                .greeting, .hello, .mailFrom("a@x.vn"), .recipient("b@x.vn"), .recipient("c@x.vn"), .data,
            ])
        #expect(exchanges[1].finalReply == SMTPReply(code: 250, lines: ["mail.example.org", "SIZE 1000", "HELP"]))
        #expect(exchanges.recipientReplies.map(\.reply?.code) == [550, 250])
        #expect(exchanges.messageReply?.description == "250 2.0.0 Ok: queued as X1")
    }

    @Test("credentials sent during AUTH PLAIN and AUTH LOGIN are never recorded")
    func credentialsNeverRecorded() {
        // base64("\0user\0hunter2") and base64("hunter2").
        let plain = Self.record([
            (true, "AUTH PLAIN AHVzZXIAaHVudGVyMg==\r\n"), (false, "235 2.7.0 Authentication successful\r\n"),
            (true, "MAIL FROM:<a@x.vn>\r\n"), (false, "250 Ok\r\n"),
        ])
        #expect(plain.exchanges.map(\.command) == [.auth(mechanism: "PLAIN"), .mailFrom("a@x.vn")])
        let login = Self.record([
            (true, "AUTH LOGIN\r\n"), (false, "334 VXNlcm5hbWU6\r\n"),
            (true, "dXNlcg==\r\n"), (false, "334 UGFzc3dvcmQ6\r\n"),
            (true, "aHVudGVyMg==\r\n"), (false, "535 5.7.8 Authentication credentials invalid\r\n"),
            (true, "QUIT\r\n"),
        ])
        #expect(
            login.exchanges.map(\.command) == [.auth(mechanism: "LOGIN"), .authContinuation, .authContinuation, .quit])
        let everything = "\(plain.exchanges) \(login.exchanges)"
        #expect(
            !everything.contains("aHVudGVyMg") && !everything.contains("AHVzZXIAaHVudGVyMg")
                && !everything.contains("hunter2"))
    }

    @Test("garbage and overlong input stay bounded")
    func bounded() {
        var script: [(sent: Bool, text: String)] = [(false, "not a reply\r\n"), (false, "12\r\n")]
        script += Array(repeating: (true, "NOOP\r\n"), count: 2000)
        let recorder = Self.record(script)
        #expect(recorder.exchanges.count == recorder.exchangeLimit)
        #expect(recorder.exchanges.allSatisfy { $0.replies.isEmpty })
    }
}
