// The rules of the Chinese-style lunisolar calendar, applied at a meridian: which civil day holds each new moon,
// which month holds the winter solstice, and which month is the leap month. ``VietnameseLunarCalendar`` is these
// rules reckoned at Vietnam's meridians; the same code reckoned at UTC+8 gives the Chinese calendar, which the tests
// use to show where the two differ.

/// How a lunisolar calendar turns astronomical moments into civil days: the UTC offset of the meridian at which
/// new moons and solar terms are dated.
enum LunisolarReckoning: Sendable, Hashable {
    /// Vietnam's calendar as published (Hồ Ngọc Đức's tables): days before 1 January 1968 are reckoned at UTC+8
    /// (the meridian 120° E, as in China), days from then on at UTC+7 (105° E, Hanoi time). Before 1929 new moons
    /// are dated at Beijing's local mean time (UTC+7:45:40), as the Chinese almanacs of the time were; one month
    /// start, Tết 1925, is taken from the published table as it stands (see ``publishedNewMoonDays``).
    case vietnam
    /// One fixed offset for every day, e.g. `.fixed(hours: 8)` for the modern Chinese calendar.
    case fixed(hours: Int)

    /// 1 January 1929, from which Chinese almanacs dated new moons at UTC+8 instead of Beijing's mean time.
    private static let beijingMeanTimeEnd = dayNumber(year: 1929, month: 1, day: 1)
    /// Beijing's local mean time (116°25′ E), UTC+7:45:40, in days.
    private static let beijingMeanTimeOffset = (7 * 3600 + 45 * 60 + 40) / 86_400.0
    /// 1 January 1968, from which the Vietnamese calendar is reckoned at UTC+7.
    private static let vietnamCutover = dayNumber(year: 1968, month: 1, day: 1)

    /// Month starts of the published Vietnamese table that no meridian explains, by lunation (Meeus's numbering):
    /// the new moon of lunation -927 fell at 21:45 on 24/1/1925 in Hanoi (22:45 at UTC+8, where China's almanac put
    /// Tết), but the table begins the year Ất Sửu on 25/1/1925.
    static let publishedNewMoonDays: [Int: Int] = [-927: dayNumber(year: 1925, month: 1, day: 25)]

    /// Days since 1970-01-01 of a proleptic Gregorian date given by its fields, for any year (``CivilDate`` only
    /// takes years 1 to 9999), with the same arithmetic as ``CivilDate/daysSinceEpoch``.
    static func dayNumber(year: Int, month: Int, day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let shiftedMonth = month > 2 ? month - 3 : month + 9
        let dayOfYear = (153 * shiftedMonth + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    /// The UTC offset, in hours, that dates solar terms on the civil day `day` (days since 1970-01-01).
    func utcOffsetHours(onDay day: Int) -> Int {
        switch self {
        case .vietnam: return day < Self.vietnamCutover ? 8 : 7
        case .fixed(let hours): return hours
        }
    }

    /// The civil day (days since 1970-01-01) that holds the new moon of lunation `k`.
    func newMoonDay(lunation k: Int) -> Int {
        let moment = Astronomy.newMoon(lunation: k) - Astronomy.julianDayAtEpoch
        func day(atOffset days: Double) -> Int { Int((moment + days).rounded(.down)) }
        switch self {
        case .vietnam:
            if let published = Self.publishedNewMoonDays[k] { return published }
            let chinese = day(atOffset: 8 / 24)
            if chinese < Self.beijingMeanTimeEnd { return day(atOffset: Self.beijingMeanTimeOffset) }
            return chinese < Self.vietnamCutover ? chinese : day(atOffset: 7 / 24)
        case .fixed(let hours):
            return day(atOffset: Double(hours) / 24)
        }
    }

    /// Which 30° sector of the ecliptic the Sun is in at the first moment of the civil day `day`: 0 from the March
    /// equinox (0°) to 30°, …, 9 from the December solstice (270°) to 300°, 11 from 330° to 360°. A month holds a
    /// major solar term (trung khí) exactly when the sector at its first day differs from the next month's.
    func solarSector(atStartOf day: Int) -> Int {
        let moment = Astronomy.julianDayAtEpoch + Double(day) - Double(utcOffsetHours(onDay: day)) / 24
        return Int(Astronomy.apparentSolarLongitude(julianDay: moment) / 30)
    }
}

/// One month of a lunar year, as the calculation produces it.
struct ReckonedMonth: Hashable, Sendable {
    var lunarYear: Int
    var number: Int
    var isLeap: Bool
    /// The civil day of the new moon that begins it, in days since 1970-01-01.
    var firstDay: Int
}

/// New-moon days of a reckoning, each computed once: a lunar year needs about 28 consecutive ones, and finding each
/// month 11 looks at some of them twice.
struct NewMoonDays {
    let reckoning: LunisolarReckoning
    private let firstLunation: Int
    private var days: [Int?]

    /// Room for the lunations from a month before 31 December of `solsticeYear` to 26 months later.
    init(_ reckoning: LunisolarReckoning, from solsticeYear: Int) {
        self.reckoning = reckoning
        let december31 = LunisolarReckoning.dayNumber(year: solsticeYear, month: 12, day: 31)
        firstLunation = Astronomy.nearestLunation(to: Astronomy.julianDayAtEpoch + Double(december31)) - 2
        days = Array(repeating: nil, count: 30)
    }

    /// The civil day that holds the new moon of lunation `k`.
    mutating func day(_ k: Int) -> Int {
        let index = k - firstLunation
        guard days.indices.contains(index) else { return reckoning.newMoonDay(lunation: k) }
        if let day = days[index] { return day }
        let day = reckoning.newMoonDay(lunation: k)
        days[index] = day
        return day
    }

    /// The lunation that begins month 11 of `solsticeYear`: the month whose days include the December solstice.
    mutating func month11Lunation(solsticeYear: Int) -> Int {
        let december31 = LunisolarReckoning.dayNumber(year: solsticeYear, month: 12, day: 31)
        var k = Astronomy.nearestLunation(to: Astronomy.julianDayAtEpoch + Double(december31))
        // The last new moon on or before 31 December.
        while day(k) > december31 { k -= 1 }
        while day(k + 1) <= december31 { k += 1 }
        // If the Sun had already passed 270° when that month began, the solstice fell in the month before.
        if reckoning.solarSector(atStartOf: day(k)) >= 9 {
            k -= 1
        }
        return k
    }
}

extension LunisolarReckoning {
    /// Numbers the months between two winter solstices (a "suì"): `starts` holds the first days of month 11 of
    /// `solsticeYear`, the months after it, and the next month 11 as the last element; 13 or 14 elements in all.
    /// In a 13-month suì the leap month is the first month after month 11 that holds no major solar term
    /// (trung khí): the Sun is in the same 30° sector at its first day and at the next month's.
    func numberMonths(solsticeYear: Int, starts: ArraySlice<Int>) -> [ReckonedMonth] {
        var leapIndex: Int? = nil
        if starts.count == 14 {
            let base = starts.startIndex
            var sector = solarSector(atStartOf: starts[base + 1])
            for offset in 1...12 {
                let nextSector = solarSector(atStartOf: starts[base + offset + 1])
                if nextSector == sector {
                    leapIndex = offset
                    break
                }
                sector = nextSector
            }
        }
        var months: [ReckonedMonth] = []
        months.reserveCapacity(13)
        var number = 10  // the month before month 11
        var lunarYear = solsticeYear
        for (offset, start) in starts.dropLast().enumerated() {
            let isLeap = offset == leapIndex
            if !isLeap {
                number = number % 12 + 1
                if number == 1 { lunarYear += 1 }
            }
            months.append(ReckonedMonth(lunarYear: lunarYear, number: number, isLeap: isLeap, firstDay: start))
        }
        return months
    }
}

/// The months of one lunar year (mùng 1 tháng Giêng to the eve of the next Tết), and the month before it.
struct LunarYearLayout: Sendable {
    let lunarYear: Int
    /// Months 1 to 12 in order, with the leap month (if any) after the month whose number it repeats.
    let months: [ReckonedMonth]
    /// The first day of each month, plus the next lunar year's Tết as the last element.
    let monthStarts: [Int]
    /// The last month of the previous lunar year: month 12, or a leap month 12.
    let previousMonth: ReckonedMonth

    /// The layout of `requestedYear`, or of the nearer end of ``VietnameseLunarCalendar/computableYears`` when it
    /// lies beyond them.
    init(_ requestedYear: Int, reckoning: LunisolarReckoning) {
        let computable = VietnameseLunarCalendar.computableYears
        let lunarYear = min(max(requestedYear, computable.lowerBound), computable.upperBound)
        self.lunarYear = lunarYear
        // Months 11 and 12 of the previous lunar year and months 1 to 10 of this one lie between the solstices of
        // lunarYear - 1 and lunarYear; months 11 and 12 of this one between the solstices of lunarYear and the next.
        var newMoons = NewMoonDays(reckoning, from: lunarYear - 1)
        let first = newMoons.month11Lunation(solsticeYear: lunarYear - 1)
        let middle = newMoons.month11Lunation(solsticeYear: lunarYear)
        let last = newMoons.month11Lunation(solsticeYear: lunarYear + 1)
        let starts = (first...last).map { newMoons.day($0) }
        let seam = middle - first
        let all =
            reckoning.numberMonths(solsticeYear: lunarYear - 1, starts: starts[...seam])
            + reckoning.numberMonths(solsticeYear: lunarYear, starts: starts[seam...])
        let firstIndex = all.firstIndex { $0.lunarYear == lunarYear } ?? 1
        let endIndex = all.firstIndex { $0.lunarYear > lunarYear } ?? all.count
        months = Array(all[firstIndex..<endIndex])
        monthStarts = Array(starts[firstIndex...endIndex])
        previousMonth = all[firstIndex - 1]
    }

    /// Mùng 1 Tết, in days since 1970-01-01.
    var newYearDay: Int { monthStarts[0] }

    /// The number of days (29 or 30) of the month at `index` in ``months``.
    func dayCount(at index: Int) -> Int {
        monthStarts[index + 1] - monthStarts[index]
    }
}
