/// Why a TZif file could not be read.
package struct TimeZoneDataError: Error, Sendable, CustomStringConvertible {
    package let message: String
    package var description: String { message }
}

extension ZoneRules {
    /// Reads RFC 8536 TZif data (versions 1 to 4), as found in `/usr/share/zoneinfo`.
    package init(tzif bytes: [UInt8], identifier: String) throws {
        var reader = ByteReader(bytes: bytes)
        var header = try reader.tzifHeader()
        var timeSize = 4
        if header.version >= 2 {
            // Skip the 32-bit block; the 64-bit block after the second header is authoritative.
            try reader.skip(header.dataLength(timeSize: 4))
            header = try reader.tzifHeader()
            timeSize = 8
        }
        var transitions: [Int64] = []
        transitions.reserveCapacity(header.timeCount)
        for _ in 0..<header.timeCount {
            transitions.append(timeSize == 8 ? try reader.int64() : Int64(try reader.int32()))
        }
        var typeIndices: [Int] = []
        for _ in 0..<header.timeCount { typeIndices.append(Int(try reader.byte())) }
        var typeOffsets: [Int32] = []
        var typeIsDST: [Bool] = []
        for _ in 0..<header.typeCount {
            typeOffsets.append(try reader.int32())
            typeIsDST.append(try reader.byte() != 0)
            _ = try reader.byte()
        }
        guard !typeOffsets.isEmpty, typeIndices.allSatisfy({ $0 < typeOffsets.count }) else {
            throw TimeZoneDataError(message: "\(identifier): corrupt time zone data (bad type index)")
        }
        try reader.skip(header.charCount + header.leapCount * (timeSize + 4) + header.isStdCount + header.isUTCCount)
        var footer: PosixTimeZone?
        if header.version >= 2, reader.remaining > 2, try reader.byte() == 0x0A {
            var text: [UInt8] = []
            while reader.remaining > 0 {
                let b = try reader.byte()
                if b == 0x0A { break }
                text.append(b)
            }
            footer = PosixTimeZone(String(decoding: text, as: UTF8.self))
        }
        // RFC 8536: before the first transition, the first non-DST type (or type 0) applies.
        let initial = typeIsDST.firstIndex(of: false).map { typeOffsets[$0] } ?? typeOffsets[0]
        self.init(
            identifier: identifier, transitions: transitions, offsets: typeIndices.map { typeOffsets[$0] },
            initialOffset: initial, footer: footer)
    }
}

private struct TZifHeader {
    var version: Int
    var isUTCCount, isStdCount, leapCount, timeCount, typeCount, charCount: Int

    func dataLength(timeSize: Int) -> Int {
        timeCount * timeSize + timeCount + typeCount * 6 + charCount + leapCount * (timeSize + 4) + isStdCount
            + isUTCCount
    }
}

private struct ByteReader {
    let bytes: [UInt8]
    var offset = 0

    var remaining: Int { bytes.count - offset }

    mutating func skip(_ n: Int) throws {
        guard n >= 0, n <= remaining else { throw TimeZoneDataError(message: "truncated time zone data") }
        offset += n
    }

    mutating func byte() throws -> UInt8 {
        guard remaining >= 1 else { throw TimeZoneDataError(message: "truncated time zone data") }
        defer { offset += 1 }
        return bytes[offset]
    }

    mutating func int32() throws -> Int32 {
        var v: UInt32 = 0
        for _ in 0..<4 { v = v << 8 | UInt32(try byte()) }
        return Int32(bitPattern: v)
    }

    mutating func int64() throws -> Int64 {
        var v: UInt64 = 0
        for _ in 0..<8 { v = v << 8 | UInt64(try byte()) }
        return Int64(bitPattern: v)
    }

    mutating func tzifHeader() throws -> TZifHeader {
        guard remaining >= 44, bytes[offset..<offset + 4].elementsEqual("TZif".utf8) else {
            throw TimeZoneDataError(message: "not a TZif time zone file")
        }
        try skip(4)
        let v = try byte()
        let version = v == 0 ? 1 : Int(v) - 0x30
        try skip(15)
        func count() throws -> Int {
            let c = try int32()
            guard c >= 0 else { throw TimeZoneDataError(message: "corrupt time zone data") }
            return Int(c)
        }
        return TZifHeader(
            version: version, isUTCCount: try count(), isStdCount: try count(), leapCount: try count(),
            timeCount: try count(), typeCount: try count(), charCount: try count())
    }
}
