// swift-tools-version:6.0
import PackageDescription

/// Metadata of concrete generic types (a keyed container of a journal event's keys, a set of ids)
/// fetched by direct accessors rather than by demangling their names: the runtime then does not
/// scan the program's 7,000 conformance records to check each type's requirements, the first time
/// it is used on every run. A third of the instructions of `check` on a short session.
let fastStart: [SwiftSetting] = [.unsafeFlags(["-Xfrontend", "-disable-concrete-type-metadata-mangled-name-accessors"])]

let package = Package(
    name: "Convene",
    products: [
        .executable(name: "convene", targets: ["convene"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.0.0"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.0.0"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.0.0"),
        .package(url: "https://github.com/swiftcsv/SwiftCSV", from: "0.10.0"),
        .package(url: "https://github.com/LebJe/TOMLKit", from: "0.6.0"),
    ],
    targets: [
        // Pure engine: model, events, reducer, checks, notes rendering. No terminal, no files.
        .target(
            name: "ConveneCore",
            dependencies: [
                "CCmarkGFM",
                .product(name: "Yams", package: "Yams"),
                .product(name: "Mustache", package: "swift-mustache"),
            ],
            swiftSettings: fastStart
        ),
        // The session folders on disk: journal, lock, atomic notes, catalogue, template files, and
        // the archive's index (SQLite with FTS5, through GRDB).
        .target(name: "ConveneStore", dependencies: ["ConveneCore", .product(name: "GRDB", package: "GRDB.swift"),
                                              // SQLite's C interface, for the search ranking GRDB does not wrap.
                                              .product(name: "GRDBSQLite", package: "GRDB.swift"),
                                              "CSQLiteSetup"],
                swiftSettings: fastStart),
        // SQLite's process-wide settings (`sqlite3_config`, variadic), through a shim header.
        .systemLibrary(name: "CSQLiteSetup", providers: [.apt(["libsqlite3-dev"])]),
        // The system's ncursesw, reached only through the shim header. No `pkgConfig`: Debian's
        // ncursesw.pc carries -D flags SwiftPM refuses, a warning on every build (`script/setup`
        // installs the package instead).
        .systemLibrary(
            name: "CNCursesW",
            providers: [.apt(["libncursesw5-dev"])]
        ),
        // GitHub's Markdown parser: to read notes files for the terminal, and to find the emphasis,
        // code and links a person typed so the notes keep them. With `pkgConfig`, SwiftPM names the
        // Debian package to install when it is missing.
        .systemLibrary(
            name: "CCmarkGFM",
            pkgConfig: "libcmark-gfm",
            providers: [.apt(["libcmark-gfm-dev", "libcmark-gfm-extensions-dev"])]
        ),
        .target(name: "ConveneTUI", dependencies: ["ConveneCore", "CNCursesW", "CCmarkGFM"], swiftSettings: fastStart),
        .executableTarget(
            name: "convene",
            dependencies: [
                "ConveneCore", "ConveneStore", "ConveneTUI",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                // Registration exports (attendees): quoted fields, commas and line breaks inside them.
                .product(name: "SwiftCSV", package: "SwiftCSV"),
                // The user's settings, config.toml.
                .product(name: "TOMLKit", package: "TOMLKit"),
            ],
            swiftSettings: fastStart
        ),
        .executableTarget(
            name: "ConveneBenchmarks",
            dependencies: ["ConveneCore", "ConveneStore", "ConveneTUI"]
        ),
        // What more than one test target uses: GitHub's Markdown parser as a command, to read notes
        // back, and a seeded random generator for property tests.
        .target(name: "TestSupport", path: "Tests/TestSupport"),
        .testTarget(name: "ConveneCoreTests", dependencies: ["ConveneCore", "TestSupport", .product(name: "Yams", package: "Yams")]),
        .testTarget(name: "ConveneStoreTests", dependencies: ["ConveneStore", "ConveneCore", "TestSupport", .product(name: "GRDB", package: "GRDB.swift")]),
        .testTarget(name: "ConveneTUITests", dependencies: ["ConveneTUI", "ConveneCore", "TestSupport"], exclude: ["Snapshots", "Fixtures"]),
        .testTarget(name: "ConveneCLITests", dependencies: ["ConveneCore", "ConveneStore", "convene", "TestSupport", .product(name: "SwiftCSV", package: "SwiftCSV"),
                                                            // To scribble on an index as an attacker would.
                                                            .product(name: "GRDB", package: "GRDB.swift")],
                    exclude: ["Fixtures"]),
    ]
)
