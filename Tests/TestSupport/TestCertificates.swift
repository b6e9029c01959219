import Foundation

/// A private CA and server certificates made with the `openssl` command for one test run, so TLS tests talk to
/// servers whose certificates no system store trusts.
///
/// - ``caCertificate``: the private CA (pass it as `ca_file`).
/// - ``serverCertificate``/``serverKey``: for `127.0.0.1` and `localhost`, signed by the CA.
/// - ``wrongNameCertificate``/``wrongNameKey``: for `wrong-name.invalid` only, signed by the same CA, to test
///   host name verification.
///
/// EC P-256 keys, valid for three days. Made once per test process (``shared()``) in a temporary directory.
package struct TestCertificates: Sendable {
    package let directory: String
    package let caCertificate: String
    package let serverCertificate: String
    package let serverKey: String
    package let wrongNameCertificate: String
    package let wrongNameKey: String

    private static let made: Result<TestCertificates, CertificateGenerationError> = {
        do {
            let certificates = try TestCertificates.make()
            // Remove the directory when the test process exits.
            atexit {
                if case .success(let certificates) = TestCertificates.made {
                    try? FileManager.default.removeItem(atPath: certificates.directory)
                }
            }
            return .success(certificates)
        } catch let error as CertificateGenerationError {
            return .failure(error)
        } catch {
            return .failure(CertificateGenerationError(description: "\(error)"))
        }
    }()

    /// The certificates of this test process, made on first use.
    package static func shared() throws -> TestCertificates {
        try made.get()
    }

    /// Makes a fresh set in a new temporary directory.
    package static func make() throws -> TestCertificates {
        let directory = try TemporaryDirectory(prefix: "deadlined-certs").path
        func path(_ name: String) -> String { directory + "/" + name }
        try Data(
            """
            [req]
            distinguished_name = dn
            prompt = no
            x509_extensions = v3_ca
            [dn]
            CN = deadlined test CA
            [v3_ca]
            basicConstraints = critical, CA:TRUE
            keyUsage = critical, keyCertSign, cRLSign
            subjectKeyIdentifier = hash

            """.utf8
        ).write(to: URL(fileURLWithPath: path("ca.cnf")))
        try openssl([
            "req", "-x509", "-new", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes",
            "-keyout", path("ca.key"), "-out", path("ca.pem"), "-days", "3", "-config", path("ca.cnf"),
        ])
        for (name, altNames) in [("server", "IP:127.0.0.1, DNS:localhost"), ("wrong-name", "DNS:wrong-name.invalid")] {
            try Data(
                """
                basicConstraints = CA:FALSE
                keyUsage = critical, digitalSignature
                extendedKeyUsage = serverAuth
                subjectAltName = \(altNames)
                authorityKeyIdentifier = keyid

                """.utf8
            ).write(to: URL(fileURLWithPath: path("\(name).ext")))
            try openssl([
                "req", "-new", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes",
                "-keyout", path("\(name).key"), "-out", path("\(name).csr"), "-subj", "/CN=\(name) test",
            ])
            try openssl([
                "x509", "-req", "-in", path("\(name).csr"), "-CA", path("ca.pem"), "-CAkey", path("ca.key"),
                "-set_serial", "0x" + String(UInt64.random(in: 1...UInt64.max), radix: 16),
                "-out", path("\(name).pem"), "-days", "3", "-extfile", path("\(name).ext"),
            ])
        }
        return TestCertificates(
            directory: directory, caCertificate: path("ca.pem"), serverCertificate: path("server.pem"),
            serverKey: path("server.key"), wrongNameCertificate: path("wrong-name.pem"),
            wrongNameKey: path("wrong-name.key"))
    }

    private static func openssl(_ arguments: [String]) throws {
        let result = try ProcessRunner.runBlocking("openssl", arguments, timeout: .seconds(30))
        guard result.succeeded else {
            throw CertificateGenerationError(description: "openssl \(arguments.first ?? "") failed: \(result)")
        }
    }
}

/// The `openssl` command failed or is missing (Debian package `openssl`).
package struct CertificateGenerationError: Error, CustomStringConvertible {
    package var description: String
}
