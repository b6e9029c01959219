import CCurlShim

#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#endif

/// Which certificate authorities a transport trusts.
///
/// Certificate verification is always on (`CURLOPT_SSL_VERIFYPEER=1`, `CURLOPT_SSL_VERIFYHOST=2`). With no
/// `ca_file`, libcurl uses the system's store (Debian: `/etc/ssl/certs/ca-certificates.crt`). A `ca_file` must
/// *add* a private CA, e.g. the office's own mail server CA, without dropping the public ones, but
/// `CURLOPT_CAINFO` *replaces* the default bundle. So we read the default bundle (libcurl's built-in
/// `CURLOPT_CAINFO` path) and the private CA file, join them, and hand the result to libcurl as
/// `CURLOPT_CAINFO_BLOB` (libcurl ≥ 7.77, OpenSSL backend). The system's CA directory
/// (`CURLOPT_CAPATH`) stays in effect either way.
struct TrustAnchors: Sendable, Equatable {
    /// PEM bytes for `CURLOPT_CAINFO_BLOB`, or `nil` to use libcurl's defaults.
    let bundle: [UInt8]?

    /// The system store only.
    static let system = TrustAnchors(bundle: nil)

    /// Largest CA file we read (the Debian bundle is about 200 KiB).
    static let maximumFileSize = 4 * 1024 * 1024

    /// The system store plus the certificates in the PEM file at `caFile`.
    ///
    /// Throws when the file cannot be read or holds no PEM certificate.
    static func adding(
        caFile: String, defaultBundlePath: String? = TrustAnchors.defaultBundlePath
    )
        throws(DeliveryConfigurationError) -> TrustAnchors
    {
        let privateCA: [UInt8]
        do {
            privateCA = try readFile(caFile, limit: maximumFileSize)
        } catch {
            throw DeliveryConfigurationError(
                setting: "ca_file", problem: "cannot read \(caFile): \(error.reason); check the path and permissions")
        }
        guard containsPEMCertificate(privateCA) else {
            throw DeliveryConfigurationError(
                setting: "ca_file",
                problem: "\(caFile) contains no PEM certificate (a '-----BEGIN CERTIFICATE-----' block)")
        }
        var bundle: [UInt8] = []
        if let defaultBundlePath, let system = try? readFile(defaultBundlePath, limit: maximumFileSize) {
            bundle = system
            if bundle.last != UInt8(ascii: "\n") { bundle.append(UInt8(ascii: "\n")) }
        }
        bundle += privateCA
        return TrustAnchors(bundle: bundle)
    }

    /// The CA bundle file libcurl uses by default, if it was built with one.
    static var defaultBundlePath: String? {
        ccurl_default_cainfo().map { String(cString: $0) }
    }

    static func containsPEMCertificate(_ bytes: [UInt8]) -> Bool {
        let marker = Array("-----BEGIN CERTIFICATE-----".utf8)
        guard bytes.count >= marker.count else { return false }
        for start in 0...(bytes.count - marker.count) where bytes[start] == marker[0] {
            if bytes[start..<(start + marker.count)].elementsEqual(marker) { return true }
        }
        return false
    }
}

/// Why a file could not be read: `errno`'s words.
struct FileReadError: Error {
    var reason: String
}

/// Reads a whole regular file, at most `limit` bytes; larger files are an error.
func readFile(_ path: String, limit: Int) throws(FileReadError) -> [UInt8] {
    let descriptor = open(path, O_RDONLY | O_CLOEXEC)
    guard descriptor >= 0 else { throw FileReadError(reason: String(cString: strerror(errno))) }
    defer { close(descriptor) }
    var result: [UInt8] = []
    var chunk = [UInt8](repeating: 0, count: 64 * 1024)
    // Bounded: at most limit / 64 KiB + 1 reads that return data.
    while result.count <= limit {
        let count = chunk.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
        if count < 0 {
            if errno == EINTR { continue }
            throw FileReadError(reason: String(cString: strerror(errno)))
        }
        if count == 0 { return result }
        result += chunk[0..<count]
    }
    throw FileReadError(reason: "larger than \(limit) bytes")
}
