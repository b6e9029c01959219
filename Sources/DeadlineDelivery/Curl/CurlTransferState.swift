import CCurl
import Synchronization
import CCurlShim

/// Set from any thread when the task waiting for a transfer is cancelled; read by the transfer's progress
/// callback, which then aborts the transfer (`CURLE_ABORTED_BY_CALLBACK`).
final class CancellationFlag: Sendable {
    private let flag = Atomic<Bool>(false)

    /// Marks the transfer as cancelled.
    func cancel() { flag.store(true, ordering: .relaxed) }

    /// Whether ``cancel()`` was called.
    var isCancelled: Bool { flag.load(ordering: .relaxed) }
}

/// The mutable state one transfer's libcurl callbacks work on: the bytes to upload, the response body and header
/// lines (bounded), the SMTP transcript. Lives on the worker thread for the duration of one `perform`.
final class CurlTransferState {
    private let upload: [UInt8]
    private var uploadOffset = 0
    /// At most this many response body bytes are kept (the rest is counted and dropped).
    let bodyLimit: Int
    private(set) var body: [UInt8] = []
    /// Header lines of the latest response (a new status line starts a new list), at most ``headerLineLimit``.
    private(set) var headerLines: [String] = []
    let headerLineLimit = 256
    /// The SMTP command/reply transcript, when recording one.
    var transcript = SMTPTranscriptRecorder()
    let cancellation: CancellationFlag

    init(upload: [UInt8] = [], bodyLimit: Int = 16 * 1024, cancellation: CancellationFlag) {
        self.upload = upload
        self.bodyLimit = bodyLimit
        self.cancellation = cancellation
    }

    // MARK: Callbacks (C function pointers; `context` is an unretained `CurlTransferState`)

    static func state(_ context: UnsafeMutableRawPointer?) -> CurlTransferState? {
        context.map { Unmanaged<CurlTransferState>.fromOpaque($0).takeUnretainedValue() }
    }

    /// `CURLOPT_READFUNCTION`: copies the next chunk of the upload; `0` at the end.
    static let readCallback: curl_read_callback = { buffer, size, count, context in
        guard let state = CurlTransferState.state(context), let buffer else { return 0 }
        let room = size * count
        let remaining = state.upload.count - state.uploadOffset
        let length = min(room, remaining)
        guard length > 0 else { return 0 }
        state.upload.withUnsafeBytes { source in
            UnsafeMutableRawPointer(buffer).copyMemory(
                from: source.baseAddress! + state.uploadOffset, byteCount: length)
        }
        state.uploadOffset += length
        return length
    }

    /// `CURLOPT_WRITEFUNCTION`: keeps the first ``bodyLimit`` bytes of the response body.
    static let writeCallback: curl_write_callback = { buffer, size, count, context in
        let length = size * count
        guard let state = CurlTransferState.state(context), let buffer else { return length }
        let keep = min(length, state.bodyLimit - state.body.count)
        if keep > 0 {
            let raw = UnsafeRawBufferPointer(start: buffer, count: keep)
            state.body.append(contentsOf: raw)
        }
        return length
    }

    /// `CURLOPT_HEADERFUNCTION`: HTTP response header lines (without CRLF); a status line starts a new response.
    static let headerCallback: curl_write_callback = { buffer, size, count, context in
        let length = size * count
        guard let state = CurlTransferState.state(context), let buffer else { return length }
        let raw = UnsafeRawBufferPointer(start: buffer, count: length)
        var line = String(decoding: raw, as: UTF8.self)
        while line.last?.isNewline == true { line.removeLast() }  // "\r\n" is one Character
        if line.hasPrefix("HTTP/") { state.headerLines.removeAll(keepingCapacity: true) }
        if !line.isEmpty, state.headerLines.count < state.headerLineLimit { state.headerLines.append(line) }
        return length
    }

    /// `CURLOPT_DEBUGFUNCTION`: feeds commands sent and replies received to the SMTP transcript. Credentials
    /// sent during AUTH reach the recorder, which keeps only the command verb.
    static let debugCallback: curl_debug_callback = { _, type, data, size, context in
        guard let state = CurlTransferState.state(context), let data else { return 0 }
        let raw = UnsafeRawBufferPointer(start: data, count: size)
        if type.rawValue == 2 {  // CURLINFO_HEADER_OUT
            state.transcript.recordSent(raw)
        } else if type.rawValue == 1 {  // CURLINFO_HEADER_IN
            state.transcript.recordReceived(raw)
        }
        return 0
    }

    /// `CURLOPT_XFERINFOFUNCTION`: a non-zero return aborts the transfer once the task is cancelled.
    static let progressCallback: curl_xferinfo_callback = { context, _, _, _, _ in
        guard let state = CurlTransferState.state(context) else { return 0 }
        return state.cancellation.isCancelled ? 1 : 0
    }
}
