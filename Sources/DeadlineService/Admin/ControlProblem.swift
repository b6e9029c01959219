import DeadlineKit

/// A running daemon that cannot be told or asked something over its control socket, in the admin's words.
enum ControlProblem {
    /// `deadlined không chạy trên máy này (…)`: what went wrong reaching it.
    static func describe(_ error: any Error, _ say: Catalog) -> String {
        guard let unreachable = (error as? ControlError)?.unreachable else { return "\(error)" }
        guard let reason = unreachable.reason else {
            return say(CommonText.controlNotRunning, ["socket": unreachable.socket])
        }
        return say(CommonText.controlUnreachable, ["socket": unreachable.socket, "error": reason])
    }

    /// The note after a change written to the ledger that the daemon could not be told of.
    static func note(_ error: any Error, _ say: Catalog) -> String {
        say(CommonText.changeTakesEffectLater, ["problem": describe(error, say)])
    }
}
