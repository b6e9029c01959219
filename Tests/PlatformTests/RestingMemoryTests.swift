import Platform
import Testing

@Suite("RestingMemory: the clean file pages and the heap handed back at rest")
struct RestingMemoryTests {
    /// Mappings as the kernel writes them: only private, read-only file mappings with no copied page qualify (a
    /// file written moments ago has dirty page-cache pages, still the file's bytes).
    static let smaps = """
        55d0a1a00000-55d0a2a00000 r-xp 00000000 fd:00 1234                       /usr/bin/deadlined
        Size:              16384 kB
        Rss:                8192 kB
        Anonymous:             0 kB
        Private_Dirty:         0 kB
        VmFlags: rd ex mr mw me dw sd
        55d0a2a00000-55d0a2b00000 r--p 01000000 fd:00 1234                       /usr/bin/deadlined
        Rss:                1024 kB
        Anonymous:          1024 kB
        Private_Dirty:      1024 kB
        55d0a2b00000-55d0a2c00000 rw-p 01100000 fd:00 1234                       /usr/bin/deadlined
        Rss:                 512 kB
        Anonymous:           128 kB
        Private_Dirty:       128 kB
        55d0a2c00000-55d0a2d00000 rw-p 00000000 00:00 0                          [heap]
        Rss:                 900 kB
        Anonymous:           900 kB
        Private_Dirty:       900 kB
        7f0000000000-7f0000100000 r--p 00000000 fd:00 99                         /usr/lib/locale/C.utf8/LC_CTYPE
        Rss:                 344 kB
        Anonymous:             0 kB
        Private_Dirty:         0 kB
        7e0000000000-7e0000100000 r-xp 00000000 fd:00 97                         /usr/lib/deadlined/just-installed
        Rss:                 128 kB
        Private_Dirty:       128 kB
        Anonymous:             0 kB
        7f0000100000-7f0000200000 r--p 00000000 fd:00 98                         /usr/lib/x86_64-linux-gnu/libc.so.6
        Rss:                   0 kB
        Anonymous:             0 kB
        Private_Dirty:         0 kB
        7ffd00000000-7ffd00002000 r-xp 00000000 00:00 0                          [vdso]
        Rss:                   8 kB
        Anonymous:             0 kB
        Private_Dirty:         0 kB
        """

    @Test(
        "program text, a read-only data file, a file not yet written back qualify; RELRO, writable data, the heap, unmapped and [vdso] do not"
    )
    func cleanMappings() {
        let found = RestingMemory.cleanFileMappings(Array(Self.smaps.utf8))
        #expect(
            found == [
                .init(start: 0x55d0_a1a0_0000, end: 0x55d0_a2a0_0000, residentBytes: 8192 * 1024),
                .init(start: 0x7f00_0000_0000, end: 0x7f00_0010_0000, residentBytes: 344 * 1024),
                .init(start: 0x7e00_0000_0000, end: 0x7e00_0010_0000, residentBytes: 128 * 1024),
            ])
    }

    @Test("text that is not smaps finds nothing and traps nothing")
    func garbage() {
        #expect(RestingMemory.cleanFileMappings(Array("no-mapping here\nRss: lots\n\n-: 1 kB\n".utf8)).isEmpty)
        #expect(RestingMemory.cleanFileMappings([]).isEmpty)
    }

    @Test("in this process: pages are handed back and the program runs on (they fault back in from the page cache)")
    func releaseHere() {
        let released = RestingMemory.release()
        #expect(released != nil)
        #expect((released?.mappedBytes ?? 0) > 0)
        // Code and read-only data that were let go are read again.
        #expect(String(1234).count == 4)
        #expect(RestingMemory.release() != nil)
    }
}
