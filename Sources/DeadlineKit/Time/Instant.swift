/// A moment in time: whole seconds since 1970-01-01T00:00:00Z.
///
/// The planner takes `now` as an ``Instant`` parameter and never reads a clock itself.
public struct Instant: Hashable, Comparable, Sendable, CustomStringConvertible {
    public var secondsSinceEpoch: Int64

    public init(secondsSinceEpoch: Int64) {
        self.secondsSinceEpoch = secondsSinceEpoch
    }

    public static func < (lhs: Instant, rhs: Instant) -> Bool {
        lhs.secondsSinceEpoch < rhs.secondsSinceEpoch
    }

    public func adding(seconds: Int64) -> Instant {
        Instant(secondsSinceEpoch: secondsSinceEpoch + seconds)
    }

    public static func - (lhs: Instant, rhs: Instant) -> Int64 {
        lhs.secondsSinceEpoch - rhs.secondsSinceEpoch
    }

    public var description: String { "@\(secondsSinceEpoch)" }
}
