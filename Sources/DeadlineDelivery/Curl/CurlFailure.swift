import CCurl

/// The libcurl result codes the classifiers tell apart, as plain integers (values from `curl.h`).
enum CurlCode {
    static let ok = Int(CURLE_OK.rawValue)
    static let unsupportedProtocol = Int(CURLE_UNSUPPORTED_PROTOCOL.rawValue)
    static let urlMalformed = Int(CURLE_URL_MALFORMAT.rawValue)
    static let notBuiltIn = Int(CURLE_NOT_BUILT_IN.rawValue)
    static let couldNotResolveProxy = Int(CURLE_COULDNT_RESOLVE_PROXY.rawValue)
    static let couldNotResolveHost = Int(CURLE_COULDNT_RESOLVE_HOST.rawValue)
    static let couldNotConnect = Int(CURLE_COULDNT_CONNECT.rawValue)
    static let weirdServerReply = Int(CURLE_WEIRD_SERVER_REPLY.rawValue)
    static let outOfMemory = Int(CURLE_OUT_OF_MEMORY.rawValue)
    static let operationTimedOut = Int(CURLE_OPERATION_TIMEDOUT.rawValue)
    static let sslConnectError = Int(CURLE_SSL_CONNECT_ERROR.rawValue)
    static let abortedByCallback = Int(CURLE_ABORTED_BY_CALLBACK.rawValue)
    static let tooManyRedirects = Int(CURLE_TOO_MANY_REDIRECTS.rawValue)
    static let gotNothing = Int(CURLE_GOT_NOTHING.rawValue)
    static let sendError = Int(CURLE_SEND_ERROR.rawValue)
    static let receiveError = Int(CURLE_RECV_ERROR.rawValue)
    static let sslCertificateProblem = Int(CURLE_SSL_CERTPROBLEM.rawValue)
    static let sslCipher = Int(CURLE_SSL_CIPHER.rawValue)
    static let peerFailedVerification = Int(CURLE_PEER_FAILED_VERIFICATION.rawValue)
    static let useSSLFailed = Int(CURLE_USE_SSL_FAILED.rawValue)
    static let loginDenied = Int(CURLE_LOGIN_DENIED.rawValue)
    static let sslCACertificateBadFile = Int(CURLE_SSL_CACERT_BADFILE.rawValue)
    static let partialFile = Int(CURLE_PARTIAL_FILE.rawValue)
    static let proxy = Int(CURLE_PROXY.rawValue)
}

/// How a libcurl failure that is not specific to a protocol reads to an administrator.
struct CurlFailure: Sendable, Equatable {
    var kind: DeliveryError.Kind
    var cause: String
    var isTemporary: Bool

    /// Classifies a libcurl result code with its (already redacted) message. `nil` for `CURLE_OK`.
    init?(code: Int, message: String) {
        let detail = message.isEmpty ? "" : " (\(message))"
        switch code {
        case CurlCode.ok:
            return nil
        case CurlCode.couldNotResolveHost, CurlCode.couldNotResolveProxy:
            self.init(.resolveFailed, "cannot resolve the host name\(detail): check the host setting and DNS", true)
        case CurlCode.couldNotConnect:
            self.init(
                .connectionFailed,
                "cannot connect\(detail): is the server running, and are the host and port right?", true)
        case CurlCode.operationTimedOut:
            self.init(.timedOut, "no complete answer within the time limit\(detail)", true)
        case CurlCode.sendError, CurlCode.receiveError, CurlCode.gotNothing, CurlCode.partialFile:
            self.init(.connectionLost, "the connection broke\(detail)", true)
        case CurlCode.sslConnectError:
            self.init(.tlsHandshakeFailed, "the TLS handshake did not complete\(detail)", true)
        case CurlCode.peerFailedVerification:
            self.init(.certificateRejected, CurlFailure.certificateCause(message), false)
        case CurlCode.sslCACertificateBadFile:
            self.init(.configuration, "cannot load the CA certificates\(detail): check ca_file", false)
        case CurlCode.sslCipher:
            self.init(
                .tlsHandshakeFailed,
                "no TLS version or cipher in common with the server\(detail): the server's TLS setup must be updated",
                false)
        case CurlCode.sslCertificateProblem:
            self.init(.configuration, "the client certificate could not be used\(detail)", false)
        case CurlCode.loginDenied:
            self.init(
                .authenticationFailed,
                "the server rejected the username or password\(detail): check username and password_file", false)
        case CurlCode.unsupportedProtocol, CurlCode.urlMalformed, CurlCode.notBuiltIn:
            self.init(.configuration, "libcurl cannot use this address or option\(detail)", false)
        case CurlCode.tooManyRedirects:
            self.init(.redirectNotFollowed, "too many redirects\(detail): point the URL at the final address", false)
        case CurlCode.abortedByCallback:
            self.init(.cancelled, "the delivery was cancelled while running (shutting down)", true)
        case CurlCode.outOfMemory:
            self.init(.unknown, "libcurl ran out of memory", true)
        case CurlCode.proxy:
            self.init(.connectionFailed, "the proxy refused or failed the connection\(detail)", true)
        default:
            self.init(.unknown, "libcurl error \(code)\(detail)", true)
        }
    }

    private init(_ kind: DeliveryError.Kind, _ cause: String, _ isTemporary: Bool) {
        self.kind = kind
        self.cause = cause
        self.isTemporary = isTemporary
    }

    /// The remedy for a certificate that failed verification, from OpenSSL's words in libcurl's message.
    static func certificateCause(_ message: String) -> String {
        let lower = message.lowercased()
        let detail = message.isEmpty ? "" : " (\(message))"
        if lower.contains("subject name") || lower.contains("does not match") || lower.contains("hostname mismatch") {
            return "the server's certificate is for another host name\(detail): connect using a name the certificate"
                + " lists, or have the certificate reissued"
        }
        if lower.contains("expired") {
            return "the server's certificate has expired\(detail): the server's administrator must renew it"
        }
        if lower.contains("not yet valid") {
            return "the server's certificate is not valid yet\(detail): check the clocks of this machine and the server"
        }
        return "the server's certificate is not trusted\(detail): add its CA with ca_file"
    }
}

extension DeliveryOutcome {
    /// A failure outcome from a classified libcurl failure.
    static func failure(
        _ failure: CurlFailure, channel: String, host: String, retryAfter: Duration? = nil
    )
        -> DeliveryOutcome
    {
        let error = DeliveryError(channel: channel, host: host, kind: failure.kind, cause: failure.cause)
        return failure.isTemporary ? .temporaryFailure(error, retryAfter: retryAfter) : .permanentFailure(error)
    }
}
