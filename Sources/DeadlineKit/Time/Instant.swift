/// A moment in time: whole seconds since 1970-01-01T00:00:00Z.
///
/// The planner takes `now` as an ``Instant`` parameter and never reads a clock itself.
package struct Instant: Hashable, Comparable, Sendable, CustomStringConvertible {
    package var secondsSinceEpoch: Int64

    package init(secondsSinceEpoch: Int64) {
        self.secondsSinceEpoch = secondsSinceEpoch
    }

    package static func < (lhs: Instant, rhs: Instant) -> Bool {
        lhs.secondsSinceEpoch < rhs.secondsSinceEpoch
    }

    package func adding(seconds: Int64) -> Instant {
        Instant(secondsSinceEpoch: secondsSinceEpoch + seconds)
    }

    package static func - (lhs: Instant, rhs: Instant) -> Int64 {
        lhs.secondsSinceEpoch - rhs.secondsSinceEpoch
    }

    package var description: String { "@\(secondsSinceEpoch)" }
}
