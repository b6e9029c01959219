import DeadlineConfig
import DeadlineStore
import Testing

@testable import DeadlineService

/// `sslmode` is read once, into an enum, where it is written; the ledger gets every mode as written, none guessed.
@Suite("sslmode: one enum from the config to the ledger")
struct SSLModeTests {
    @Test("each mode reaches the PostgreSQL ledger as the same libpq mode", arguments: SSLMode.allCases)
    func mapsEveryMode(_ mode: SSLMode) {
        #expect(LedgerSelection.ledgerSSLMode(mode).rawValue == mode.rawValue)
    }

    @Test("check lists libpq's six modes; the default is prefer on this machine and verify-full elsewhere")
    func schemaAndDefault() {
        #expect(ConfigSchema.sslModes == ["disable", "allow", "prefer", "require", "verify-ca", "verify-full"])
        #expect(SSLMode.defaultMode(isLocal: true) == .prefer)
        #expect(SSLMode.defaultMode(isLocal: false) == .verifyFull)
        #expect(SSLMode.allCases.filter(\.mayBePlainText) == [.disable, .allow, .prefer])
    }
}
