/// A first-in, first-out queue of jobs for a thread or pool that guards it with its own mutex: appends at the end,
/// takes from the front by moving a head index (no shifting for each job).
///
/// A job taken is let go at once (its slot is cleared), and the taken slots are dropped when the queue runs empty
/// or when they are half of it: a queue that never runs empty (a producer always ahead of its consumer) holds only
/// what waits.
package struct JobQueue<Job> {
    private var jobs: [Job?] = []
    private var head = 0

    package init() {}

    /// How many jobs wait.
    package var count: Int { jobs.count - head }

    package var isEmpty: Bool { head == jobs.count }

    package mutating func append(_ job: Job) {
        jobs.append(job)
    }

    /// The oldest job, or `nil` when none waits.
    package mutating func popFirst() -> Job? {
        guard head < jobs.count else { return nil }
        let job = jobs[head]
        jobs[head] = nil
        head += 1
        if head == jobs.count {
            jobs.removeAll(keepingCapacity: true)
            head = 0
        } else if head >= 64, head * 2 >= jobs.count {
            jobs.removeFirst(head)
            head = 0
        }
        return job
    }
}
