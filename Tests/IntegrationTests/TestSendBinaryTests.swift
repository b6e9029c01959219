import Foundation
import TestSupport
import Testing

/// `deadlinectl test-send` per channel type, against real servers on 127.0.0.1: what an admin runs after
/// setting up a channel.
@Suite("deadlinectl test-send against real servers", .serialized)
struct TestSendBinaryTests {
    @Test(
        "smtp with STARTTLS and AUTH, webhook signed, outbox: each delivers one marked test message; a dead server fails with exit 1"
    )
    func everyChannelType() async throws {
        let certificates = try TestCertificates.shared()
        let smtp = try SMTPTestServer(.init(tls: .starttls(required: true), user: "nhacviec", password: "mật-khẩu-thử"))
        defer { smtp.stop() }
        let secret = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"
        let http = try HTTPTestServer(webhookSecret: secret)
        defer { http.stop() }
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let password = try dir.write("smtp-password", "mật-khẩu-thử\n", mode: 0o600)
        let secretFile = try dir.write("webhook-secret", secret + "\n", mode: 0o600)
        let dead = try HTTPTestServer.unusedPort()
        let config = try dir.write(
            "deadlined.toml",
            """
            [daemon]
            state_directory = "\(dir.path)/state"

            [channels.email]
            type = "smtp"
            url = "smtp://localhost:\(smtp.port)"
            from = "Văn phòng UBND Thành phố <nhacviec@hanoi.example>"
            username = "nhacviec"
            password_file = "\(password)"
            ca_file = "\(certificates.caCertificate)"
            timeout = "10s"

            [channels.hook]
            type = "webhook"
            url = "\(http.baseURL)/hooks/nhac-viec"
            secret_file = "\(secretFile)"

            [channels.outbox]
            type = "outbox"
            directory = "outbox"

            [channels.dead]
            type = "webhook"
            url = "http://127.0.0.1:\(dead)/x"
            connect_timeout = "2s"

            [units.so-khdt]
            name = "Sở Kế hoạch và Đầu tư"
            recipients = ["Văn thư Sở KH&ĐT <vanthu@khdt.hanoi.example>"]
            channels = ["email", "hook", "outbox"]
            """)
        let env = ProcessRunner.environment(removing: ["DEADLINED_CONFIG", "STATE_DIRECTORY"])
        func testSend(_ args: [String]) async throws -> ProcessResult {
            try await ProcessRunner.run(
                BuiltProducts.path("deadlinectl"), ["test-send"] + args + ["--config", config], environment: env)
        }

        let email = try await testSend(["email"])
        #expect(email.succeeded, "\(email)")
        #expect(email.stdout.hasPrefix("đã gửi qua 'email' tới vanthu@khdt.hanoi.example: 250"), "\(email)")
        let messages = try smtp.messages()
        #expect(messages.count == 1)
        #expect(messages.first?.tls == true && messages.first?.authenticatedUser == "nhacviec")
        let message = try #require(messages.first)
        let verified = try await verifyWithPython(message.data)
        #expect(verified.subject.hasPrefix("[THỬ NGHIỆM] "), "\(verified.subject)")
        #expect(!email.stdout.contains("mật-khẩu") && !email.stderr.contains("mật-khẩu"))

        let hook = try await testSend(["hook"])
        #expect(hook.succeeded, "\(hook)")
        let requests = try http.requests()
        #expect(requests.count == 1 && requests.first?.signatureValid == true)
        let request = try #require(requests.first)
        let payload = try #require(try JSONSerialization.jsonObject(with: Data(request.body)) as? [String: Any])
        #expect(payload["type"] as? String == "deadline.test")

        let outbox = try await testSend(["outbox", "--to", "Chánh Văn phòng <chanhvp@hanoi.example>", "--lang", "en"])
        #expect(outbox.succeeded, "\(outbox)")
        #expect(
            outbox.stdout.hasPrefix(
                "delivered through 'outbox' to chanhvp@hanoi.example: written to \(dir.path)/state/outbox/"))
        let files = try FileManager.default.contentsOfDirectory(atPath: dir.path + "/state/outbox")
        #expect(files.count == 1 && files.allSatisfy { $0.hasSuffix(".eml") })

        let failed = try await testSend(["dead"])
        #expect(failed.status == 1, "\(failed)")
        #expect(failed.stderr.hasPrefix("chưa gửi được (lỗi tạm thời, deadlined sẽ thử lại): "), "\(failed)")
        let unknown = try await testSend(["nosuch"])
        #expect(unknown.status == 2)
        #expect(unknown.stderr == "deadlinectl: không có kênh gửi 'nosuch'; cấu hình có: dead, email, hook, outbox\n")
        let english = try await testSend(["nosuch", "--lang", "en"])
        #expect(
            english.stderr
                == "deadlinectl: unknown channel 'nosuch'; the configuration has: dead, email, hook, outbox\n")
    }
}
