#if canImport(Glibc)
    import Glibc
#endif
import FuzzTargets

// `deadline-fuzz TARGET [ARGUMENTS...]`, TARGET being config, values or import.
//
// Built by Fuzz/run.sh with coverage instrumentation and `-D FUZZING`, it is a libFuzzer binary: the ARGUMENTS are
// libFuzzer's (corpus folders, -max_total_time=...). Built plainly (`swift build`), it replays files: each
// ARGUMENT is an input run once, e.g. a crash file libFuzzer wrote, so that a trap shows with a readable backtrace.

#if FUZZING
    @_silgen_name("LLVMFuzzerRunDriver")
    func LLVMFuzzerRunDriver(
        _ argc: UnsafeMutablePointer<CInt>,
        _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>>,
        _ callback: @convention(c) (UnsafePointer<UInt8>?, Int) -> CInt
    ) -> CInt

    /// The target chosen on the command line; set once, before libFuzzer starts calling.
    nonisolated(unsafe) var selectedTarget = FuzzTarget.config

    @main
    enum FuzzDriver {
        static func main() {
            guard let target = FuzzDriver.target() else { exit(2) }
            selectedTarget = target
            // libFuzzer reads argv[0] and its own flags: drop the target's name.
            var arguments = CommandLine.arguments
            arguments.remove(at: 1)
            if !arguments.contains(where: { $0.hasPrefix("-max_len=") }) {
                arguments.append("-max_len=\(target.maximumLength)")
            }
            var cStrings = arguments.map { strdup($0) }
            var argc = CInt(cStrings.count)
            let code = cStrings.withUnsafeMutableBufferPointer { buffer in
                var argv = buffer.baseAddress!
                return LLVMFuzzerRunDriver(&argc, &argv) { data, size in
                    selectedTarget.run(data.map { Array(UnsafeBufferPointer(start: $0, count: size)) } ?? [])
                    return 0
                }
            }
            exit(code)
        }
    }
#else
    @main
    enum FuzzDriver {
        static func main() {
            guard let target = FuzzDriver.target() else { exit(2) }
            for path in CommandLine.arguments.dropFirst(2) {
                guard let bytes = FuzzDriver.read(path) else {
                    FuzzDriver.error("deadline-fuzz: cannot read \(path)\n")
                    exit(1)
                }
                target.run(bytes)
                print("\(path): ok")
            }
        }

        static func read(_ path: String) -> [UInt8]? {
            guard let file = fopen(path, "rb") else { return nil }
            defer { fclose(file) }
            var bytes: [UInt8] = []
            var buffer = [UInt8](repeating: 0, count: 65_536)
            while true {
                let n = fread(&buffer, 1, buffer.count, file)
                if n <= 0 { break }
                bytes += buffer[0..<n]
            }
            return bytes
        }
    }
#endif

extension FuzzDriver {
    /// Writes to standard error.
    static func error(_ text: String) {
        let bytes = Array(text.utf8)
        _ = bytes.withUnsafeBytes { write(STDERR_FILENO, $0.baseAddress, $0.count) }
    }

    /// The target named by the first argument, or nil after saying which exist.
    static func target() -> FuzzTarget? {
        let names = FuzzTarget.allCases.map(\.rawValue).joined(separator: ", ")
        guard CommandLine.arguments.count >= 2, let target = FuzzTarget(rawValue: CommandLine.arguments[1]) else {
            error("usage: deadline-fuzz TARGET [ARGUMENTS...]; TARGET is one of \(names)\n")
            return nil
        }
        return target
    }
}
