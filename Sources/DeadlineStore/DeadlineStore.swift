// DeadlineStore: the durable ledger between the planner and the channels.
//
//   Ledger.swift     the protocol every backend implements (outbox, occurrences, inspection, instances, meta)
//   Model/           the values it takes and returns: LedgerReminder, LedgerEntry, AttemptClaim, OccurrenceEvent, ...
//   StoreError.swift the one error type: a code and an admin-readable, secret-free message
//   Schema/          LedgerSchema: numbered migration steps shared by every backend, dialect bits kept apart
//   SQLite/          SQLiteLedger on SQLite's C API (SQLiteConnection: one connection, statements compiled once): open
//                    (0600 file, WAL, busy timeout), migrations, queries
//   Postgres/        PostgresLedger over PostgresNIO, shared by several daemons (SharedLedger): claims with
//                    FOR UPDATE SKIP LOCKED, leases renewed while sending, fenced results, LISTEN/NOTIFY, one
//                    connection re-opened with backoff (PostgresLink); LedgerMigration copies SQLite into it
//
// The daemon's loop, in ledger calls:
//
//     let ledger = try await SQLiteLedger(path: stateDirectory + "/state.db")
//     _ = try await ledger.recordDue(due.map { LedgerReminder($0, planner: planner) }, at: now)
//     for entry in try await ledger.readyToSend(at: now, limit: 100) {
//         let claim = try await ledger.beginAttempt(key: entry.key, owner: instanceID,
//                                                   leaseUntil: now.adding(seconds: 300), at: now)
//         switch await channel.send(...) {
//         case .delivered(let receipt): try await ledger.recordSent(claim, response: receipt.response, at: clock.now)
//         case .temporaryFailure(let error, _): try await ledger.recordFailure(claim, error: "\(error)",
//                                                   disposition: .retry(at: backoff), at: clock.now)
//         case .permanentFailure(let error): try await ledger.recordFailure(claim, error: "\(error)",
//                                                   disposition: .permanent, at: clock.now)
//         }
//     }
//
// Crash safety comes from the order of those writes; the one window in which a message can go out twice is
// documented on `Ledger`. Tests: Tests/DeadlineStoreTests/Conformance runs against every backend.
