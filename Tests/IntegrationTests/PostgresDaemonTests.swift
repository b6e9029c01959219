import Foundation
import TestSupport
import Testing

/// Two and three `deadlined` sharing one PostgreSQL ledger and one real SMTP server: every reminder arrives
/// exactly once; through kill -9 at random moments none is lost and none repeats beyond the documented window;
/// a paused daemon whose lease was taken over cannot record over the daemon that took it.
@Suite(
    "deadlined on PostgreSQL: exactly once", .serialized, .enabled(if: PostgresServer.isAvailable, "needs PostgreSQL"))
struct PostgresDaemonTests {
    @Test("every reminder of a 300-reminder plan arrives exactly once", arguments: [2, 3])
    func exactlyOnce(daemons: Int) async throws {
        let cluster = try DaemonCluster(server: try await PostgresServer.shared(), units: 300, smtpDelay: 0.005)
        defer { cluster.remove() }
        for index in 0..<daemons { try cluster.start(index) }
        #expect(try await eventually(timeout: .seconds(120)) { try cluster.received().count >= 300 }, "\(cluster.logs)")
        try await Task.sleep(for: .seconds(2))  // anything sent twice would arrive by now
        let received = try cluster.received()
        #expect(Set(received) == cluster.expected)
        #expect(received.count == 300, "\(received.count - Set(received).count) sent twice")
        let perInstance = try cluster.sql(
            "SELECT string_agg(n::text, ' ' ORDER BY n) FROM (SELECT COUNT(*) AS n FROM attempts WHERE outcome = 'sent' GROUP BY owner) c"
        )
        #expect(try cluster.sql("SELECT COUNT(*) FROM attempts") == "300", "no reminder was even claimed twice")
        #expect(perInstance.split(separator: " ").count >= 2, "the work was shared: \(perInstance)")
        print("\(daemons) daemons: sent per instance \(perInstance)")
    }

    @Test("kill -9 at random moments: none lost, none repeated beyond the one in flight at each kill")
    func killNine() async throws {
        let cluster = try DaemonCluster(server: try await PostgresServer.shared(), units: 300, smtpDelay: 0.04)
        defer { cluster.remove() }
        for index in 0..<3 { try cluster.start(index) }
        var kills = 0
        for _ in 0..<6 {
            try await Task.sleep(for: .seconds(Double.random(in: 0.3...1.2)))
            let victim = Int.random(in: 0..<3)
            cluster.kill9(victim)
            kills += 1
            try cluster.start(victim)
        }
        #expect(
            try await eventually(timeout: .seconds(120)) { Set(try cluster.received()) == cluster.expected },
            "\(cluster.logs)")
        try await Task.sleep(for: .seconds(6))  // a lease of a killed daemon runs out (4 s): its repeat would come now
        let received = try cluster.received()
        let duplicates = received.count - Set(received).count
        #expect(Set(received) == cluster.expected)
        #expect(duplicates <= kills, "\(duplicates) repeated after \(kills) kills")
        let interrupted = try cluster.sql("SELECT COUNT(*) FROM attempts WHERE outcome = 'interrupted'")
        print(
            "kill -9 on PostgreSQL: \(kills) kills, \(received.count) messages for 300 reminders, \(duplicates) repeated, \(interrupted) attempts taken over"
        )
    }

    @Test("a SIGSTOPped daemon whose lease ran out, then SIGCONT, does not record over the one that took over")
    func pausedDaemon() async throws {
        let cluster = try DaemonCluster(server: try await PostgresServer.shared(), units: 1, smtpDelay: 2, lease: "3s")
        defer { cluster.remove() }
        let a = try cluster.start(0)
        // a claims the reminder and is waiting for the slow server's answer: pause it there.
        #expect(
            try await eventually(timeout: .seconds(30)) {
                // The first daemon creates the tables: until then psql fails.
                let state = try? cluster.sql("SELECT state FROM reminders")
                return try state == "sending" && cluster.smtp.connectionCount() > 0
            }, "\(cluster.logs)")
        let owner = try cluster.sql("SELECT claimed_by FROM reminders")
        a.process.send(SIGSTOP)
        let b = try cluster.start(1)
        defer { a.process.send(SIGCONT) }
        #expect(
            try await eventually(timeout: .seconds(30)) { try cluster.sql("SELECT state FROM reminders") == "sent" },
            "\(cluster.logs)")
        let taker = try cluster.sql("SELECT owner FROM attempts WHERE attempt = 2")
        #expect(taker != owner)
        a.process.send(SIGCONT)
        #expect(await a.waitForLog("was not recorded", timeout: .seconds(30)), "\(a.log)")
        #expect(
            a.log.contains("took over reminder bao-cao|2021-03-08|7d|so-1|email after this instance's lease ran out"))
        let attempts = try cluster.sql(
            "SELECT string_agg(owner || ' ' || outcome, ', ' ORDER BY attempt) FROM attempts")
        #expect(attempts == "\(owner) interrupted, \(taker) sent")
        #expect(try cluster.sql("SELECT state || ' ' || attempts FROM reminders") == "sent 2")
        // a's message was accepted by the server while a was paused, before it could write so: the documented
        // window, so the reminder arrived twice; never more.
        #expect(try cluster.received().count <= 2)
        _ = b
    }
}
