/// The fuzz targets: each takes arbitrary bytes and runs them through a path that admin input reaches, discarding
/// what comes out. A target never traps, whatever the bytes: that is what fuzzing checks (`make fuzz`).
///
/// They are a library so that the tests replay the committed corpus (`Fuzz/Corpus/<target>/`) in-process, and
/// so that the driver (`deadline-fuzz`) runs them under libFuzzer when `Fuzz/run.sh` builds it with coverage.
package enum FuzzTarget: String, CaseIterable, Sendable {
    /// A configuration's text as the main file: TOML reader, decoder, cross-file checks, `check`'s diagnostics,
    /// then a short plan and the deadlines' status (``ConfigFuzzTarget``).
    case config
    /// One value (duration, count, offset, date, moment, header, address) on its own and in every position of a
    /// configuration, loaded as the daemon's reload loads it (``ValueFuzzTarget``).
    case values
    /// `deadlinectl import`'s reading of a directive's text (``ImportFuzzTarget``).
    case `import`

    /// Runs the target on one input.
    package func run(_ bytes: [UInt8]) {
        switch self {
        case .config: ConfigFuzzTarget.run(bytes)
        case .values: ValueFuzzTarget.run(bytes)
        case .import: ImportFuzzTarget.run(bytes)
        }
    }

    /// The longest input worth trying: larger ones only take longer on the same paths.
    package var maximumLength: Int {
        switch self {
        case .config: 16_384
        case .values: 512
        case .import: 4096
        }
    }
}
