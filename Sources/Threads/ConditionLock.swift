#if canImport(Glibc)
    package import Glibc
#elseif canImport(Musl)
    package import Musl
#endif

/// A pthread mutex and a condition variable at stable addresses (allocated, never a Swift `var`, whose address
/// Swift does not promise to keep): the one lock-and-wait of deadlined's own threads.
package final class ConditionLock: @unchecked Sendable {
    private let mutex = UnsafeMutablePointer<pthread_mutex_t>.allocate(capacity: 1)
    private let condition = UnsafeMutablePointer<pthread_cond_t>.allocate(capacity: 1)

    package init() {
        pthread_mutex_init(mutex, nil)
        pthread_cond_init(condition, nil)
    }

    deinit {
        pthread_cond_destroy(condition)
        pthread_mutex_destroy(mutex)
        condition.deallocate()
        mutex.deallocate()
    }

    package func lock() { pthread_mutex_lock(mutex) }
    package func unlock() { pthread_mutex_unlock(mutex) }

    package func withLock<T>(_ body: () throws -> T) rethrows -> T {
        pthread_mutex_lock(mutex)
        defer { pthread_mutex_unlock(mutex) }
        return try body()
    }

    /// Sleeps until signalled; call with the lock held (it is released meanwhile and held again on return).
    package func wait() { pthread_cond_wait(condition, mutex) }

    /// Like ``wait()``, but no later than `deadline` on the wall clock; false when the time ran out.
    package func wait(until deadline: timespec) -> Bool {
        var deadline = deadline
        return pthread_cond_timedwait(condition, mutex, &deadline) != ETIMEDOUT
    }

    /// Wakes one waiter; call with the lock held.
    package func signal() { pthread_cond_signal(condition) }

    /// Wakes every waiter; call with the lock held.
    package func broadcast() { pthread_cond_broadcast(condition) }

    /// A condition variable of its own, waited on with this lock held (several threads sharing one lock, each
    /// woken alone).
    package func makeCondition() -> Condition { Condition(lock: self) }

    /// A further condition variable bound to a ``ConditionLock``'s mutex.
    package final class Condition: @unchecked Sendable {
        private let lock: ConditionLock
        private let condition = UnsafeMutablePointer<pthread_cond_t>.allocate(capacity: 1)

        fileprivate init(lock: ConditionLock) {
            self.lock = lock
            pthread_cond_init(condition, nil)
        }

        deinit {
            pthread_cond_destroy(condition)
            condition.deallocate()
        }

        /// Sleeps until signalled; call with the lock held.
        package func wait() { pthread_cond_wait(condition, lock.mutex) }

        /// Wakes its waiter; call with the lock held.
        package func signal() { pthread_cond_signal(condition) }
    }
}
