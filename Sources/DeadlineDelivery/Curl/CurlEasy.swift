import CCurl
import CCurlShim

/// Process-wide libcurl initialisation, done once and thread-safely (a Swift `static let` is initialised under
/// `swift_once`), before the first easy handle is created.
enum CurlGlobal {
    /// The result of `curl_global_init(CURL_GLOBAL_DEFAULT)`, evaluated on first use.
    static let initResult: CURLcode = curl_global_init(Int(CURL_GLOBAL_DEFAULT))

    /// The linked libcurl's version, e.g. `7.88.1`.
    static var versionString: String { String(cString: ccurl_version()) }
}

/// A setting libcurl refused: the option is unknown to this build, or the value is invalid.
struct CurlOptionError: Error, Sendable {
    /// The option's name as we know it, e.g. `CURLOPT_CAINFO_BLOB`.
    var option: String
    /// libcurl's result code.
    var code: CURLcode
    /// libcurl's words for `code`.
    var message: String { String(cString: curl_easy_strerror(code)) }
}

/// A libcurl easy handle: one transfer at a time, options through the typed `ccurl_` shims.
///
/// Not `Sendable`: a handle is created, used and destroyed on one thread, one of the transport's ``CurlWorkerThread``s.
/// Reusing the handle for consecutive transfers keeps its connection cache, so libcurl reuses the connection to
/// the same server (``newConnections`` is then `0`).
final class CurlEasy {
    private let handle: UnsafeMutableRawPointer
    /// `CURLOPT_ERRORBUFFER`: libcurl writes a detailed message here when a transfer fails.
    private let errorBuffer: UnsafeMutablePointer<CChar>

    /// A new handle, or `nil` if libcurl cannot be initialised (out of memory, global init failed).
    init?() {
        guard CurlGlobal.initResult == CURLE_OK, let handle = curl_easy_init() else { return nil }
        self.handle = handle
        self.errorBuffer = .allocate(capacity: Int(CURL_ERROR_SIZE))
        self.errorBuffer.initialize(repeating: 0, count: Int(CURL_ERROR_SIZE))
    }

    deinit {
        curl_easy_cleanup(handle)  // closes cached connections (SMTP sends QUIT)
        errorBuffer.deallocate()
    }

    /// Forgets every option of the previous transfer but keeps the connection, DNS and TLS session caches.
    /// Also sets what every transfer needs: the error buffer and `CURLOPT_NOSIGNAL` (we are multi-threaded).
    func reset() {
        curl_easy_reset(handle)
        errorBuffer[0] = 0
        _ = ccurl_easy_setopt_pointer(handle, CURLOPT_ERRORBUFFER, UnsafeMutableRawPointer(errorBuffer))
        _ = ccurl_easy_setopt_long(handle, CURLOPT_NOSIGNAL, 1)
    }

    /// Sets an integer option.
    func set(_ option: CURLoption, _ value: Int, name: String) throws(CurlOptionError) {
        try check(ccurl_easy_setopt_long(handle, option, value), name)
    }

    /// Sets a string option; libcurl copies the string.
    func set(_ option: CURLoption, _ value: String, name: String) throws(CurlOptionError) {
        try check(value.withCString { ccurl_easy_setopt_string(handle, option, $0) }, name)
    }

    /// Sets a string option from a C string (e.g. password bytes that need not be valid UTF-8); libcurl copies it.
    func setRaw(_ option: CURLoption, _ value: UnsafePointer<CChar>?) -> CURLcode {
        ccurl_easy_setopt_string(handle, option, value)
    }

    /// Sets a 64-bit size option such as `CURLOPT_INFILESIZE_LARGE`.
    func set(_ option: CURLoption, size: Int64, name: String) throws(CurlOptionError) {
        try check(ccurl_easy_setopt_off_t(handle, option, curl_off_t(size)), name)
    }

    /// Sets a list option; `list` must stay alive until the transfer is done.
    func set(_ option: CURLoption, _ list: CurlStringList, name: String) throws(CurlOptionError) {
        try check(ccurl_easy_setopt_slist(handle, option, list.head), name)
    }

    /// Sets a raw pointer option (callback user data, POST fields); the pointee must outlive the transfer.
    func set(_ option: CURLoption, pointer: UnsafeMutableRawPointer?, name: String) throws(CurlOptionError) {
        try check(ccurl_easy_setopt_pointer(handle, option, pointer), name)
    }

    /// Sets a blob option (`CURLOPT_CAINFO_BLOB`); libcurl copies the bytes.
    func set(_ option: CURLoption, blob: [UInt8], name: String) throws(CurlOptionError) {
        let code = blob.withUnsafeBytes { ccurl_easy_setopt_blob_copy(handle, option, $0.baseAddress, $0.count) }
        try check(code, name)
    }

    /// `CURLOPT_COPYPOSTFIELDS`: libcurl copies the body (set `CURLOPT_POSTFIELDSIZE_LARGE` first).
    func setCopiedPostFields(_ body: [UInt8]) throws(CurlOptionError) {
        let bytes = body.isEmpty ? [0] : body
        let code = bytes.withUnsafeBytes { raw in
            ccurl_easy_setopt_pointer(
                handle, CURLOPT_COPYPOSTFIELDS, UnsafeMutableRawPointer(mutating: raw.baseAddress))
        }
        try check(code, "CURLOPT_COPYPOSTFIELDS")
    }

    /// `CURLOPT_MAIL_RCPT_ALLOWFAILS` under either of its spellings.
    func setMailRecipientsAllowFails(_ allow: Bool) throws(CurlOptionError) {
        try check(ccurl_easy_setopt_mail_rcpt_allowfails(handle, allow ? 1 : 0), "CURLOPT_MAIL_RCPT_ALLOWFAILS")
    }

    /// Installs the callbacks of ``CurlTransferState`` that the transfer needs, with `state` as their user data.
    func install(
        _ state: CurlTransferState, read: Bool, write: Bool, header: Bool, debug: Bool
    )
        throws(CurlOptionError)
    {
        let context = Unmanaged.passUnretained(state).toOpaque()
        if read {
            try check(ccurl_easy_setopt_read_function(handle, CurlTransferState.readCallback), "CURLOPT_READFUNCTION")
            try set(CURLOPT_READDATA, pointer: context, name: "CURLOPT_READDATA")
        }
        if write {
            try check(
                ccurl_easy_setopt_write_function(handle, CurlTransferState.writeCallback), "CURLOPT_WRITEFUNCTION")
            try set(CURLOPT_WRITEDATA, pointer: context, name: "CURLOPT_WRITEDATA")
        }
        if header {
            try check(
                ccurl_easy_setopt_header_function(handle, CurlTransferState.headerCallback), "CURLOPT_HEADERFUNCTION")
            try set(CURLOPT_HEADERDATA, pointer: context, name: "CURLOPT_HEADERDATA")
        }
        if debug {
            // VERBOSE only feeds our debug callback; nothing is printed to stderr.
            try check(
                ccurl_easy_setopt_debug_function(handle, CurlTransferState.debugCallback), "CURLOPT_DEBUGFUNCTION")
            try set(CURLOPT_DEBUGDATA, pointer: context, name: "CURLOPT_DEBUGDATA")
            try set(CURLOPT_VERBOSE, 1, name: "CURLOPT_VERBOSE")
        }
        // The progress callback lets a cancelled task abort a running transfer.
        try check(
            ccurl_easy_setopt_xferinfo_function(handle, CurlTransferState.progressCallback), "CURLOPT_XFERINFOFUNCTION")
        try set(CURLOPT_XFERINFODATA, pointer: context, name: "CURLOPT_XFERINFODATA")
        try set(CURLOPT_NOPROGRESS, 0, name: "CURLOPT_NOPROGRESS")
    }

    /// Runs the transfer; blocks the calling thread until it is done or a timeout runs out.
    func perform() -> CURLcode {
        curl_easy_perform(handle)
    }

    /// libcurl's detailed message for the last failure, or its generic words for `code` when the buffer is empty.
    func errorMessage(for code: CURLcode) -> String {
        let detailed = String(cString: errorBuffer)
        return detailed.isEmpty ? String(cString: curl_easy_strerror(code)) : detailed
    }

    /// An integer `CURLINFO_*` value of the last transfer, `0` if unavailable.
    func info(_ info: CURLINFO) -> Int {
        var value = 0
        return ccurl_easy_getinfo_long(handle, info, &value) == CURLE_OK ? value : 0
    }

    /// The last transfer's response code: SMTP reply code or HTTP status.
    var responseCode: Int { info(CURLINFO_RESPONSE_CODE) }

    /// How many new connections the last transfer opened (`CURLINFO_NUM_CONNECTS`); `0` means one was reused.
    var newConnections: Int { info(CURLINFO_NUM_CONNECTS) }

    private func check(_ code: CURLcode, _ name: String) throws(CurlOptionError) {
        guard code == CURLE_OK else { throw CurlOptionError(option: name, code: code) }
    }
}

/// A `curl_slist` (header list, recipient list) owned by Swift and freed on deinit.
final class CurlStringList {
    private(set) var head: UnsafeMutablePointer<curl_slist>?

    init(_ strings: [String]) {
        for string in strings {
            head = string.withCString { curl_slist_append(head, $0) } ?? head
        }
    }

    deinit {
        curl_slist_free_all(head)
    }
}
