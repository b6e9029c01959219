#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#endif

/// Why a file or folder could not be used, naming the path and never a file's contents.
package struct FileFailure: Error, Sendable, Hashable, CustomStringConvertible {
    package let description: String

    package init(_ description: String) { self.description = description }

    /// `what: <the system's reason>` for the current `errno`.
    static func system(_ what: String) -> FileFailure { FileFailure("\(what): \(String(cString: strerror(errno)))") }
}
