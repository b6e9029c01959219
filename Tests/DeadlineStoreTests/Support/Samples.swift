import DeadlineKit

@testable import DeadlineStore

/// Sample data: the reminders of directive 5418/UBND-TKBT around 03/12/2020.
enum Sample {
    /// 2020-12-03T08:00:00+07:00.
    static let t0 = Instant(secondsSinceEpoch: 1_606_957_200)
    static let due = Instant(secondsSinceEpoch: 1_607_594_400)  // 2020-12-10T17:00:00+07:00
    static let occurrence = CivilDate(year: 2020, month: 12, day: 10)!
    static let occurrenceID = OccurrenceID(deadlineID: "5418-de-xuat", date: occurrence)
    static let owner = "daemon-a"
    static let admin = "nguyenvana"

    static func at(_ seconds: Int64) -> Instant { t0.adding(seconds: seconds) }

    /// A reminder of `5418-de-xuat`; `index` varies the unit and the send time (one minute apart).
    static func reminder(
        _ index: Int = 0, deadline: String = "5418-de-xuat", occurrence: CivilDate = occurrence, rule: String = "7d"
    ) -> LedgerReminder {
        let unit = "so-\(index)"
        return LedgerReminder(
            key: "\(deadline)|\(occurrence.iso)|\(rule)|\(unit)|email", deadlineID: deadline, occurrence: occurrence,
            rule: rule, kind: .before, unit: unit, channel: "email",
            recipients: ["vanthu\(index)@khdt.hanoi.example", "chanhvanphong@khdt.hanoi.example"], due: due,
            sendAt: at(Int64(index) * 60))
    }

    /// `n` reminders with distinct keys.
    static func reminders(_ n: Int, deadline: String = "5418-de-xuat") -> [LedgerReminder] {
        (0..<n).map { reminder($0, deadline: deadline) }
    }

    /// The one entry of `key`, with attempts.
    static func entry(
        _ ledger: any Ledger, _ key: String, deadline: String = "5418-de-xuat"
    ) async throws
        -> LedgerEntry?
    {
        try await ledger.entries(deadlineID: deadline).first { $0.key == key }
    }
}
