#if canImport(Glibc)
    package import Glibc
#elseif canImport(Musl)
    package import Musl
#endif
import CLinuxShim

/// Starting an OS thread of deadlined's own, named as `ps -L` shows it (its first 15 bytes): the one place
/// `pthread_create` is called.
package enum OSThread {
    /// Starts a thread that runs `body` (kept alive until it returns). Detached unless `joinable`; then the caller
    /// joins the returned thread. `stackSize` in bytes, for short-lived threads that need little. `nil` when the
    /// system cannot start another thread.
    @discardableResult
    package static func start(
        name: String, joinable: Bool = false, stackSize: Int? = nil, _ body: @escaping () -> Void
    )
        -> pthread_t?
    {
        let entry = Unmanaged.passRetained(Entry(name: name, body: body)).toOpaque()
        var attributes = pthread_attr_t()
        pthread_attr_init(&attributes)
        defer { pthread_attr_destroy(&attributes) }
        if let stackSize { pthread_attr_setstacksize(&attributes, stackSize) }
        var thread = pthread_t()
        let created = pthread_create(
            &thread, &attributes,
            { entry in
                guard let entry else { return nil }
                Unmanaged<Entry>.fromOpaque(entry).takeRetainedValue().run()
                return nil
            }, entry)
        guard created == 0 else {
            Unmanaged<Entry>.fromOpaque(entry).release()
            return nil
        }
        if !joinable { pthread_detach(thread) }
        return thread
    }

    /// What the new thread is handed: a C function pointer cannot carry a closure, an object can.
    private final class Entry {
        let name: String
        let body: () -> Void

        init(name: String, body: @escaping () -> Void) {
            self.name = name
            self.body = body
        }

        func run() {
            name.withCString { _ = clinux_set_thread_name($0) }
            body()
        }
    }
}
