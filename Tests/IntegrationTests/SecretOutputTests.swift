import Foundation
import TestSupport
import Testing

/// No program's output holds a configured secret: secrets are put in every position an admin may put one (URLs'
/// passwords and tokens, `*_file` values, secret files' contents, headers), then every program that reads the
/// configuration runs on it (`check`, `list`, `plan`, `test-send`, `status`, the daemon with its log on the console
/// and in a real journal), and every byte they print is searched for each secret.
@Suite("no output holds a configured secret", .serialized)
struct SecretOutputTests {
    static let environment = ProcessRunner.environment(removing: ["DEADLINED_CONFIG", "STATE_DIRECTORY"])

    static func units(channels: [String]) -> String {
        var text = ""
        for (i, channel) in channels.enumerated() {
            text += """
                [units.so-\(i + 1)]
                name = "Sở số \(i + 1)"
                recipients = ["Văn thư <vanthu\(i + 1)@so\(i + 1).hanoi.example>"]
                channels = ["\(channel)"]

                """
        }
        let ids = channels.indices.map { "\"so-\($0 + 1)\"" }.joined(separator: ", ")
        return text + """
            [[deadline]]
            id = "bao-cao"
            task = "Báo cáo kết quả thực hiện"
            units = [\(ids)]
            due = "08/03/2021"

            """
    }

    static func base(_ dir: TemporaryDirectory) -> String {
        """
        [daemon]
        state_directory = "\(dir.path)/state"

        [reminders]
        before = ["7d"]
        overdue_every = ""
        time = "08:00"

        """
    }

    /// Every program that reads a configuration, run on `config`; each result named by its command line.
    static func runAll(_ config: String, channels: [String] = []) async throws -> [(String, ProcessResult)] {
        var runs: [[String]] = [
            ["deadlinectl", "check"], ["deadlinectl", "list", "--now", "01/03/2021"],
            ["deadlinectl", "plan", "--now", "01/03/2021"], ["deadlinectl", "status"],
            ["deadlined", "--print-plan", "--pretend-now", "01/03/2021"],
            [
                "deadlined", "--once", "--log-target", "console", "--log-level", "debug", "--pretend-now",
                "2021-03-01T08:00:30+07:00",
            ],
        ]
        for channel in channels { runs.append(["deadlinectl", "test-send", channel]) }
        var results: [(String, ProcessResult)] = []
        for run in runs {
            let result = try await ProcessRunner.run(
                BuiltProducts.path(run[0]), Array(run.dropFirst()) + ["--config", config], environment: environment,
                timeout: .seconds(60))
            results.append((run.joined(separator: " "), result))
        }
        return results
    }

    /// Records an issue for each output that holds one of `secrets`.
    static func expectNone(of secrets: [String], in results: [(String, ProcessResult)], _ what: String) {
        for (command, result) in results {
            for secret in secrets where result.stdout.contains(secret) || result.stderr.contains(secret) {
                Issue.record("\(what): '\(command)' printed the secret \(secret):\n\(result)")
            }
        }
    }

    @Test(
        "secrets in configurations that check refuses: URLs' passwords in every position, a password where its file goes"
    )
    func refusedConfigurations() async throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let outbox = "[channels.outbox]\ntype = \"outbox\"\n\n"
        let variants: [(secret: String, table: String)] = [
            ("Pg1/S3cr3t", "[store]\nurl = \"postgresql://deadlined:Pg1/S3cr3t@db.example.vn/deadlined\"\n"),
            ("Pg2?S3cr3t", "[store]\nurl = \"postgresql://deadlined:Pg2?S3cr3t@db.example.vn:5432/deadlined\"\n"),
            ("Pg3@S3cr3t", "[store]\nurl = \"postgresql://deadlined:Pg3@S3cr3t@db.example.vn/deadlined\"\n"),
            ("Pg4S3cr3t", "[store]\nurl = \"postgresql://deadlined@db.example.vn/deadlined?password=Pg4S3cr3t\"\n"),
            ("Pg5S3cr3t", "[store]\nurl = \"postgresql://deadlined@db.example.vn/deadlined?Pg5S3cr3t\"\n"),
            ("Pg6S3cr3t", "[store]\nurl = \"postgresql://deadlined:Pg6S3cr3t/deadlined\"\n"),
            ("Pg7S3cr3t", "[store]\nurl = \"postgresql:deadlined:Pg7S3cr3t@db.example.vn/deadlined\"\n"),
            (
                "Pg8/S3cr3t",
                "[store]\nurl = \"postgresql://deadlined@db.example.vn/deadlined\"\npassword_file = \"Pg8/S3cr3t\"\n"
            ),
            (
                "Mail1/S3cr3t",
                outbox
                    + "[channels.email]\ntype = \"smtp\"\nurl = \"smtps://nhacviec:Mail1/S3cr3t@mail.example.vn:465\"\nfrom = \"a@hanoi.example\"\n"
            ),
            (
                "Mail2S3cr3t!",
                outbox
                    + "[channels.email]\ntype = \"smtp\"\nurl = \"smtps://mail.example.vn:465\"\nfrom = \"a@hanoi.example\"\nusername = \"nhacviec\"\npassword_file = \"Mail2S3cr3t!\"\n"
            ),
            (
                "Mail3S3cr3t",
                outbox
                    + "[channels.email]\ntype = \"smtp\"\nurl = \"smtps://mail.example.vn:465\"\nfrom = \"a@hanoi.example\"\npassword = \"Mail3S3cr3t\"\n"
            ),
            (
                "Hook1S3cr3t",
                outbox + "[channels.hook]\ntype = \"webhook\"\nurl = \"https://bot:Hook1S3cr3t@hooks.example.vn/x\"\n"
            ),
            (
                "Hook2S3cr3t",
                outbox + "[channels.hook]\ntype = \"webhook\"\nurl = \"ftp://hooks.example.vn/services/Hook2S3cr3t\"\n"
            ),
            (
                "Hook3S3cr3t",
                outbox
                    + "[channels.hook]\ntype = \"webhook\"\nurl = \"https://hooks.example.vn/x\"\ntoken = \"Hook3S3cr3t\"\n"
            ),
        ]
        for variant in variants {
            try dir.write("deadlined.toml", Self.base(dir) + variant.table + "\n" + Self.units(channels: ["outbox"]))
            let results = try await Self.runAll(dir.path + "/deadlined.toml")
            let check = try #require(results.first?.1)
            #expect(check.status == 1, "\(variant.table)\n\(check)")
            Self.expectNone(of: [variant.secret], in: results, variant.table)
        }
    }

    @Test(
        "secrets in a configuration that runs: secret files, a token in a webhook's path and query, inline headers; servers that refuse and echo them"
    )
    func runningConfiguration() async throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let smtpPassword = "SmtpFileS3cr3t"
        let headerToken = "HeaderFileS3cr3t"
        let inlineToken = "InlineHeaderS3cr3t"
        let pathToken = "PathTok3nS3cr3t1234567"
        let queryToken = "QueryTok3nS3cr3t"
        let telegramToken = "123456:TelegramS3cr3tTok"
        let signingKey = "whsec_U2lnbmluZ0tleVMzY3IzdDEyMzQ1Njc4OTA="
        var options = SMTPTestServer.Options(tls: .none, user: "nhacviec", password: smtpPassword)
        options.authWithoutTLS = true
        let smtp = try SMTPTestServer(options)
        defer { smtp.stop() }
        // Servers that refuse, echoing what they were given (each knows only its own channel's secrets).
        let http = try HTTPTestServer(
            responses: [
                HTTPTestServer.Response(
                    status: 401, body: "invalid credentials: \(headerToken) \(queryToken) \(pathToken)")
            ])
        defer { http.stop() }
        let telegram = try HTTPTestServer(
            responses: [
                HTTPTestServer.Response(
                    status: 401, body: "{\"ok\":false,\"description\":\"Unauthorized bot\(telegramToken)\"}")
            ])
        defer { telegram.stop() }
        let passwordFile = try dir.write("secrets/smtp", smtpPassword + "\n", mode: 0o600)
        let headersFile = try dir.write("secrets/headers", "Authorization: Bearer \(headerToken)\n", mode: 0o600)
        let secretFile = try dir.write("secrets/signing", signingKey + "\n", mode: 0o600)
        let tokenFile = try dir.write("secrets/telegram", telegramToken + "\n", mode: 0o600)
        let config = try dir.write(
            "deadlined.toml",
            Self.base(dir) + """
                [channels.email]
                type = "smtp"
                url = "smtp://127.0.0.1:\(smtp.port)"
                starttls = "opportunistic"
                from = "Văn phòng <nhacviec@hanoi.example>"
                username = "nhacviec"
                password_file = "\(passwordFile)"
                connect_timeout = "3s"
                timeout = "10s"

                [channels.hook]
                type = "webhook"
                url = "\(http.baseURL)/services/\(pathToken)?token=\(queryToken)"
                headers = { "X-Api-Token" = "\(inlineToken)" }
                headers_file = "\(headersFile)"
                secret_file = "\(secretFile)"
                connect_timeout = "3s"
                timeout = "10s"

                [channels.tg]
                type = "webhook"
                format = "telegram"
                url = "\(telegram.baseURL)"
                token_file = "\(tokenFile)"
                chat_id = "-1001234567890"
                connect_timeout = "3s"
                timeout = "10s"

                """ + Self.units(channels: ["email", "hook", "tg"]))
        let secrets = [
            smtpPassword, headerToken, inlineToken, pathToken, queryToken, telegramToken, "TelegramS3cr3tTok",
            signingKey, "U2lnbmluZ0tleVMzY3IzdDEyMzQ1Njc4OTA=",
        ]
        let results = try await Self.runAll(config, channels: ["email", "hook", "tg"])
        let check = try #require(results.first?.1)
        #expect(check.status == 0, "\(check)")
        #expect(check.stderr.contains("trường tiêu đề 'X-Api-Token' có vẻ là thông tin bí mật"), "\(check)")
        let once = try #require(results.first { $0.0.hasPrefix("deadlined --once") }?.1)
        // Each channel failed, and said so: the daemon did reach the secrets' positions.
        #expect(
            once.stderr.contains(
                "the server does not offer STARTTLS, and deadlined never sends the password unencrypted"), "\(once)")
        #expect(once.stderr.contains("401"), "\(once)")
        #expect(try smtp.authAttempts().isEmpty)
        #expect(try http.requests().count >= 2)
        #expect(try telegram.requests().count >= 2)
        Self.expectNone(of: secrets, in: results, "running configuration")

        // The same daemon run, logged to a real journal: no field of any entry holds a secret.
        guard JournalHarness.unavailableReason == nil else { return }
        let journal = try JournalHarness()
        defer { journal.stop() }
        try? FileManager.default.removeItem(atPath: dir.path + "/state")
        let logged = try await journal.run(
            BuiltProducts.path("deadlined"),
            [
                "--config", config, "--once", "--log-target", "journal", "--log-level", "debug", "--pretend-now",
                "2021-03-01T08:00:30+07:00",
            ],
            environment: Self.environment, timeout: .seconds(60))
        let entries = try await journal.journalctl([
            "--directory=" + JournalHarness.journalDirectory, "--output=json", "--all",
        ])
        #expect(
            entries.stdout.contains("never sends the password unencrypted"), "\(logged)\n\(entries.stdout.prefix(2000))"
        )
        Self.expectNone(
            of: secrets,
            in: [("journal of deadlined --once", entries), ("deadlined --once under the journal", logged)], "journal")
    }
}
