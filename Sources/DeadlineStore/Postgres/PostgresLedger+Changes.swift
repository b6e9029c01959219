import PostgresNIO

extension PostgresLedger {
    /// See ``SharedLedger/watchChanges(_:)``: `LISTEN deadlined` on a connection of its own, opened again after it
    /// breaks (0.5 s, doubling up to 10 s between attempts). The outage and the return are logged once each; after
    /// every (re)connection ``LedgerChange/resynchronize`` comes first.
    package func watchChanges(_ onChange: @escaping @Sendable (LedgerChange) async -> Void) async {
        guard let settings = try? configuration.connectionConfiguration() else { return }
        let quiet = queryLogger
        var failures = 0
        var downSince: ContinuousClock.Instant?
        var number = 1_000
        while !Task.isCancelled {
            var reason = "the server closed the connection"
            number += 1
            do {
                let connection = try await PostgresConnection.connect(
                    configuration: settings, id: number, logger: quiet)
                if let since = downSince {
                    let seconds = PostgresLink.seconds(since.duration(to: .now))
                    logger.notice("listening again for other daemons' changes on \(displayName) after \(seconds) s")
                }
                failures = 0
                downSince = nil
                do {
                    try await connection.listen(on: LedgerChange.channel) { notifications in
                        await onChange(.resynchronize)
                        for try await notification in notifications {
                            if let change = LedgerChange(payload: notification.payload) { await onChange(change) }
                        }
                    }
                } catch {
                    reason = PostgresFailure(error, database: displayName).error.message
                }
                try? await connection.close()
            } catch {
                reason = PostgresFailure(error, database: displayName).error.message
            }
            if Task.isCancelled { return }
            failures += 1
            if downSince == nil {
                downSince = .now
                logger.error("stopped hearing other daemons' changes: \(reason); reconnecting")
            }
            let backoff = PostgresLink.backoffSeconds(failures: failures)
            try? await Task.sleep(for: .milliseconds(Int64(backoff * 1000)))
        }
    }
}
