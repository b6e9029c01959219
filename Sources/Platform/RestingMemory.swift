#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#endif
import CLinuxShim

/// What deadlined hands back to the system when it goes to sleep for a while: the pages of program and libraries
/// it touched to start (the configuration's parser, the planner's first pass, curl's set-up) and the free memory
/// left in malloc's heaps. A daemon that sleeps for an hour between reminders then holds what it needs at rest,
/// not what it needed to start.
///
/// Only pages that are exactly their file's bytes are let go: mappings of a file that are private, not writable,
/// with no page of their own (`Anonymous: 0 kB` in `/proc/self/smaps`: a page copied on write, such as relocated
/// data, counts there; a page of a file written moments ago and not yet on disk counts as `Private_Dirty` and is
/// still the file's). `MADV_DONTNEED`
/// removes them from the process's page tables; they stay in the page cache, so the next wake-up maps them again
/// with minor faults and reads nothing from disk. Relocated data (RELRO) and the heap are never touched this way.
package enum RestingMemory {
    /// What ``release()`` handed back.
    package struct Released: Sendable, Equatable {
        /// Resident bytes of clean file mappings let go.
        package var mappedBytes: Int
        /// Whether malloc returned free heap memory.
        package var heapTrimmed: Bool
    }

    /// Lets go of the clean file-backed pages and trims malloc's heaps. Cheap (a read of `/proc/self/smaps` and
    /// one `madvise` per mapping); `nil` when smaps cannot be read (then only the heap is trimmed).
    @discardableResult
    package static func release() -> Released? {
        let trimmed = clinux_malloc_trim() == 1
        guard let smaps = FileBytes.read("/proc/self/smaps", limit: 16 << 20) else { return nil }
        var released = 0
        for mapping in cleanFileMappings(smaps) {
            guard let start = UnsafeMutableRawPointer(bitPattern: mapping.start) else { continue }
            if madvise(start, Int(mapping.end - mapping.start), MADV_DONTNEED) == 0 {
                released += mapping.residentBytes
            }
        }
        return Released(mappedBytes: released, heapTrimmed: trimmed)
    }

    /// A mapping of `/proc/PID/smaps` that can be let go: its address range and resident bytes.
    package struct Mapping: Sendable, Equatable {
        package var start: UInt
        package var end: UInt
        package var residentBytes: Int

        package init(start: UInt, end: UInt, residentBytes: Int) {
            self.start = start
            self.end = end
            self.residentBytes = residentBytes
        }
    }

    /// The mappings of a file, private and not writable, resident and holding no page of their own, in the order
    /// of `smaps` (its text, as the kernel writes it).
    package static func cleanFileMappings(_ smaps: [UInt8]) -> [Mapping] {
        var found: [Mapping] = []
        var current: (mapping: Mapping, eligible: Bool, anonymous: Int)?
        func close() {
            if let done = current, done.eligible, done.anonymous == 0, done.mapping.residentBytes > 0 {
                found.append(done.mapping)
            }
            current = nil
        }
        for line in smaps.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: true) {
            if let header = header(line) {
                close()
                current = (header.mapping, header.eligible, 0)
                continue
            }
            guard current != nil, let (name, kilobytes) = field(line) else { continue }
            switch name {
            case "Rss": current?.mapping.residentBytes = kilobytes * 1024
            case "Anonymous": current?.anonymous = kilobytes
            default: break
            }
        }
        close()
        return found
    }

    /// `start-end perms offset dev inode [path]`: the range, and whether it is a private, read-only file mapping.
    private static func header(_ line: ArraySlice<UInt8>) -> (mapping: Mapping, eligible: Bool)? {
        let parts = line.split(separator: UInt8(ascii: " "), maxSplits: 5, omittingEmptySubsequences: true)
        guard parts.count >= 5, let dash = parts[0].firstIndex(of: UInt8(ascii: "-")),
            let start = hex(parts[0][..<dash]), let end = hex(parts[0][(dash + 1)...]), start < end,
            parts[1].count == 4
        else { return nil }
        let perms = Array(parts[1])
        let path = parts.count == 6 ? parts[5].drop { $0 == UInt8(ascii: " ") } : []
        let eligible =
            perms[0] == UInt8(ascii: "r") && perms[1] == UInt8(ascii: "-") && perms[3] == UInt8(ascii: "p")
            && path.first == UInt8(ascii: "/")
        return (Mapping(start: start, end: end, residentBytes: 0), eligible)
    }

    /// `Name:   123 kB`: the name and the number of kilobytes.
    private static func field(_ line: ArraySlice<UInt8>) -> (String, Int)? {
        guard let colon = line.firstIndex(of: UInt8(ascii: ":")) else { return nil }
        var value = 0
        var digits = 0
        for byte in line[(colon + 1)...] {
            if byte == UInt8(ascii: " ") && digits == 0 { continue }
            guard byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9"), digits < 15 else { break }
            value = value * 10 + Int(byte - UInt8(ascii: "0"))
            digits += 1
        }
        guard digits > 0 else { return nil }
        return (String(decoding: line[..<colon], as: UTF8.self), value)
    }

    private static func hex(_ text: ArraySlice<UInt8>) -> UInt? {
        guard !text.isEmpty, text.count <= 16 else { return nil }
        var value: UInt = 0
        for byte in text {
            let digit: UInt
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = UInt(byte - UInt8(ascii: "0"))
            case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = UInt(byte - UInt8(ascii: "a")) + 10
            default: return nil
            }
            value = value << 4 | digit
        }
        return value
    }
}
