import DeadlineKit

/// The planner's output for a window around now, kept between wake-ups so a wake-up does not re-plan every
/// deadline. Rebuilt when the window moves past it, when the configuration is reloaded, or when the ledger's
/// admin state (done, snoozed) changes.
struct PlanCache {
    private(set) var from = Instant(secondsSinceEpoch: 0)
    private(set) var to = Instant(secondsSinceEpoch: 0)
    private(set) var reminders: [PlannedReminder] = []
    /// The due moments in the same window, for the journal's "deadline overdue" entries.
    private(set) var dues: [DueMoment] = []
    private var stateVersion: Int64 = -1

    /// How far past the requested window a rebuild plans.
    static let horizonSeconds: Int64 = 6 * 3600

    mutating func invalidate() {
        to = from
        reminders = []
        dues = []
        stateVersion = -1
    }

    /// Plans anew unless the cache covers `from..<to` for this state.
    private mutating func cover(
        from: Instant, to: Instant, planner: ReminderPlanner, state: PlannerState, stateVersion: Int64
    ) {
        guard from < self.from || to > self.to || stateVersion != self.stateVersion else { return }
        self.from = from
        self.to = to.adding(seconds: PlanCache.horizonSeconds)
        self.stateVersion = stateVersion
        reminders = planner.reminders(from: self.from, to: self.to, state: state)
        dues = planner.dueMoments(from: self.from, to: self.to, state: state)
    }

    /// The reminders with `from <= sendAt < to`, planning anew when the cache does not cover them.
    mutating func reminders(
        from: Instant, to: Instant, planner: ReminderPlanner, state: PlannerState, stateVersion: Int64
    ) -> ArraySlice<PlannedReminder> {
        cover(from: from, to: to, planner: planner, state: state, stateVersion: stateVersion)
        return reminders.window(from: from, to: to, at: \.sendAt)
    }

    /// The occurrences not done that fall due in `from <= due < to`, planning anew when the cache does not cover them.
    mutating func dues(
        from: Instant, to: Instant, planner: ReminderPlanner, state: PlannerState, stateVersion: Int64
    ) -> ArraySlice<DueMoment> {
        cover(from: from, to: to, planner: planner, state: state, stateVersion: stateVersion)
        return dues.window(from: from, to: to, at: \.due)
    }

    /// The first send time after `now`: from the cache, else by planning ever wider windows ahead (bounded).
    func nextSendTime(after now: Instant, planner: ReminderPlanner, state: PlannerState) -> Instant? {
        firstMoment(after: now, in: reminders, at: \.sendAt) { planner.reminders(from: $0, to: $1, state: state).first }
    }

    /// The first due moment after `now`: from the cache, else by looking ever further ahead (bounded).
    func nextDue(after now: Instant, planner: ReminderPlanner, state: PlannerState) -> Instant? {
        firstMoment(after: now, in: dues, at: \.due) { planner.dueMoments(from: $0, to: $1, state: state).first }
    }

    /// The first moment after `now` among `cached` (sorted by `moment`) if the cache covers it, else the moment of
    /// the first item `plan` finds in windows of a day, a week, 60 and 400 days ahead.
    private func firstMoment<Item>(
        after now: Instant, in cached: [Item], at moment: KeyPath<Item, Instant>, plan: (Instant, Instant) -> Item?
    ) -> Instant? {
        let start = now.adding(seconds: 1)
        if start >= from, start < to {
            let i = cached.partitioningIndex { $0[keyPath: moment] >= start }
            if i < cached.count { return cached[i][keyPath: moment] }
        }
        var windowStart = max(start, to)
        for span: Int64 in [86_400, 7 * 86_400, 60 * 86_400, 400 * 86_400] {
            let windowEnd = start.adding(seconds: span)
            guard windowEnd > windowStart else { continue }
            if let first = plan(windowStart, windowEnd) { return first[keyPath: moment] }
            windowStart = windowEnd
        }
        return nil
    }
}

extension Array {
    /// The elements with `from <= moment < to`, for an array sorted by `moment`.
    func window(from: Instant, to: Instant, at moment: KeyPath<Element, Instant>) -> ArraySlice<Element> {
        let lower = partitioningIndex { $0[keyPath: moment] >= from }
        let upper = partitioningIndex { $0[keyPath: moment] >= to }
        return self[lower..<Swift.max(lower, upper)]
    }
}

extension RandomAccessCollection {
    /// The first index whose element satisfies `predicate`, for a collection where it holds from some point on.
    func partitioningIndex(where predicate: (Element) -> Bool) -> Index {
        var low = startIndex
        var count = self.count
        while count > 0 {
            let half = count / 2
            let mid = index(low, offsetBy: half)
            if predicate(self[mid]) {
                count = half
            } else {
                low = index(after: mid)
                count -= half + 1
            }
        }
        return low
    }
}
