import DeadlineConfig
import DeadlineKit
import DeadlineSystemd
import Logging

extension Scheduler {
    /// Re-reads every config file. A configuration with errors is rejected, every error logged, and the old one
    /// keeps running; a good one replaces it at once (new channels, a new plan).
    func reload() async -> ReloadOutcome {
        notifier.reloading(status: lastStatus)
        let result = LoadedConfiguration.load(mainFile: mainFile, environment: environment, compacted: true)
        guard let configuration = result.configuration else {
            let errors = result.errors.map(\.description)
            for error in errors {
                logger.error("config rejected: \(error)", metadata: LogEventID.configRejected.metadata())
            }
            logger.error(
                "the new configuration has \(errors.count) error\(errors.count == 1 ? "" : "s"); the previous configuration keeps running",
                metadata: LogEventID.configRejected.metadata())
            notifier.ready(status: lastStatus)
            return .rejected(errors: errors)
        }
        let old = context
        context = makeContext(configuration, result.templates, clock.now())
        await old.shutdown()
        cache.invalidate()
        rescanCatchUpWindow = true
        for warning in result.warnings { logger.warning("config: \(warning)") }
        for (channel, problem) in context.channelProblems.sorted(by: { $0.key < $1.key }) {
            logger.error("channel '\(channel)' cannot be used until this is fixed: \(problem)")
        }
        logger.notice(
            "configuration reloaded: \(configuration.summary)",
            metadata: LogEventID.configReloaded.metadata([
                "config_files": .string(configuration.files.joined(separator: " "))
            ]))
        notifier.ready(status: lastStatus)
        return .accepted(summary: configuration.summary, warnings: result.warnings.map(\.description))
    }
}
