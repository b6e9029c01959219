package import DeadlineKit

/// How the connection to the SMTP server is secured.
package enum SMTPSecurity: Sendable, Equatable {
    /// `smtp://`, usually port 587 or 25, upgraded per the policy.
    case starttls(StartTLSPolicy)
    /// `smtps://`, usually port 465: TLS from the first byte.
    case implicitTLS
}

/// A user name and password for SMTP AUTH (PLAIN or LOGIN, whichever the server offers; libcurl picks).
package struct SMTPCredentials: Sendable, Equatable {
    /// The user name, often the full mailbox address.
    package var username: String
    /// The password, as the caller read it from its file. Never logged, never in an error.
    package var password: Secret

    /// Creates credentials.
    package init(username: String, password: Secret) {
        self.username = username
        self.password = password
    }
}

/// Where and how to submit mail. Independent of the configuration file's format: the caller maps its keys here.
package struct SMTPServer: Sendable, Equatable {
    /// Host name or IP address of the server (an IPv6 address without brackets).
    package var host: String
    /// TCP port: 587 (submission, STARTTLS), 465 (implicit TLS), 25.
    package var port: Int
    /// STARTTLS policy or implicit TLS. Default: STARTTLS required.
    package var security: SMTPSecurity
    /// A PEM file with the CA that signed the server's certificate, trusted in addition to the system's CAs (libcurl
    /// gets the system bundle plus this file as `CURLOPT_CAINFO_BLOB`, since `CURLOPT_CAINFO` would replace the
    /// bundle). Certificate verification is always on; there is no switch to turn it off.
    package var caFile: String?
    /// AUTH credentials; `nil` to send without authenticating. libcurl authenticates only when the server
    /// offers AUTH: a server that requires it then refuses `MAIL FROM` (a permanent failure naming the reply).
    package var credentials: SMTPCredentials?
    /// The name sent in `EHLO`; `nil` lets libcurl send this machine's host name. Use the fully qualified name.
    package var clientName: String?
    /// How long to wait for the TCP (and TLS) connection. Default 10 s.
    package var connectTimeout: Duration
    /// How long one message may take from connecting to the server's final reply. Default 60 s.
    package var totalTimeout: Duration
    /// How long an idle connection may be kept for the next message (`CURLOPT_MAXAGE_CONN`). Default 30 s,
    /// well under common server idle timeouts (Postfix: 300 s).
    package var connectionReuseLimit: Duration
    /// The name errors and receipts use for this channel. Default `smtp`.
    package var channelName: String

    /// Creates a server description with the defaults above.
    package init(
        host: String, port: Int = 587, security: SMTPSecurity = .starttls(.required), caFile: String? = nil,
        credentials: SMTPCredentials? = nil, clientName: String? = nil,
        connectTimeout: Duration = .seconds(10), totalTimeout: Duration = .seconds(60),
        connectionReuseLimit: Duration = .seconds(30), channelName: String = "smtp"
    ) {
        self.host = host
        self.port = port
        self.security = security
        self.caFile = caFile
        self.credentials = credentials
        self.clientName = clientName
        self.connectTimeout = connectTimeout
        self.totalTimeout = totalTimeout
        self.connectionReuseLimit = connectionReuseLimit
        self.channelName = channelName
    }

    /// `host:port` as errors show it (IPv6 in brackets).
    package var hostAndPort: String {
        host.contains(":") ? "[\(host)]:\(port)" : "\(host):\(port)"
    }

    /// The URL libcurl gets: `smtp://host:port/clientName`.
    func url() throws(DeliveryConfigurationError) -> String {
        guard !host.isEmpty, host.utf8.allSatisfy(Self.isHostByte) else {
            throw DeliveryConfigurationError(
                setting: "host", problem: "'\(host)' is not a host name or IP address")
        }
        guard (1...65535).contains(port) else {
            throw DeliveryConfigurationError(setting: "port", problem: "\(port) is not a TCP port (1–65535)")
        }
        var path = ""
        if let clientName {
            guard !clientName.isEmpty, clientName.utf8.allSatisfy(Self.isHostByte) else {
                throw DeliveryConfigurationError(
                    setting: "client_name", problem: "'\(clientName)' is not a host name for EHLO")
            }
            path = "/" + clientName
        }
        let scheme = security == .implicitTLS ? "smtps" : "smtp"
        let bracketed = host.contains(":") ? "[\(host)]" : host
        return "\(scheme)://\(bracketed):\(port)\(path)"
    }

    /// Letters, digits, `.`, `-`, `_`, and `:` for IPv6.
    private static func isHostByte(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
            UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "."), UInt8(ascii: "-"), UInt8(ascii: "_"),
            UInt8(ascii: ":"):
            return true
        default:
            return false
        }
    }
}

/// The SMTP envelope: who the message is from (`MAIL FROM`) and to whom it goes (`RCPT TO`, one transaction).
/// Addresses are bare (`nhacviec@hanoi.gov.vn`), without display names.
package struct SMTPEnvelope: Sendable, Equatable {
    /// The return path; bounces go here.
    package var sender: String
    /// Every recipient, To, Cc and Bcc alike.
    package var recipients: [String]

    /// Creates an envelope.
    package init(sender: String, recipients: [String]) {
        self.sender = sender
        self.recipients = recipients
    }

    /// Checks the addresses can be sent safely: non-empty list, no CR/LF/`<`/`>`/space, at most 1000 recipients.
    func validate() throws(DeliveryConfigurationError) {
        guard !recipients.isEmpty else {
            throw DeliveryConfigurationError(setting: "recipients", problem: "the message has no recipient")
        }
        guard recipients.count <= 1000 else {
            throw DeliveryConfigurationError(
                setting: "recipients", problem: "\(recipients.count) recipients; split into messages of at most 1000")
        }
        for address in [sender] + recipients {
            let bad = address.unicodeScalars.contains { $0.value < 0x21 || $0 == "<" || $0 == ">" || $0.value == 0x7F }
            guard !bad, address.utf8.count <= 320 else {
                throw DeliveryConfigurationError(
                    setting: "address", problem: "'\(address.debugDescription)' is not a usable envelope address")
            }
        }
    }
}
