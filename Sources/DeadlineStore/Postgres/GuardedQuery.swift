import PostgresNIO
import Synchronization

/// Runs one ``PostgresLink`` operation so that it cannot hang the daemon: PostgresNIO (1.33) can leave a query
/// pending for ever when the server closes the connection under it (a restart, `pg_terminate_backend`); see
/// vapor/postgres-nio#487, reverted in #501. The operation runs in a task of its own; a watcher gives up on it
/// when the connection has been closed for a second without an answer, or after `limit`, closes the connection,
/// and throws ``AbandonedQuery``. An abandoned task stays suspended (it holds only its closure), one per such
/// event.
enum GuardedQuery {
    /// How often the watcher looks at the connection while an operation runs; it is cancelled as soon as the
    /// operation answers, so an idle daemon has no wake-ups from it.
    static let pollInterval = Duration.milliseconds(250)
    /// How long a closed connection may keep an operation unanswered.
    static let closedGrace = Duration.seconds(1)

    static func run<T: Sendable>(
        on connection: PostgresConnection, limit: Duration,
        _ body: @escaping @Sendable (PostgresConnection) async throws -> T
    ) async throws -> T {
        let answer = OnceContinuation<T>()
        return try await withCheckedThrowingContinuation { continuation in
            answer.set(continuation)
            let watcher = Task {
                let start = ContinuousClock.now
                var closedSince: ContinuousClock.Instant?
                while !Task.isCancelled {
                    try? await Task.sleep(for: pollInterval)
                    if Task.isCancelled { return }
                    let now = ContinuousClock.now
                    if connection.isClosed, closedSince == nil { closedSince = now }
                    let reason: String? =
                        if let closedSince, now - closedSince >= closedGrace {
                            "the connection closed during a query that never answered"
                        } else if now - start >= limit {
                            "no answer within \(limit.components.seconds) s"
                        } else {
                            nil
                        }
                    if let reason {
                        connection.close().whenComplete { _ in withExtendedLifetime(connection) {} }
                        answer.resume(with: .failure(AbandonedQuery(reason: reason)))
                        return
                    }
                }
            }
            Task {
                let result: Result<T, any Error>
                do {
                    result = .success(try await body(connection))
                } catch {
                    result = .failure(error)
                }
                watcher.cancel()
                answer.resume(with: result)
            }
        }
    }
}

/// A ``PostgresLink`` operation given up by ``GuardedQuery``: the connection is gone.
struct AbandonedQuery: Error {
    /// What happened, for the admin.
    let reason: String
}

/// A continuation resumed at most once, by whichever of the operation and its watcher comes first. Set before
/// either starts.
private final class OnceContinuation<T: Sendable>: Sendable {
    private let continuation = Mutex<CheckedContinuation<T, any Error>?>(nil)

    func set(_ continuation: CheckedContinuation<T, any Error>) {
        self.continuation.withLock { $0 = continuation }
    }

    func resume(with result: Result<T, any Error>) {
        continuation.withLock { $0.take() }?.resume(with: result)
    }
}
