// swift-tools-version:6.0
import PackageDescription

let package = Package(
  name: "ledger",
  platforms: [.macOS(.v15)],
  products: [
    .library(name: "EventLog", targets: ["EventLog"]),
    .library(name: "Engines", targets: ["Engines"]),
    .executable(name: "ledgerd", targets: ["ledgerd"]),
    .executable(name: "ledger-bench", targets: ["LedgerBench"]),
  ],
  dependencies: [
    .package(url: "https://github.com/apple/swift-argument-parser.git", from: "1.8.2"),
    .package(url: "https://github.com/apple/swift-protobuf.git", from: "1.39.0"),
    .package(url: "https://github.com/groue/GRDB.swift.git", from: "7.10.0"),
    .package(url: "https://github.com/apple/swift-crypto.git", from: "3.12.3"),
  ],
  targets: [
    .systemLibrary(
      name: "CLZ4",
      pkgConfig: "liblz4",
      providers: [.apt(["liblz4-dev"])]
    ),
    .target(
      name: "EventLog",
      dependencies: [
        "CLZ4",
        .product(name: "SwiftProtobuf", package: "swift-protobuf"),
      ]
    ),
    .target(name: "Ingest", dependencies: ["EventLog"]),
    .target(
      name: "Engines",
      dependencies: ["EventLog", .product(name: "Crypto", package: "swift-crypto")]
    ),
    .target(
      name: "Replayer",
      dependencies: [
        "Engines", "EventLog", "Ingest", .product(name: "SwiftProtobuf", package: "swift-protobuf"),
      ]
    ),
    .executableTarget(
      name: "ledgerd",
      dependencies: [
        "EventLog",
        "Ingest",
        "Engines",
        "Replayer",
        .product(name: "ArgumentParser", package: "swift-argument-parser"),
        .product(name: "SwiftProtobuf", package: "swift-protobuf"),
      ]
    ),
    .executableTarget(
      name: "LedgerBench",
      dependencies: [
        "EventLog",
        "Ingest",
        "Engines",
        "Replayer",
        .product(name: "GRDB", package: "GRDB.swift"),
      ]
    ),
    .testTarget(
      name: "EventLogTests",
      dependencies: ["EventLog", "Ingest", .product(name: "SwiftProtobuf", package: "swift-protobuf")]
    ),
    .testTarget(name: "IngestTests", dependencies: ["Ingest", "EventLog"]),
    .testTarget(name: "EnginesTests", dependencies: ["Engines", "EventLog", "Ingest"]),
    .testTarget(name: "ReplayerTests", dependencies: ["Replayer", "Engines", "EventLog", "Ingest"]),
    .testTarget(name: "LedgerdTests", dependencies: ["EventLog", "Ingest", "Engines"]),
  ]
)
