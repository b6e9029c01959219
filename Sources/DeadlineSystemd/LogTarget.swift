import Glibc
package import Logging

/// Where deadlined's log statements go: chosen by the `--log-target` flag, `auto` by default.
///
/// The rule for ``auto`` (``resolve(in:)``):
/// 1. **journal** if `$JOURNAL_STREAM` names stderr's device and inode (`"<st_dev>:<st_ino>"`, both decimal).
///    This is how systemd documents detecting that stderr is connected to the journal: a service with
///    `StandardError=journal` has it set; a child whose stderr was redirected elsewhere inherits the variable but
///    no longer matches.
/// 2. otherwise **journal** if journald's native socket `/run/systemd/journal/socket` exists *and* stderr is not
///    a terminal: a daemon started some other way on a systemd host, or a timer's job.
/// 3. otherwise **console**: a person at a terminal, a container without journald, a test.
///
/// The console format is `<N>`-prefixed when stderr is the journal stream (only reachable with an explicit
/// ``console``) and plain otherwise.
package enum LogTarget: String, Sendable, CaseIterable {
    /// Decide at start-up from the environment; see the type's documentation.
    case auto
    /// Always write to journald with ``JournalLogHandler`` (which writes to stderr while journald is absent).
    case journal
    /// Always write lines to stderr with ``StderrLogHandler``.
    case console

    /// The destination this target means in the given environment.
    package func resolve(in environment: LogEnvironment) -> LogDestination {
        let consoleFormat: StderrLogHandler.LineFormat = environment.stderrIsJournalStream ? .priorityPrefixed : .plain
        switch self {
        case .journal:
            return .journal(fallback: consoleFormat)
        case .console:
            return .console(consoleFormat)
        case .auto:
            if environment.stderrIsJournalStream
                || (environment.journalSocketExists && !environment.stderrIsTerminal)
            {
                return .journal(fallback: consoleFormat)
            }
            return .console(consoleFormat)
        }
    }

    /// A handler factory for `LoggingSystem.bootstrap`, resolving the target once, now.
    ///
    /// ```swift
    /// LoggingSystem.bootstrap(LogTarget.auto.makeHandlerFactory())
    /// ```
    ///
    /// - Parameters:
    ///   - identifier: the `SYSLOG_IDENTIFIER` for journal entries.
    ///   - logLevel: the minimum level of every handler made.
    ///   - environment: the environment to resolve in; the process's own by default.
    package func makeHandlerFactory(
        identifier: String = "deadlined",
        logLevel: Logger.Level = .info,
        environment: LogEnvironment = .current()
    ) -> @Sendable (String) -> any LogHandler {
        let destination = self.resolve(in: environment)
        return { _ in destination.makeHandler(identifier: identifier, logLevel: logLevel) }
    }
}

/// A resolved ``LogTarget``: which handler to build and how it writes to stderr.
package enum LogDestination: Sendable, Hashable {
    /// ``JournalLogHandler``, writing stderr lines in the given format only if journald cannot be reached.
    case journal(fallback: StderrLogHandler.LineFormat)
    /// ``StderrLogHandler`` with the given line format.
    case console(StderrLogHandler.LineFormat)

    /// A new handler for this destination.
    package func makeHandler(identifier: String = "deadlined", logLevel: Logger.Level = .info) -> any LogHandler {
        switch self {
        case .journal(let fallback):
            var handler = JournalLogHandler(identifier: identifier, fallbackFormat: fallback)
            handler.logLevel = logLevel
            return handler
        case .console(let format):
            var handler = StderrLogHandler(format: format)
            handler.logLevel = logLevel
            return handler
        }
    }
}

/// The facts ``LogTarget/resolve(in:)`` decides on, gathered by ``current()`` or written by a test.
package struct LogEnvironment: Sendable, Hashable {
    /// The value of `$JOURNAL_STREAM`, if set.
    package var journalStream: String?
    /// Device and inode of file descriptor 2, or `nil` if it is closed.
    package var stderrIdentity: FileIdentity?
    /// Whether file descriptor 2 is a terminal.
    package var stderrIsTerminal: Bool
    /// Whether `/run/systemd/journal/socket` exists.
    package var journalSocketExists: Bool

    /// A device and inode number pair, as in `struct stat`.
    package struct FileIdentity: Sendable, Hashable {
        /// `st_dev`.
        package var device: UInt64
        /// `st_ino`.
        package var inode: UInt64
        /// Creates an identity.
        package init(device: UInt64, inode: UInt64) {
            self.device = device
            self.inode = inode
        }
    }

    /// Creates an environment from explicit facts.
    package init(
        journalStream: String?,
        stderrIdentity: FileIdentity?,
        stderrIsTerminal: Bool,
        journalSocketExists: Bool
    ) {
        self.journalStream = journalStream
        self.stderrIdentity = stderrIdentity
        self.stderrIsTerminal = stderrIsTerminal
        self.journalSocketExists = journalSocketExists
    }

    /// The path of journald's native-protocol socket.
    package static let journalSocketPath = "/run/systemd/journal/socket"

    /// The calling process's environment, read now.
    package static func current() -> LogEnvironment {
        var status = stat()
        let identity =
            fstat(STDERR_FILENO, &status) == 0
            ? FileIdentity(device: UInt64(status.st_dev), inode: UInt64(status.st_ino)) : nil
        let socketExists = JournalSender.socketExists()
        return LogEnvironment(
            journalStream: getenv("JOURNAL_STREAM").map { String(cString: $0) },
            stderrIdentity: identity,
            stderrIsTerminal: isatty(STDERR_FILENO) == 1,
            journalSocketExists: socketExists
        )
    }

    /// Whether `$JOURNAL_STREAM` is `"<device>:<inode>"` of stderr, meaning stderr is connected to journald.
    package var stderrIsJournalStream: Bool {
        guard let journalStream, let stderrIdentity else { return false }
        let parts = journalStream.split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count == 2, let device = UInt64(parts[0]), let inode = UInt64(parts[1]) else { return false }
        return device == stderrIdentity.device && inode == stderrIdentity.inode
    }
}
