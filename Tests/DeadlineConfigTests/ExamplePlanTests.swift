import DeadlineConfig
import DeadlineKit
import TestSupport
import Testing

/// The example configuration in etc/ (built from directives 5418/UBND-TKBT and 04-KH/TU), planned over a whole
/// year. Every figure below was worked out by hand from the files and the rules they set:
/// defaults before = 7d, 3wd, 1d; on the day; overdue every day, 5 times; at 08:00; date-only deadlines due 17:00.
@Suite("A year of reminders for the example configuration")
struct ExamplePlanTests {
    let planner: ReminderPlanner
    let plan: [PlannedReminder]
    let zone: ZoneRules

    init() throws {
        let result = ConfigLoader.load(mainFile: BuiltProducts.exampleConfig, environment: [:])
        let configuration = try #require(result.configuration, "\(result.diagnostics)")
        #expect(result.diagnostics.isEmpty)
        planner = ReminderPlanner(agenda: configuration.agenda)
        zone = configuration.agenda.settings.zone
        let from = try MomentParser.parse("19/11/2020", zone: zone).get()
        let to = try MomentParser.parse("19/11/2021", zone: zone).get()
        plan = planner.reminders(from: from, to: to)
    }

    func reminders(of id: String) -> [PlannedReminder] { plan.filter { planner.deadline(of: $0).id == id } }
    func times(of id: String, unit: String) -> [String] {
        reminders(of: id).filter { planner.target(of: $0).unitID == unit }.map { zone.iso8601($0.sendAt) }
    }

    @Test("how many reminders each deadline gets")
    func counts() {
        let expected: [String: Int] = [
            "5418-de-xuat": 9 * 6,  // 3 sở + 3 UBND quận/huyện/thị xã, 9 reminders each
            "5418-ke-hoach-tong-the": 11,  // its own rules: 14d, 7d, 3wd, 1d, 2h + due + 5 overdue
            "5418-chuong-trinh-cong-tac": 9 * 3,
            "5418-bao-cao-thang": 11 * 6 * 3 + 3,  // Dec 2020-Oct 2021 whole; Nov 2021 only its 3wd reminder
            "04kh-can-bo-chu-chot": 9,
            "04kh-lop-ban-tuyen-giao": 9,
            "04kh-hoi-nghi-cap-uy": 9 * 3,
            "04kh-hoi-nghi-co-so": 9,
        ]
        for (id, count) in expected { #expect(reminders(of: id).count == count, "\(id)") }
        #expect(plan.count == 347)
    }

    @Test("5418-de-xuat: due 17:00 10/12/2020 (a Thursday)")
    func deXuat() {
        #expect(times(of: "5418-de-xuat", unit: "so-khdt") == [
            "2020-12-03T08:00:00+07:00",  // 7 days before
            "2020-12-07T08:00:00+07:00",  // 3 working days before: Mon 7 (Tue 8, Wed 9 and Thu 10 are the three)
            "2020-12-09T08:00:00+07:00",  // 1 day before
            "2020-12-10T08:00:00+07:00",  // on the day
            "2020-12-11T08:00:00+07:00", "2020-12-12T08:00:00+07:00", "2020-12-13T08:00:00+07:00",
            "2020-12-14T08:00:00+07:00", "2020-12-15T08:00:00+07:00",  // urging, 5 times
        ])
        let units = Set(reminders(of: "5418-de-xuat").map { planner.target(of: $0).unitID })
        #expect(units == ["so-khdt", "so-tc", "so-nv", "ubnd-ba-dinh", "ubnd-dong-anh", "ubnd-son-tay"])
    }

    @Test("5418-ke-hoach-tong-the: its own rules, including 2 hours before 17:00 25/12/2020")
    func keHoach() {
        #expect(times(of: "5418-ke-hoach-tong-the", unit: "so-khdt") == [
            "2020-12-11T08:00:00+07:00", "2020-12-18T08:00:00+07:00", "2020-12-22T08:00:00+07:00",
            "2020-12-24T08:00:00+07:00", "2020-12-25T08:00:00+07:00", "2020-12-25T15:00:00+07:00",
            "2020-12-26T08:00:00+07:00", "2020-12-27T08:00:00+07:00", "2020-12-28T08:00:00+07:00",
            "2020-12-29T08:00:00+07:00", "2020-12-30T08:00:00+07:00",
        ])
        #expect(reminders(of: "5418-ke-hoach-tong-the").map(\.rule.description) == [
            "14d", "7d", "3wd", "1d", "due", "2h", "overdue-1", "overdue-2", "overdue-3", "overdue-4", "overdue-5",
        ])
    }

    @Test("5418-chuong-trinh-cong-tac: '30/1' in a document of 19/11/2020 means 30/01/2021")
    func chuongTrinh() {
        #expect(reminders(of: "5418-chuong-trinh-cong-tac").allSatisfy { zone.iso8601($0.due) == "2021-01-30T17:00:00+07:00" })
        #expect(times(of: "5418-chuong-trinh-cong-tac", unit: "so-nv").prefix(4) == [
            "2021-01-23T08:00:00+07:00", "2021-01-27T08:00:00+07:00", "2021-01-29T08:00:00+07:00",
            "2021-01-30T08:00:00+07:00",
        ])
    }

    @Test("04-KH/TU: months mean their last day")
    func months() {
        #expect(reminders(of: "04kh-can-bo-chu-chot").allSatisfy { zone.iso8601($0.due) == "2020-12-31T17:00:00+07:00" })
        #expect(reminders(of: "04kh-lop-ban-tuyen-giao").allSatisfy { zone.iso8601($0.due) == "2020-12-31T17:00:00+07:00" })
        #expect(reminders(of: "04kh-hoi-nghi-co-so").allSatisfy { zone.iso8601($0.due) == "2021-01-31T17:00:00+07:00" })
        #expect(reminders(of: "04kh-hoi-nghi-cap-uy").allSatisfy { zone.iso8601($0.due) == "2021-01-15T17:00:00+07:00" })
        #expect(times(of: "04kh-hoi-nghi-co-so", unit: "dang-uy-co-so").first == "2021-01-24T08:00:00+07:00")
    }

    @Test("5418-bao-cao-thang: every month on the 20th from 12/2020")
    func monthly() {
        let occurrences = Set(reminders(of: "5418-bao-cao-thang").map(\.occurrence.iso)).sorted()
        #expect(occurrences == [
            "2020-12-20", "2021-01-20", "2021-02-20", "2021-03-20", "2021-04-20", "2021-05-20", "2021-06-20",
            "2021-07-20", "2021-08-20", "2021-09-20", "2021-10-20", "2021-11-20",
        ])
        // 20/12/2020 is a Sunday: 3 working days before it is Wednesday 16/12.
        #expect(times(of: "5418-bao-cao-thang", unit: "so-tc").prefix(6) == [
            "2020-12-16T08:00:00+07:00", "2020-12-19T08:00:00+07:00", "2020-12-20T08:00:00+07:00",
            "2020-12-21T08:00:00+07:00", "2020-12-22T08:00:00+07:00", "2020-12-23T08:00:00+07:00",
        ])
    }

    @Test("the plan is in send order")
    func ordered() {
        #expect(zip(plan, plan.dropFirst()).allSatisfy { $0.sendAt <= $1.sendAt })
    }
}
