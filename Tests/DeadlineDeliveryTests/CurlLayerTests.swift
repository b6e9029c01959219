import Foundation
import Synchronization
import TestSupport
import Testing

@testable import DeadlineDelivery

@Suite("The libcurl layer: trust anchors and the worker threads")
struct CurlLayerTests {
    static let pem = "-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n"

    @Test("ca_file adds the private CA to the default bundle instead of replacing it")
    func trustAnchorsAdd() throws {
        let directory = try TemporaryDirectory(prefix: "deadlined-trust")
        defer { directory.remove() }
        let system = try directory.write("system.pem", "SYSTEM BUNDLE\n" + Self.pem)
        let privateCA = try directory.write("private.pem", Self.pem)
        let anchors = try TrustAnchors.adding(caFile: privateCA, defaultBundlePath: system)
        #expect(anchors.bundle == Array(("SYSTEM BUNDLE\n" + Self.pem + Self.pem).utf8))
        // libcurl's real default bundle, when the machine has one, comes first.
        if let path = TrustAnchors.defaultBundlePath, let real = FileManager.default.contents(atPath: path) {
            let withSystem = try TrustAnchors.adding(caFile: privateCA)
            #expect(withSystem.bundle?.starts(with: Array(real)) == true)
            #expect(withSystem.bundle?.count ?? 0 >= real.count + Self.pem.utf8.count)
        }
    }

    @Test("an unreadable or non-PEM ca_file is a configuration error naming the file")
    func trustAnchorsErrors() throws {
        let directory = try TemporaryDirectory(prefix: "deadlined-trust")
        defer { directory.remove() }
        let notPEM = try directory.write("key.txt", "just text")
        #expect(
            throws: DeliveryConfigurationError(
                setting: "ca_file",
                problem: "\(notPEM) contains no PEM certificate (a '-----BEGIN CERTIFICATE-----' block)")
        ) {
            try TrustAnchors.adding(caFile: notPEM)
        }
        #expect(
            throws: DeliveryConfigurationError(
                setting: "ca_file",
                problem: "cannot read /nonexistent.pem: No such file or directory; check the path and permissions")
        ) {
            try TrustAnchors.adding(caFile: "/nonexistent.pem")
        }
    }

    @Test("a pool of one thread runs jobs in order; a full queue rejects at once; shutdown drains and waits")
    func workerThread() async throws {
        let worker = CurlWorkerPool(name: "deadlined-test", threads: 1, capacity: 1)
        let started = Atomic<Bool>(false)
        let release = Atomic<Bool>(false)
        let log = Mutex<[String]>([])
        #expect(
            worker.submit { _ in
                started.store(true, ordering: .relaxed)
                // Hold the thread until the test has filled the queue (bounded: 10 s).
                for _ in 0..<10_000 where !release.load(ordering: .relaxed) { usleep(1000) }
                log.withLock { $0.append("first") }
            })
        // Bounded wait until the first job runs (so it no longer occupies the queue).
        for _ in 0..<5000 where !started.load(ordering: .relaxed) { try await Task.sleep(for: .milliseconds(2)) }
        #expect(worker.submit { _ in log.withLock { $0.append("second") } })
        #expect(!worker.submit { _ in log.withLock { $0.append("rejected") } })
        release.store(true, ordering: .relaxed)
        await worker.shutdown()
        #expect(log.withLock { $0 } == ["first", "second"])
        #expect(!worker.submit { _ in })
        let outcome = await worker.run(cancellation: CancellationFlag(), rejected: { "rejected" }) { _ in "ran" }
        #expect(outcome == "rejected")
    }

    @Test("blocking work runs off the cooperative pool, on the named worker thread")
    func workerThreadName() async {
        let worker = CurlWorkerPool(name: "deadlined-name", threads: 2, capacity: 4)
        let name = await worker.run(cancellation: CancellationFlag(), rejected: { "" }) { easy in
            let comm = FileManager.default.contents(atPath: "/proc/thread-self/comm") ?? Data()
            let name = String(decoding: comm, as: UTF8.self).trimmingCharacters(in: .newlines)
            return name + (easy == nil ? " without handle" : "")
        }
        await worker.shutdown()
        #expect(name == "deadlined-name")
    }

    @Test("a pool of 3 runs 3 jobs at once on 3 threads, never 4; one job at a time stays on one thread")
    func workerPool() async throws {
        let pool = CurlWorkerPool(name: "deadlined-pool", threads: 3, capacity: 64)
        #expect(pool.startedThreads == 0, "no thread before the first job")
        // One job after another: the thread that finished last takes the next, so no second thread starts.
        for _ in 0..<5 {
            _ = await pool.run(cancellation: CancellationFlag(), rejected: { 0 }) { _ in 1 }
        }
        #expect(pool.startedThreads == 1)

        let seen = JobsSeen()
        await withTaskGroup(of: Int.self) { group in
            for _ in 0..<12 {
                group.addTask {
                    await pool.run(cancellation: CancellationFlag(), rejected: { 0 }) { _ in
                        let now = seen.running.add(1, ordering: .sequentiallyConsistent).newValue
                        _ = seen.mostAtOnce.max(now, ordering: .sequentiallyConsistent)
                        seen.threads.withLock { _ = $0.insert(UInt(pthread_self())) }
                        usleep(50_000)  // long enough that the 12 jobs overlap
                        _ = seen.running.subtract(1, ordering: .sequentiallyConsistent)
                        return 1
                    }
                }
            }
            let ran = await group.reduce(0, +)
            #expect(ran == 12)
        }
        #expect(seen.mostAtOnce.load(ordering: .sequentiallyConsistent) == 3)
        #expect(seen.threads.withLock { $0.count } == 3)
        #expect(pool.startedThreads == 3)
        await pool.shutdown()
        #expect(!pool.submit { _ in })
    }

    @Test("the linked libcurl is 7.77 or newer (CURLOPT_CAINFO_BLOB, CURLOPT_PROTOCOLS_STR need 7.85)")
    func curlVersion() throws {
        let parts = linkedCurlVersion.split(separator: ".").compactMap { Int($0) }
        #expect(parts.count >= 2)
        #expect(parts[0] > 7 || (parts[0] == 7 && parts[1] >= 85), "libcurl \(linkedCurlVersion)")
    }
}

/// What the jobs of a pool test saw: how many ran at once, and on which threads.
private final class JobsSeen: Sendable {
    let running = Atomic<Int>(0)
    let mostAtOnce = Atomic<Int>(0)
    let threads = Mutex<Set<UInt>>([])
}
