import Foundation
import Testing

/// `ledgerd process` end to end on the bundled daily BTC file.
@Suite struct ProcessCommandTests {
  static func importedLog(_ dir: TempDir) throws {
    let r = try Ledgerd.run([
      "import", "--log", dir.log, Ledgerd.root + "/data/coinbase_btcusd_1d.csv",
    ])
    #expect(r.status == 0, "\(r.stderr)")
  }

  /// Two runs in two processes on two equal logs give byte-identical logs.
  @Test func twoProcessesGiveByteIdenticalDerivedEvents() throws {
    let a = TempDir("process-a")
    let b = TempDir("process-b")
    defer {
      a.cleanup()
      b.cleanup()
    }
    for dir in [a, b] {
      try Self.importedLog(dir)
      let p = try Ledgerd.run(["process", "--log", dir.log])
      #expect(p.status == 0, "\(p.stderr)")
      #expect(p.stdout.contains("formula      v1@"))
      #expect(p.stdout.contains("candles      1770 processed"))
    }
    let catA = try Ledgerd.run(["cat", "--log", a.log])
    let catB = try Ledgerd.run(["cat", "--log", b.log])
    #expect(catA.stdout == catB.stdout)
    #expect(catA.stdout.contains("\"type\":\"uptrend_state_changed\""))
    let segments = { (dir: TempDir) throws -> [Data] in
      let s = dir.log + "/segments"
      return try FileManager.default.contentsOfDirectory(atPath: s).sorted().map {
        try Data(contentsOf: URL(fileURLWithPath: s + "/" + $0))
      }
    }
    #expect(try segments(a) == segments(b))
  }

  @Test func anotherSetIsRefusedAndStatsCountStates() throws {
    let dir = TempDir("process-refuse")
    defer { dir.cleanup() }
    try Self.importedLog(dir)
    let file = dir.path + "/every-bar.json"
    try #"{"name": "test-every-bar", "base": "v1", "sr": {"refreshPolicy": "everyBar"}}"#.write(
      toFile: file, atomically: true, encoding: .utf8)
    let p = try Ledgerd.run(["process", "--log", dir.log, "--formula", file])
    #expect(p.status == 0, "\(p.stderr)")
    #expect(p.stdout.contains("formula      test-every-bar@"))
    let refused = try Ledgerd.run(["process", "--log", dir.log, "--formula", "v1"])
    #expect(refused.status != 0)
    #expect(refused.stderr.contains("under formula set test-every-bar@"))
    #expect(refused.stderr.contains("is refused"))
    let again = try Ledgerd.run(["process", "--log", dir.log])
    #expect(again.status == 0 && again.stdout.contains("0 processed"))
    let stats = try Ledgerd.run(["stats", "--log", dir.log])
    #expect(stats.stdout.contains("uptrend states and transitions"))
    #expect(stats.stdout.contains("S4→S3 1"))
    let bad = try Ledgerd.run(["process", "--log", dir.log, "--formula", "nope"])
    #expect(bad.status != 0 && bad.stderr.contains("neither a built-in set"))
  }
}
