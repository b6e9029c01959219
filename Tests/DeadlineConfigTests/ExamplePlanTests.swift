import DeadlineConfig
import DeadlineKit
import TestSupport
import Testing

/// The example configuration in etc/ (built from directives 5418/UBND-TKBT and 04-KH/TU), planned over a whole
/// year. Every figure below was worked out by hand from the files and the rules they set:
/// defaults before = 7d, 3wd, 1d; on the day; overdue every day, 5 times; at 08:00; date-only deadlines due 17:00.
/// The working calendar: Saturday and Sunday off; office hours 08:00–17:00; due dates on days off kept; reminders
/// on a day off moved to the next working morning, or, for one before the due moment that would then be late, to
/// the latest working morning before it; reminders of an occurrence that land together sent once.
/// Days off in the year: 1/1/2021 (Fri); Tết 10/2–14/2/2021 with nghỉ bù 15/2 and 16/2; Giỗ Tổ 21/4/2021 (Wed);
/// 30/4 (Fri) and 1/5 (Sat) with nghỉ bù 3/5; Quốc khánh 2/9 (Thu) and 3/9/2021.
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
            // overdue_limit = 5 is five urgings sent: when days off merge some, urging goes on until five went out.
            "5418-de-xuat": 9 * 6,  // 3 sở + 3 UBND quận/huyện/thị xã; 4 before and on the day, 5 urgings
            "5418-ke-hoach-tong-the": 11,  // 14d, 7d, 3wd, 1d, due, 2h; 5 urgings from Monday 28/12
            "5418-chuong-trinh-cong-tac": 8 * 3,  // due Saturday 30/1/2021: see below
            "5418-bao-cao-thang": 62 * 3,  // see monthly() for the 62 of each sở
            "04kh-can-bo-chu-chot": 9,  // urging 1/1 (a holiday), 2/1, 3/1 fold into Monday 4/1; then 5, 6, 7, 8/1
            "04kh-lop-ban-tuyen-giao": 9,
            "04kh-hoi-nghi-cap-uy": 9 * 3,  // due Friday 15/1: urging 16/1 and 17/1 fold into Monday 18/1; to 22/1
            "04kh-hoi-nghi-co-so": 8,  // due Sunday 31/1: 7d, 3wd, 1d (due-day folds in), 5 urgings from 1/2
        ]
        for (id, count) in expected { #expect(reminders(of: id).count == count, "\(id)") }
        #expect(plan.count == 328)
    }

    @Test("5418-de-xuat: due 17:00 10/12/2020 (a Thursday)")
    func deXuat() {
        #expect(
            times(of: "5418-de-xuat", unit: "so-khdt") == [
                "2020-12-03T08:00:00+07:00",  // 7 days before
                "2020-12-07T08:00:00+07:00",  // 3 working days before: Mon 7 (Tue 8, Wed 9 and Thu 10 are the three)
                "2020-12-09T08:00:00+07:00",  // 1 day before
                "2020-12-10T08:00:00+07:00",  // on the day
                "2020-12-11T08:00:00+07:00",  // urging 1
                "2020-12-14T08:00:00+07:00",  // urging 2: Saturday's, Sunday's and Monday's in one, on Monday
                "2020-12-15T08:00:00+07:00",  // urging 3
                "2020-12-16T08:00:00+07:00",  // urging 4
                "2020-12-17T08:00:00+07:00",  // urging 5: five sent, as overdue_limit = 5 says
            ])
        let rules = reminders(of: "5418-de-xuat").filter { planner.target(of: $0).unitID == "so-khdt" }
        #expect(
            rules.map(\.rule.description) == [
                "7d", "3wd", "1d", "due", "overdue-1", "overdue-2", "overdue-3", "overdue-4", "overdue-5",
            ])
        let units = Set(reminders(of: "5418-de-xuat").map { planner.target(of: $0).unitID })
        #expect(units == ["so-khdt", "so-tc", "so-nv", "ubnd-ba-dinh", "ubnd-dong-anh", "ubnd-son-tay"])
    }

    @Test("5418-ke-hoach-tong-the: its own rules, including 2 hours before 17:00 25/12/2020 (a Friday)")
    func keHoach() {
        #expect(
            times(of: "5418-ke-hoach-tong-the", unit: "so-khdt") == [
                "2020-12-11T08:00:00+07:00", "2020-12-18T08:00:00+07:00",  // 14 and 7 days before
                "2020-12-22T08:00:00+07:00",  // 3 working days: Thu 24, Wed 23, Tue 22
                "2020-12-24T08:00:00+07:00", "2020-12-25T08:00:00+07:00",  // 1 day before; on the day
                "2020-12-25T15:00:00+07:00",  // 2 hours before, within office hours
                "2020-12-28T08:00:00+07:00",  // urging 1: Saturday's, Sunday's and Monday's, on Monday
                // urging 2, 3, 4
                "2020-12-29T08:00:00+07:00", "2020-12-30T08:00:00+07:00", "2020-12-31T08:00:00+07:00",
                "2021-01-04T08:00:00+07:00",  // urging 5: Friday 1/1 is Tết Dương lịch, then the weekend
            ])
        #expect(
            reminders(of: "5418-ke-hoach-tong-the").map(\.rule.description) == [
                "14d", "7d", "3wd", "1d", "due", "2h", "overdue-1", "overdue-2", "overdue-3", "overdue-4", "overdue-5",
            ])
    }

    @Test("5418-chuong-trinh-cong-tac: '30/1' in a document of 19/11/2020 means 30/01/2021, a Saturday, kept")
    func chuongTrinh() {
        #expect(
            reminders(of: "5418-chuong-trinh-cong-tac").allSatisfy {
                zone.iso8601($0.due) == "2021-01-30T17:00:00+07:00"
            })
        #expect(
            times(of: "5418-chuong-trinh-cong-tac", unit: "so-nv") == [
                // 7 days before is Saturday 23/1: moved to Monday, still before the due day
                "2021-01-25T08:00:00+07:00",
                "2021-01-27T08:00:00+07:00",  // 3 working days: Fri 29, Thu 28, Wed 27
                // 1 day before, Friday; the due-day reminder (Saturday) would come Monday,
                "2021-01-29T08:00:00+07:00",
                // after the due moment, so it goes back to Friday 08:00 and folds into 1d
                "2021-02-01T08:00:00+07:00",  // urging 1: Sunday's (31/1) and Monday's, on Monday
                // urging 2, 3, 4
                "2021-02-02T08:00:00+07:00", "2021-02-03T08:00:00+07:00", "2021-02-04T08:00:00+07:00",
                "2021-02-05T08:00:00+07:00",  // urging 5
            ])
    }

    @Test("04-KH/TU: months mean their last day")
    func months() {
        #expect(
            reminders(of: "04kh-can-bo-chu-chot").allSatisfy { zone.iso8601($0.due) == "2020-12-31T17:00:00+07:00" })
        #expect(
            reminders(of: "04kh-lop-ban-tuyen-giao").allSatisfy { zone.iso8601($0.due) == "2020-12-31T17:00:00+07:00" })
        #expect(reminders(of: "04kh-hoi-nghi-co-so").allSatisfy { zone.iso8601($0.due) == "2021-01-31T17:00:00+07:00" })
        #expect(
            reminders(of: "04kh-hoi-nghi-cap-uy").allSatisfy { zone.iso8601($0.due) == "2021-01-15T17:00:00+07:00" })
        #expect(
            times(of: "04kh-can-bo-chu-chot", unit: "ban-tuyen-giao") == [
                "2020-12-24T08:00:00+07:00", "2020-12-28T08:00:00+07:00",  // 7d; 3wd: Wed 30, Tue 29, Mon 28
                "2020-12-30T08:00:00+07:00", "2020-12-31T08:00:00+07:00",  // 1d; on the day
                "2021-01-04T08:00:00+07:00",  // urging 1: 1/1 (Tết Dương lịch), 2/1, 3/1 and 4/1 come Monday 4/1, once
                "2021-01-05T08:00:00+07:00", "2021-01-06T08:00:00+07:00", "2021-01-07T08:00:00+07:00",
                "2021-01-08T08:00:00+07:00",  // urging 2 to 5
            ])
        // 31/1/2021 is a Sunday: 7 days before (Sunday 24/1) moves to Monday 25/1; 1 day before (Saturday) goes back
        // to Friday 29/1, where the due-day reminder folds in; urging from Monday 1/2 to Friday 5/2.
        #expect(
            times(of: "04kh-hoi-nghi-co-so", unit: "dang-uy-co-so") == [
                "2021-01-25T08:00:00+07:00", "2021-01-27T08:00:00+07:00", "2021-01-29T08:00:00+07:00",
                "2021-02-01T08:00:00+07:00", "2021-02-02T08:00:00+07:00", "2021-02-03T08:00:00+07:00",
                "2021-02-04T08:00:00+07:00", "2021-02-05T08:00:00+07:00",
            ])
    }

    @Test("due moments (when the journal says a deadline is overdue): each occurrence once, done ones left out")
    func dueMoments() throws {
        let from = try MomentParser.parse("19/11/2020", zone: zone).get()
        let to = try MomentParser.parse("01/02/2021", zone: zone).get()
        let dues = planner.dueMoments(from: from, to: to)
        let listed = dues.map { "\(planner.agenda.deadlines[$0.deadlineIndex].id) \(zone.iso8601($0.due))" }
        #expect(
            listed == [
                "5418-de-xuat 2020-12-10T17:00:00+07:00", "5418-bao-cao-thang 2020-12-20T17:00:00+07:00",
                "5418-ke-hoach-tong-the 2020-12-25T17:00:00+07:00", "04kh-can-bo-chu-chot 2020-12-31T17:00:00+07:00",
                "04kh-lop-ban-tuyen-giao 2020-12-31T17:00:00+07:00", "04kh-hoi-nghi-cap-uy 2021-01-15T17:00:00+07:00",
                "5418-bao-cao-thang 2021-01-20T17:00:00+07:00", "5418-chuong-trinh-cong-tac 2021-01-30T17:00:00+07:00",
                "04kh-hoi-nghi-co-so 2021-01-31T17:00:00+07:00",
            ])
        // The same due moments as the reminders carry.
        for d in dues {
            let id = planner.agenda.deadlines[d.deadlineIndex].id
            #expect(reminders(of: id).contains { $0.occurrence == d.occurrence && $0.due == d.due }, "\(id)")
        }
        // Marked done: not overdue.
        var state = PlannerState()
        state.markDone(
            OccurrenceID(deadlineID: "5418-de-xuat", date: CivilDate(year: 2020, month: 12, day: 10)!),
            unit: PlannerState.everyUnit, at: from)
        #expect(planner.dueMoments(from: from, to: to, state: state).count == dues.count - 1)
        // Windows are half-open: the moment itself belongs to the window that starts with it.
        let moment = try #require(dues.first?.due)
        #expect(planner.dueMoments(from: from, to: moment).isEmpty)
        #expect(planner.dueMoments(from: moment, to: moment.adding(seconds: 1)).count == 1)
    }

    @Test("5418-bao-cao-thang: every month on the 20th from 12/2020")
    func monthly() {
        let occurrences = Set(reminders(of: "5418-bao-cao-thang").map(\.occurrence.iso)).sorted()
        #expect(
            occurrences == [
                "2020-12-20", "2021-01-20", "2021-02-20", "2021-03-20", "2021-04-20", "2021-05-20", "2021-06-20",
                "2021-07-20", "2021-08-20", "2021-09-20", "2021-10-20", "2021-11-20",
            ])
        // Rules: 3wd, 1d, on the day, three urgings sent (on three distinct working mornings). Per sở, by the
        // weekday of the 20th:
        //  Sunday (12/2020, 6/2021): 3wd Wed; 1d (Sat) back to Fri, the due day (Sun) folds in; urging Mon-Wed: 5.
        //  Saturday (2/2021, 3/2021): 3wd Wed; 1d Fri, the due day folds in; urging Sun's and Mon's on Mon, Tue, Wed: 5.
        //  Wednesday (1/2021, 10/2021): 3wd the Friday before; 1d; due; urging Thu, Fri, and Sat's on Mon: 6.
        //  Tuesday 4/2021: 3wd Thu 15; 1d Mon 19; due; urging Giỗ Tổ's (Wed 21/4) on Thu 22, Fri 23, Mon 26: 6.
        //  Thursday 5/2021: 3wd Mon; 1d; due; urging Fri, Sat's and Sun's on Mon, Tue: 6.
        //  Tuesday 7/2021: 3wd Thu 15; 1d Mon; due; urging Wed, Thu, Fri: 6.
        //  Friday 8/2021: 3wd Tue; 1d; due; urging Sat's, Sun's and Mon's on Mon, Tue, Wed: 6.
        //  Monday 9/2021: 3wd Wed 15; 1d (Sun) on Monday 08:00, before 17:00, where the due day folds in; urging: 5.
        //  Saturday 20/11/2021: only 3wd (Wed 17/11) falls before the end of the window, 19/11/2021: 1.
        // 5 + 6 + 5 + 5 + 6 + 6 + 5 + 6 + 6 + 5 + 6 + 1 = 62.
        #expect(times(of: "5418-bao-cao-thang", unit: "so-tc").count == 62)
        #expect(
            times(of: "5418-bao-cao-thang", unit: "so-tc").prefix(11) == [
                "2020-12-16T08:00:00+07:00", "2020-12-18T08:00:00+07:00", "2020-12-21T08:00:00+07:00",
                "2020-12-22T08:00:00+07:00", "2020-12-23T08:00:00+07:00",
                "2021-01-15T08:00:00+07:00", "2021-01-19T08:00:00+07:00", "2021-01-20T08:00:00+07:00",
                "2021-01-21T08:00:00+07:00", "2021-01-22T08:00:00+07:00", "2021-01-25T08:00:00+07:00",
            ])
        // April 2021: urging 1 falls on Giỗ Tổ Hùng Vương (Wednesday 21/4) and waits for Thursday.
        #expect(
            times(of: "5418-bao-cao-thang", unit: "so-tc").filter { $0.hasPrefix("2021-04") } == [
                "2021-04-15T08:00:00+07:00", "2021-04-19T08:00:00+07:00", "2021-04-20T08:00:00+07:00",
                "2021-04-22T08:00:00+07:00", "2021-04-23T08:00:00+07:00", "2021-04-26T08:00:00+07:00",
            ])
    }

    @Test("nothing goes out on a day off or outside office hours, and nothing before a due moment comes after it")
    func workingMomentsOnly() {
        let calendar = planner.agenda.calendar
        for r in plan {
            #expect(calendar.isWorkingMoment(zone.localDateTime(at: r.sendAt)), "\(planner.key(of: r))")
            if r.kind == .before || r.kind == .due { #expect(r.sendAt < r.due, "\(planner.key(of: r))") }
        }
    }

    @Test("the plan is in send order")
    func ordered() {
        #expect(zip(plan, plan.dropFirst()).allSatisfy { $0.sendAt <= $1.sendAt })
    }
}
