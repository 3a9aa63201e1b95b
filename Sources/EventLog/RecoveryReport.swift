/// What opening a log for writing found and did. Nothing here is silent:
/// a truncated torn tail, a removed segment and every rebuilt index is listed.
public struct RecoveryReport: Sendable, Equatable, CustomStringConvertible {
  /// A torn tail that was cut off after the durable checkpoint.
  public struct Truncation: Sendable, Equatable {
    /// Segment file name.
    public var segment: String
    /// Byte position the segment was cut to.
    public var position: Int64
    /// Bytes removed from that segment.
    public var bytesRemoved: Int64
    /// Why the tail there is not a valid batch.
    public var reason: String
  }

  /// The truncation, if the tail was torn.
  public var truncation: Truncation?
  /// Later segment files removed with the torn tail.
  public var removedSegments: [String] = []
  /// Valid batches found after the checkpoint and kept.
  public var batchesKeptAfterCheckpoint = 0
  /// Segments whose index files were missing or behind and were rebuilt.
  public var rebuiltIndexes: [String] = []
  /// Whether a new log was created.
  public var created = false
  /// The durable position after recovery.
  public var durable: DurablePosition

  /// True when nothing needed repair.
  public var isClean: Bool {
    truncation == nil && removedSegments.isEmpty && rebuiltIndexes.isEmpty
  }

  public var description: String {
    var parts: [String] = []
    if created { parts.append("created a new log") }
    if let t = truncation {
      parts.append(
        "truncated torn tail of \(t.segment) at byte \(t.position) (\(t.bytesRemoved) bytes: \(t.reason))"
      )
    }
    if !removedSegments.isEmpty {
      parts.append(
        "removed segments after the torn tail: \(removedSegments.joined(separator: ", "))")
    }
    if batchesKeptAfterCheckpoint > 0 {
      parts.append("kept \(batchesKeptAfterCheckpoint) valid batches after the checkpoint")
    }
    if !rebuiltIndexes.isEmpty {
      parts.append("rebuilt indexes of \(rebuiltIndexes.joined(separator: ", "))")
    }
    if parts.isEmpty { parts.append("clean") }
    return parts.joined(separator: "; ") + "; durable up to \(durable)"
  }
}
