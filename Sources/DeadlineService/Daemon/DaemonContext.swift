import DeadlineConfig
import DeadlineDelivery
import DeadlineKit

/// Everything the scheduler works from that a reload replaces at once: the configuration, its planner, the
/// channels built from it, and the templates.
final class DaemonContext: Sendable {
    let configuration: Configuration
    let planner: ReminderPlanner
    let channels: [String: any Channel]
    let templates: TemplateSet
    let loadedAt: Instant
    /// Channels that could not be set up, with why (their deliveries fail until fixed).
    let channelProblems: [String: String]
    /// The web side's links (`[web]` and its key), or why there are none.
    let web: WebSetup

    init(configuration: Configuration, templates: TemplateSet, loadedAt: Instant) {
        self.configuration = configuration
        planner = ReminderPlanner(agenda: configuration.agenda)
        (channels, channelProblems) = ChannelFactory.make(configuration.channels)
        web = WebSetup(configuration.web)
        self.templates = templates
        self.loadedAt = loadedAt
    }

    /// A context with the given channels in place of those the configuration would build (in-process tests).
    init(configuration: Configuration, templates: TemplateSet, loadedAt: Instant, channels: [String: any Channel]) {
        self.configuration = configuration
        planner = ReminderPlanner(agenda: configuration.agenda)
        self.channels = channels
        channelProblems = [:]
        web = WebSetup(configuration.web)
        self.templates = templates
        self.loadedAt = loadedAt
    }

    var agenda: Agenda { configuration.agenda }
    var zone: ZoneRules { configuration.agenda.settings.zone }
    var retryPolicy: RetryPolicy {
        var policy = RetryPolicy(
            limit: max(configuration.daemon.retryLimit, 1), maxAgeSeconds: configuration.daemon.retryMaxAgeSeconds)
        policy.baseSeconds = configuration.daemon.retryDelaySeconds
        return policy
    }

    func shutdown() async {
        for channel in channels.values { await channel.shutdown() }
    }
}
