import EventLog
import Foundation
import Testing

@Suite struct CLITests {
  @Test(arguments: [[], ["verify"], ["stats"], ["process"]])
  func everyCommandHasHelp(args: [String]) throws {
    let r = try Ledgerd.run(args + ["--help"])
    #expect(r.status == 0)
    #expect(r.stdout.contains("USAGE: ledgerd"))
  }

  @Test func verifyAndStatsOnAHealthyLog() throws {
    let dir = TempDir()
    defer { dir.cleanup() }
    let append = try Ledgerd.run([
      "debug-append", "--log", dir.log, "--batches", "20", "--batch-size", "100", "--durability",
      "none",
    ])
    #expect(append.status == 0)
    let v = try Ledgerd.run(["verify", "--log", dir.log])
    #expect(v.status == 0)
    #expect(v.stdout.contains("1 segments, 20 batches, 2000 events"))
    #expect(v.stdout.hasSuffix("ok\n"))
    let vj = try Ledgerd.run(["verify", "--log", dir.log, "--json"])
    let doc = try JSONSerialization.jsonObject(with: Data(vj.stdout.utf8)) as? [String: Any]
    #expect(doc?["ok"] as? Bool == true)
    #expect(doc?["events"] as? Int == 2000)
    let s = try Ledgerd.run(["stats", "--log", dir.log, "--json"])
    #expect(s.status == 0)
    let stats = try JSONDecoder().decode(LogStats.self, from: Data(s.stdout.utf8))
    #expect(stats.events == 2000)
    #expect(stats.types.map { "\($0.type) \($0.name) \($0.events)" } == ["101 candle 2000"])
    #expect(stats.streams.map { "\($0.stream) \($0.events)" } == ["crash/1m 2000"])
    let text = try Ledgerd.run(["stats", "--log", dir.log])
    #expect(text.stdout.contains("candle"))
  }

  @Test func verifyNamesCorruptionAndExitsOne() throws {
    let dir = TempDir()
    defer { dir.cleanup() }
    _ = try Ledgerd.run([
      "debug-append", "--log", dir.log, "--batches", "5", "--batch-size", "100", "--durability",
      "none",
    ])
    let seg = dir.log + "/segments/00000000000000000000.log"
    let h = try FileHandle(forUpdating: URL(fileURLWithPath: seg))
    try h.seek(toOffset: 200)
    let byte = h.readData(ofLength: 1)
    try h.seek(toOffset: 200)
    h.write(Data([byte[0] ^ 0x10]))
    try h.close()
    let v = try Ledgerd.run(["verify", "--log", dir.log])
    #expect(v.status == 1)
    #expect(
      v.stdout.contains(
        "error: 00000000000000000000.log byte 32: batch checksum mismatch (base offset 0)"))
    #expect(v.stdout.contains("FAILED: 1 error"))
    let missing = try Ledgerd.run(["verify", "--log", dir.path + "/nope"])
    #expect(missing.status != 0)
    #expect(missing.stderr.contains("is not a usable log") || missing.stdout.contains("0 segments"))
  }
}
