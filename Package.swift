// swift-tools-version:6.2
//
// deadlined: a deadline-reminder daemon for offices that run on directives.
//
// Data flows one way:  config -> model -> planner -> ledger -> channels -> journald.
//
//   DeadlineKit        the domain, pure and I/O-free (dates, calendar, rules, planner, document parser)
//   DeadlineConfig     TOML files -> validated model, with file:line:column diagnostics
//   DeadlineDelivery   channels: SMTP and webhooks over libcurl, the outbox directory, MIME, templates
//   DeadlineStore      the durable ledger (SQLite, or PostgreSQL shared by several daemons)
//   DeadlineSystemd    journald LogHandler, sd_notify, watchdog (libsystemd's C API)
//   DeadlineService    the daemon's scheduler and the admin commands' logic, joining the modules above
//   deadlined, deadlinectl   thin executables: parse flags, call in
import PackageDescription

let strict: [SwiftSetting] = [
    .swiftLanguageMode(.v6),
    .enableUpcomingFeature("ExistentialAny"),
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
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/apple/swift-crypto", from: "4.5.2"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.1.1"),
        .package(url: "https://github.com/vapor/postgres-nio", from: "1.33.2"),
    ],
    targets: [
        // C libraries through their C APIs.
        .systemLibrary(
            name: "CCurl",
            pkgConfig: "libcurl",
            providers: [.apt(["libcurl4-openssl-dev"])]
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

        // The domain: pure, no I/O, no clock reads.
        .target(name: "DeadlineKit", swiftSettings: strict),

        // Adapters.
        .target(name: "DeadlineConfig", dependencies: ["DeadlineKit"], swiftSettings: strict),
        .target(
            name: "DeadlineDelivery",
            dependencies: [
                "DeadlineKit", "CCurl", "CCurlShim", "Threads",
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "Mustache", package: "swift-mustache"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: strict
        ),
        .target(
            name: "DeadlineStore",
            dependencies: [
                "DeadlineKit", "Threads", .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "PostgresNIO", package: "postgres-nio"),
            ],
            swiftSettings: strict
        ),
        .target(
            name: "DeadlineSystemd",
            dependencies: ["CSystemd", .product(name: "Logging", package: "swift-log")],
            swiftSettings: strict
        ),
        .target(
            name: "DeadlineService",
            dependencies: [
                "DeadlineKit", "DeadlineConfig", "DeadlineDelivery", "DeadlineStore", "DeadlineSystemd", "CLinuxShim", "Threads",
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
                "DeadlineService", "DeadlineSystemd",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: strict
        ),
        .executableTarget(
            name: "deadlinectl",
            dependencies: [
                "DeadlineService", "DeadlineConfig", "DeadlineStore",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            swiftSettings: strict
        ),

        // Fuzzing (Fuzz/, `make fuzz`): the targets are a library, so that tests replay the committed corpus; the driver
        // runs them under libFuzzer when Fuzz/run.sh builds it with coverage, and replays files otherwise.
        .target(
            name: "FuzzTargets", dependencies: ["DeadlineKit", "DeadlineConfig"], path: "Fuzz/Targets",
            swiftSettings: strict),
        .executableTarget(name: "deadline-fuzz", dependencies: ["FuzzTargets"], path: "Fuzz/Driver", swiftSettings: strict),

        // Tests: one target per module, plus integration tests with real servers.
        .executableTarget(
            name: "deadline-journal-probe",
            dependencies: ["DeadlineSystemd", .product(name: "Logging", package: "swift-log")],
            path: "Tests/JournalProbe",
            swiftSettings: strict
        ),
        .target(name: "TestSupport", path: "Tests/TestSupport", swiftSettings: strict),
        .testTarget(name: "DeadlineKitTests", dependencies: ["DeadlineKit"], swiftSettings: strict),
        .testTarget(
            name: "DeadlineConfigTests",
            dependencies: ["DeadlineConfig", "TestSupport", "FuzzTargets"],
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
        .testTarget(
            name: "DeadlineSystemdTests",
            dependencies: ["DeadlineSystemd", "TestSupport"],
            swiftSettings: strict
        ),
        .testTarget(
            name: "IntegrationTests",
            dependencies: ["DeadlineService", "TestSupport"],
            swiftSettings: strict
        ),
    ]
)
