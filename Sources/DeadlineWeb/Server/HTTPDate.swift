#if canImport(Glibc)
    import Glibc
#endif
import DeadlineKit

/// The `Date` header's IMF-fixdate (RFC 9110 §5.6.7), `Sun, 06 Nov 1994 08:49:37 GMT`, from the system clock;
/// computed per response rather than by a once-a-second timer, which would wake an idle daemon.
enum HTTPDate {
    static func now() -> String {
        format(Int64(time(nil)))
    }

    static func format(_ unixSeconds: Int64) -> String {
        let days = Int(unixSeconds >= 0 ? unixSeconds / 86_400 : (unixSeconds - 86_399) / 86_400)
        let second = Int(unixSeconds - Int64(days) * 86_400)
        let date = CivilDate(daysSinceEpoch: days)
        let weekday = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"][date.weekday.rawValue - 1]
        let month = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"][date.month - 1]
        func two(_ n: Int) -> String { n < 10 ? "0\(n)" : String(n) }
        return
            "\(weekday), \(two(date.day)) \(month) \(date.year) \(two(second / 3600)):\(two(second / 60 % 60)):\(two(second % 60)) GMT"
    }
}
