import Foundation

/// Locating and running the built `ledgerd` executable from tests.
enum Ledgerd {
  static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .deletingLastPathComponent()
    .deletingLastPathComponent().path

  /// The `ledgerd` binary next to the test bundle (SwiftPM puts products together).
  static var binary: String {
    var dir = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
    for _ in 0..<4 {
      let candidate = dir.appendingPathComponent("ledgerd").path
      if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
      dir = dir.deletingLastPathComponent()
    }
    return root + "/.build/debug/ledgerd"
  }

  struct Result {
    var status: Int32
    var stdout: String
    var stderr: String
  }

  /// Runs `ledgerd args…` to completion.
  static func run(_ args: [String]) throws -> Result {
    let p = Process()
    p.executableURL = URL(fileURLWithPath: binary)
    p.arguments = args
    let out = Pipe()
    let err = Pipe()
    p.standardOutput = out
    p.standardError = err
    try p.run()
    let o = out.fileHandleForReading.readDataToEndOfFile()
    let e = err.fileHandleForReading.readDataToEndOfFile()
    p.waitUntilExit()
    return Result(
      status: p.terminationStatus, stdout: String(decoding: o, as: UTF8.self),
      stderr: String(decoding: e, as: UTF8.self))
  }
}

/// A fresh temporary directory.
struct TempDir {
  let path: String
  init(_ label: String = "cli") {
    let base = FileManager.default.temporaryDirectory.path + "/ledger-tests"
    try? FileManager.default.createDirectory(atPath: base, withIntermediateDirectories: true)
    var template = Array("\(base)/\(label).XXXXXX".utf8CString)
    path = String(cString: template.withUnsafeMutableBufferPointer { mkdtemp($0.baseAddress!) }!)
  }
  var log: String { path + "/log" }
  func cleanup() { try? FileManager.default.removeItem(atPath: path) }
}

/// SplitMix64, for reproducible random kill moments.
struct SeededRandom: RandomNumberGenerator {
  var state: UInt64
  mutating func next() -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    var z = state
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }
}

/// True when the heavier suites should run (CI sets it).
let heavy = ProcessInfo.processInfo.environment["LEDGER_HEAVY"] == "1"
