import Engines
import Foundation

/// The engine state between `ledgerd process` runs (D-18): one snapshot per
/// series under one formula set, with the log offset it is complete up to.
/// A cache, never an event: without it every series is recomputed from its
/// first bar; resuming from it is bit-identical.
struct ProcessStateCache: Codable, Equatable {
  /// One series' state.
  struct SeriesState: Codable, Equatable {
    /// The series' stream.
    var stream: String
    /// Its TA, S/R and engine state.
    var engine: SeriesEngine
    /// Offset of the last candle folded in.
    var lastCandleOffset: UInt64
    /// Offset of the S/R event in force, if any.
    var srInForce: UInt64?
  }

  /// Layout version of this file (2: incremental S/R and EDX state).
  var version = Self.currentVersion
  /// The version this build writes and reads; other caches are ignored.
  static let currentVersion = 2
  /// Name of the formula set.
  var formulaName: String
  /// Its stamp.
  var formulaStamp: UInt64
  /// Its canonical JSON, so a resumed run needs no rescan for its definition.
  var formulaContent: String
  /// The first log offset not yet read.
  var nextOffset: UInt64
  /// Every series, sorted by stream.
  var series: [SeriesState]

  /// Where the cache of a log lives: `<log>/engine-state/process.json`.
  static func path(log: String) -> String { log + "/engine-state/process.json" }

  /// The cache of a log, or nil when there is none or it cannot be read
  /// (then the run recomputes from the first bar, which is always correct).
  static func load(log: String) -> ProcessStateCache? {
    guard let data = FileManager.default.contents(atPath: path(log: log)) else { return nil }
    guard let cache = try? JSONDecoder().decode(ProcessStateCache.self, from: data),
      cache.version == currentVersion
    else { return nil }
    return cache
  }

  /// Writes the cache atomically (temporary file, fsync, rename).
  func save(log: String) throws {
    let dir = log + "/engine-state"
    try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys]
    let data = try encoder.encode(self)
    let tmp = dir + "/process.json.tmp"
    guard FileManager.default.createFile(atPath: tmp, contents: data) else {
      throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: tmp])
    }
    let fd = open(tmp, O_RDONLY)
    if fd >= 0 {
      fsync(fd)
      close(fd)
    }
    guard rename(tmp, Self.path(log: log)) == 0 else {
      throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: Self.path(log: log)])
    }
  }
}
