/// When an append counts as done (DESIGN §4): the writer returns offsets
/// only once its policy is met.
public enum DurabilityPolicy: Sendable, Equatable, CustomStringConvertible {
  /// fdatasync after every batch, before the append returns.
  case fsyncEachBatch
  /// One fdatasync every `milliseconds`, shared by every appender waiting.
  case groupCommit(milliseconds: Int)
  /// No fsync on append; data is made durable by `flush()`, a segment roll or `close()`.
  case none

  public var description: String {
    switch self {
    case .fsyncEachBatch: return "fsync"
    case .groupCommit(let ms): return "group(\(ms)ms)"
    case .none: return "none"
    }
  }
}

/// How a writer lays out and protects a log.
public struct LogOptions: Sendable {
  /// Durability of appends.
  public var durability: DurabilityPolicy = .groupCommit(milliseconds: 5)
  /// A segment is sealed and a new one started once the next batch would pass this size.
  public var segmentMaxBytes: Int64 = 64 << 20
  /// Bytes of segment between two sparse index entries.
  public var indexIntervalBytes: Int64 = 4096
  /// Batch codec choice.
  public var codec: CodecChoice = .automatic
  /// Event types accepted on append.
  public var registry: EventTypeRegistry = .standard
  /// Create the directory when it does not exist.
  public var createIfMissing = true
  /// Also check every sealed segment's whole-file checksum on open (slow on big logs).
  public var verifySealedSegmentsOnOpen = false

  /// The defaults: group commit every 5 ms, 64 MiB segments, 4 KiB index interval.
  public init() {}
}
