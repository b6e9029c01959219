import Foundation
import TestSupport
import Testing

/// `deadlined` sending several reminders of a channel at once (`connections`), to a real SMTP server that counts
/// its connections: each reminder still arrives exactly once, escalations still come after the reminders they
/// count, failures are still retried or given up one by one, and a stop lets the sends in flight finish.
@Suite("deadlined sending in parallel", .serialized)
struct DaemonParallelSendTests {
    static func keys(_ server: SMTPTestServer) throws -> [String] {
        try DaemonDeliveryTests.keys(server)
    }

    /// The log lines about one reminder key.
    static func lines(_ log: String, key: String) -> [String] {
        log.split(separator: "\n").map(String.init).filter { $0.contains(key) }
    }

    @Test(
        "40 reminders due at once on connections = 3: the server sees 3 connections, at most 3 open, each message once")
    func fortyOnThreeConnections() async throws {
        var options = SMTPTestServer.Options()
        options.delay = 0.05  // each message takes a while, so that the sends overlap
        let server = try SMTPTestServer(options)
        defer { server.stop() }
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let config = try daemonConfig(in: dir, smtpPort: server.port, units: 40, extraChannel: "connections = 3")
        let result = try await DaemonServiceTests.once(config, at: "2021-03-01T08:00:30+07:00")
        #expect(result.succeeded, "\(result)")
        let received = try Self.keys(server)
        #expect(received.count == 40)
        #expect(Set(received) == DaemonDeliveryTests.expectedKeys(40))
        #expect(try server.connectionCount() == 3, "\(result.stderr)")
        #expect(try server.maximumOpenConnections() == 3)
        #expect(result.stderr.components(separatedBy: "reminder sent through 'email'").count - 1 == 40)
    }

    @Test(
        "4 units escalated at once on 8 connections: each head hears of its unit, counting the urging it had; the supervisors once, of all 4"
    )
    func escalationsAfterReminders() async throws {
        var options = SMTPTestServer.Options()
        // All 8 messages would be in flight at once, so an escalation sent alongside its unit's urging would count
        // one reminder too few.
        options.delay = 0.2
        let server = try SMTPTestServer(options)
        defer { server.stop() }
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let units = 1...4
        let config = try dir.write(
            "deadlined.toml",
            """
            [daemon]
            state_directory = "\(dir.path)/state"

            [reminders]
            before = []
            on_due = false
            overdue_every = "1d"
            overdue_limit = 2
            escalate_after = "2wd"
            escalate_limit = 1
            supervisors = ["Văn phòng UBND Thành phố <vanphong@hanoi.example>"]

            \(AdminWorkflowTests.smtpChannel(server))connections = 8

            \(units.map { AdminWorkflowTests.unit($0) }.joined())\(AdminWorkflowTests.document)\
            \(AdminWorkflowTests.deadline("bao-cao", "Báo cáo kết quả thực hiện Nghị quyết", units: units.map { "so-\($0)" }, due: "04/03/2021"))
            """)
        // Due 17:00 Thursday 4/3/2021: the first urging on Friday 5/3; on Monday 8/3 (the second working day after
        // the due day) the escalation, in the place of the units' second urging.
        for moment in ["2021-03-05T08:00:30+07:00", "2021-03-08T08:00:30+07:00"] {
            let result = try await DaemonServiceTests.once(config, at: moment)
            #expect(result.succeeded, "\(result)")
        }
        let messages = try await AdminWorkflowTests.received(server)
        #expect(messages.count == 2 * units.count + 1)
        for unit in units {
            let key = "bao-cao|2021-03-04|escalation-1|so-\(unit)|email"
            let escalation = try #require(messages.firstIndex { $0.key == key }, "\(messages.map(\.key))")
            #expect(
                messages[escalation].text?.contains("mặc dù đơn vị đã được nhắc 1 lần, trong đó đôn đốc 1 lần sau hạn.")
                    == true,
                "\(key)")
            #expect(messages[escalation].to.map { $0[1] } == ["giamdoc\(unit)@so\(unit).hanoi.example"])
            let urgings = messages.indices.filter {
                messages[$0].key.hasSuffix("|so-\(unit)|email") && $0 != escalation
            }
            #expect(urgings.count == 1 && urgings.allSatisfy { $0 < escalation }, "\(messages.map(\.key))")
        }
        let toSupervisors = try #require(
            messages.first { $0.key == "bao-cao|2021-03-04|escalation-1|so-1+so-2+so-3+so-4|email" })
        #expect(toSupervisors.to.map { $0[1] } == ["vanphong@hanoi.example"])
        #expect(
            toSupervisors.subject.hasPrefix("[Báo cáo lãnh đạo] 4 đơn vị chưa hoàn thành nhiệm vụ quá hạn 4 ngày: "))
        for unit in units {
            // Each line of the list ends with ";", the last with a full stop.
            let end = unit == units.last ? "." : ";"
            #expect(
                toSupervisors.text?.contains(
                    "- Sở số \(unit): đã được nhắc 1 lần, trong đó đôn đốc 1 lần sau hạn\(end)\n") == true)
        }
    }

    @Test(
        "among 12 parallel sends, a recipient refused for now is retried and delivered; one refused for good is given up"
    )
    func failingRecipients() async throws {
        var options = SMTPTestServer.Options()
        options.delay = 0.05
        options.temporarilyRefusedOnce = ["vanthu5@so5.hanoi.example"]
        options.rejectedRecipients = ["vanthu9@so9.hanoi.example"]
        let server = try SMTPTestServer(options)
        defer { server.stop() }
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let config = try daemonConfig(
            in: dir, smtpPort: server.port, units: 12, extraDaemon: "retry_delay = \"1s\"",
            extraChannel: "connections = 4")
        let first = try await DaemonServiceTests.once(config, at: "2021-03-01T08:00:30+07:00")
        #expect(first.succeeded, "\(first)")
        let expected = DaemonDeliveryTests.expectedKeys(12)
        let refusedForNow = "bao-cao|2021-03-08|7d|so-5|email"
        let refusedForGood = "bao-cao|2021-03-08|7d|so-9|email"
        #expect(Set(try Self.keys(server)) == expected.subtracting([refusedForNow, refusedForGood]))
        let retried = Self.lines(first.stderr, key: refusedForNow)
        #expect(
            retried.count == 1 && retried[0].contains("delivery failed, will retry")
                && retried[0].contains("attempt=1"), "\(first.stderr)")
        let givenUp = Self.lines(first.stderr, key: refusedForGood)
        #expect(givenUp.count == 1 && givenUp[0].contains("delivery failed permanently"), "\(first.stderr)")

        // Two minutes later the retry is due; the given-up reminder is not sent again.
        let second = try await DaemonServiceTests.once(config, at: "2021-03-01T08:02:30+07:00")
        #expect(second.succeeded, "\(second)")
        let received = try Self.keys(server)
        #expect(received.count == 11)
        #expect(Set(received) == expected.subtracting([refusedForGood]))
        let sent = Self.lines(second.stderr, key: refusedForNow)
        #expect(
            sent.count == 1 && sent[0].contains("reminder sent through 'email'") && sent[0].contains("attempt=2"),
            "\(second.stderr)")
        #expect(Self.lines(second.stderr, key: refusedForGood).isEmpty)
    }

    @Test(
        "SIGTERM during a burst on 3 connections: the sends in flight finish and are recorded, so a restart resends nothing"
    )
    func stopDuringBurst() async throws {
        var options = SMTPTestServer.Options()
        options.delay = 0.3
        let server = try SMTPTestServer(options)
        defer { server.stop() }
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let config = try daemonConfig(in: dir, smtpPort: server.port, units: 30, extraChannel: "connections = 3")
        let daemon = try RunningDaemon(
            config: config, arguments: ["--pretend-now", "2021-03-01T08:00:30+07:00"], logPath: dir.path + "/log-1")
        #expect(
            await eventually(timeout: .seconds(30)) { ((try? Self.keys(server)) ?? []).count >= 3 }, "\(daemon.log)")
        daemon.stop()
        #expect(await daemon.waitForLog("deadlined stopped", timeout: .seconds(5)), "\(daemon.log)")
        let beforeRestart = try Self.keys(server)
        #expect(beforeRestart.count < 30, "the stop came mid-burst")
        #expect(
            daemon.log.components(separatedBy: "reminder sent through 'email'").count - 1 == beforeRestart.count,
            "\(daemon.log)")

        let restarted = try RunningDaemon(
            config: config, arguments: ["--pretend-now", "2021-03-01T08:01:30+07:00"], logPath: dir.path + "/log-2")
        defer { restarted.stop() }
        #expect(try await eventually(timeout: .seconds(60)) { try Self.keys(server).count >= 30 }, "\(restarted.log)")
        restarted.stop()
        let received = try Self.keys(server)
        #expect(received.count == 30, "nothing sent twice")
        #expect(Set(received) == DaemonDeliveryTests.expectedKeys(30))
        #expect(!restarted.log.contains("left in flight"), "\(restarted.log)")
    }
}
