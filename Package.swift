// swift-tools-version:6.2
//
// deadlined: a deadline-reminder daemon for offices that run on directives.
//
// Data flows one way:  config -> model -> planner -> ledger -> channels -> journald.
//
//   DeadlineKit        the domain, pure and I/O-free (dates, calendar, rules, planner)
//   DeadlineImport     `deadlinectl import`'s reading of directives, pure: text, HTML and Word XML in, proposed deadlines out
//   DeadlineImportFiles   a document file -> text (UTF-8/UTF-16/Windows-1258, .html, .pdf via pdftotext, .docx)
//   DeadlineConfig     TOML files -> validated model, with file:line:column diagnostics
//   DeadlineDelivery   channels: SMTP and webhooks over libcurl, the outbox directory, MIME, templates
//   DeadlineStore      the durable ledger (SQLite, or PostgreSQL shared by several daemons)
//   DeadlineSystemd    journald LogHandler, sd_notify, watchdog, socket activation (libsystemd's C API)
//   DeadlineWeb        the optional web side over HTTP (Hummingbird): signed links to confirm a task done, each unit's
//                      calendar feed, the office's report page; served on a socket systemd hands over
//   Platform           the one place for each platform call: the wall clock, the host name, folders, secret files,
//                      the memory handed back at rest
//   Threads            OS threads that run jobs in order (libcurl, SQLite and waits never block Swift's pool)
//   DeadlineService    the daemon's scheduler and the admin commands' logic, joining the modules above
//   deadlined, deadlinectl   thin executables: parse flags, call in
import PackageDescription

let strict: [SwiftSetting] = [
    .swiftLanguageMode(.v6),
    .enableUpcomingFeature("ExistentialAny"),
    .enableUpcomingFeature("MemberImportVisibility"),
    .enableUpcomingFeature("InternalImportsByDefault"),
]

let package = Package(
    name: "deadlined",
    products: [
        .executable(name: "deadlined", targets: ["deadlined"]),
        .executable(name: "deadlinectl", targets: ["deadlinectl"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle", from: "2.13.0"),
        .package(url: "https://github.com/apple/swift-crypto", from: "4.5.2"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.1.1"),
        .package(url: "https://github.com/vapor/postgres-nio", from: "1.33.2"),
        .package(url: "https://github.com/weichsel/ZIPFoundation", from: "0.9.20"),
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.2"),
        .package(url: "https://github.com/apple/swift-http-types", from: "1.8.0"),
        // No traits: without FullFoundation it uses FoundationEssentials, without ConfigurationSupport no swift-configuration.
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1", traits: []),
    ],
    targets: [
        // C libraries through their C APIs.
        .systemLibrary(
            name: "CCurl",
            pkgConfig: "libcurl",
            providers: [.apt(["libcurl4-openssl-dev"])]
        ),
        .systemLibrary(
            name: "CSQLite",
            pkgConfig: "sqlite3",
            providers: [.apt(["libsqlite3-dev"])]
        ),
        .systemLibrary(
            name: "CSystemd",
            pkgConfig: "libsystemd",
            providers: [.apt(["libsystemd-dev"])]
        ),
        .target(name: "CCurlShim", dependencies: ["CCurl"]),
        .target(name: "CLinuxShim"),
        // Threads of deadlined's own, which sleep until they have work.
        .target(name: "Threads", dependencies: ["CLinuxShim"], swiftSettings: strict),
        // The few system calls made outside libcurl, libsystemd and SQLite, each in one place: the wall clock, the
        // host name, folders, secret files, the memory handed back at rest.
        .target(name: "Platform", dependencies: ["DeadlineKit", "CLinuxShim"], swiftSettings: strict),

        // The domain: pure, no I/O, no clock reads.
        .target(name: "DeadlineKit", swiftSettings: strict),
        // Reading directives for `deadlinectl import`: pure too, only DeadlineKit.
        .target(name: "DeadlineImport", dependencies: ["DeadlineKit"], swiftSettings: strict),

        // Adapters.
        .target(name: "DeadlineConfig", dependencies: ["DeadlineKit", "Threads"], swiftSettings: strict),
        .target(
            name: "DeadlineDelivery",
            dependencies: [
                "DeadlineKit", "CCurl", "CCurlShim", "Threads", "Platform",
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "Mustache", package: "swift-mustache"),
            ],
            swiftSettings: strict
        ),
        .target(
            name: "DeadlineStore",
            dependencies: [
                "DeadlineKit", "Threads", "Platform", "CSQLite",
                .product(name: "PostgresNIO", package: "postgres-nio"),
                // Declared, not taken from PostgresNIO's re-export (which it marks for removal).
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: strict
        ),
        .target(
            name: "DeadlineSystemd",
            dependencies: ["CSystemd", .product(name: "Logging", package: "swift-log")],
            swiftSettings: strict
        ),
        // A document file to text for `deadlinectl import` (ZIP archives through ZIPFoundation, which brings
        // Foundation: kept out of DeadlineService so that the daemon does not load it).
        .target(
            name: "DeadlineImportFiles",
            dependencies: ["DeadlineImport", .product(name: "ZIPFoundation", package: "ZIPFoundation")],
            swiftSettings: strict
        ),
        .target(
            name: "DeadlineWeb",
            dependencies: [
                "DeadlineKit",
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdCore", package: "hummingbird"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ],
            swiftSettings: strict
        ),
        .target(
            name: "DeadlineService",
            dependencies: [
                "DeadlineKit", "DeadlineImport", "DeadlineConfig", "DeadlineDelivery", "DeadlineStore",
                "DeadlineSystemd", "DeadlineWeb",
                "CLinuxShim", "Threads", "Platform",
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "UnixSignals", package: "swift-service-lifecycle"),
            ],
            swiftSettings: strict
        ),

        // Thin executables.
        .executableTarget(
            name: "deadlined",
            dependencies: [
                "DeadlineService", "DeadlineSystemd", "Platform",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: strict
        ),
        .executableTarget(
            name: "deadlinectl",
            dependencies: [
                "DeadlineService", "DeadlineConfig", "DeadlineStore", "DeadlineImportFiles", "Platform",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            swiftSettings: strict
        ),

        // Fuzzing (Fuzz/, `make fuzz`): the targets are a library, so that tests replay the committed corpus; the driver
        // runs them under libFuzzer when Fuzz/run.sh builds it with coverage, and replays files otherwise.
        .target(
            name: "FuzzTargets", dependencies: ["DeadlineKit", "DeadlineImport", "DeadlineConfig"],
            path: "Fuzz/Targets",
            swiftSettings: strict),
        .executableTarget(
            name: "deadline-fuzz", dependencies: ["FuzzTargets"], path: "Fuzz/Driver", swiftSettings: strict),

        // Tests: one target per module, plus integration tests with real servers.
        .executableTarget(
            name: "deadline-journal-probe",
            dependencies: ["DeadlineSystemd", .product(name: "Logging", package: "swift-log")],
            path: "Tests/JournalProbe",
            swiftSettings: strict
        ),
        .target(name: "TestSupport", path: "Tests/TestSupport", swiftSettings: strict),
        .testTarget(name: "DeadlineKitTests", dependencies: ["DeadlineKit"], swiftSettings: strict),
        // The import corpus scored against its hand-made gold file: `make import-eval` prints it, a test holds it.
        .target(
            name: "ImportEvaluation",
            dependencies: ["DeadlineImport", "DeadlineConfig"],
            path: "Tests/ImportEvaluation",
            swiftSettings: strict
        ),
        .executableTarget(
            name: "import-eval",
            dependencies: ["ImportEvaluation", "DeadlineImport"],
            path: "Tests/ImportEval",
            swiftSettings: strict
        ),
        .testTarget(
            name: "DeadlineImportTests",
            dependencies: ["DeadlineImport", "DeadlineImportFiles", "ImportEvaluation"],
            swiftSettings: strict
        ),
        .testTarget(
            name: "DeadlineConfigTests",
            dependencies: ["DeadlineConfig", "DeadlineService", "TestSupport", "FuzzTargets"],
            swiftSettings: strict
        ),
        .testTarget(
            name: "DeadlineDeliveryTests",
            dependencies: ["DeadlineDelivery", "TestSupport"],
            swiftSettings: strict
        ),
        .testTarget(
            name: "DeadlineStoreTests",
            dependencies: ["DeadlineStore", "TestSupport"],
            swiftSettings: strict
        ),
        .testTarget(name: "ThreadsTests", dependencies: ["Threads"], swiftSettings: strict),
        .testTarget(name: "PlatformTests", dependencies: ["Platform"], swiftSettings: strict),
        .testTarget(
            name: "DeadlineSystemdTests",
            dependencies: ["DeadlineSystemd", "TestSupport"],
            swiftSettings: strict
        ),
        .testTarget(
            name: "DeadlineServiceTests",
            dependencies: ["DeadlineService", "TestSupport", .product(name: "Logging", package: "swift-log")],
            swiftSettings: strict
        ),
        .testTarget(
            name: "DeadlineWebTests",
            dependencies: ["DeadlineWeb", "DeadlineService", "DeadlineStore", "TestSupport"],
            swiftSettings: strict
        ),
        .testTarget(
            name: "IntegrationTests",
            dependencies: ["DeadlineService", "DeadlineImport", "DeadlineImportFiles", "TestSupport"],
            swiftSettings: strict
        ),
    ]
)
