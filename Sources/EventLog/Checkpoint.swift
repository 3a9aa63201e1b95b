/// Where the log is known durable: the end of the last fsynced batch (D-19).
/// Recovery treats everything after it as a possibly torn tail and
/// everything at or before it as data that must be intact.
public struct DurablePosition: Sendable, Equatable, CustomStringConvertible {
  /// Base offset of the segment holding the position.
  public var segmentBase: UInt64
  /// Byte position in that segment just after the last durable batch.
  public var position: Int64
  /// The offset after the last durable record.
  public var nextOffset: UInt64
  /// Watermark after the last durable batch.
  public var watermark: Int64

  public var description: String {
    "\(SegmentLayout.fileName(base: segmentBase)) byte \(position) (next offset \(nextOffset))"
  }
}

/// The checkpoint file beside `segments/`: two 64-byte slots written in turn,
/// each with a sequence number and its own CRC32C, so a torn checkpoint write
/// leaves the previous one readable.
struct CheckpointFile {
  static let fileName = "checkpoint"
  static let slotSize = 64
  /// "LDGC" little-endian.
  static let magic: UInt32 = 0x4347_444C

  let file: PosixFile
  private(set) var sequence: UInt64

  /// Opens (creating when asked) the checkpoint of `directory`.
  static func open(directory: String, create: Bool) throws(LogError) -> CheckpointFile {
    let file = try PosixFile.open(directory + "/" + fileName, writable: true, create: create)
    let latest = try read(file)
    return CheckpointFile(file: file, sequence: latest?.sequence ?? 0)
  }

  /// The newest valid slot of the checkpoint of `directory`, nil when the file
  /// is missing or holds no valid slot.
  static func read(directory: String) throws(LogError) -> DurablePosition? {
    let path = directory + "/" + fileName
    guard Directory.exists(path) else { return nil }
    return try read(try PosixFile.open(path, writable: false))?.position
  }

  private static func read(_ file: PosixFile) throws(LogError) -> (
    sequence: UInt64, position: DurablePosition
  )? {
    let bytes = try file.read(count: 2 * slotSize, at: 0)
    var best: (UInt64, DurablePosition)?
    for slot in 0..<2 where bytes.count >= (slot + 1) * slotSize {
      let s = Array(bytes[(slot * slotSize)..<((slot + 1) * slotSize)])
      if let decoded = decodeSlot(s), decoded.0 > (best?.0 ?? 0) { best = decoded }
    }
    return best.map { (sequence: $0.0, position: $0.1) }
  }

  private static func decodeSlot(_ s: [UInt8]) -> (UInt64, DurablePosition)? {
    s.withUnsafeBytes { raw -> (UInt64, DurablePosition)? in
      var r = ByteReader(raw)
      guard r.u32() == magic, r.u32() == 1 else { return nil }
      let seq = r.u64()!
      let p = DurablePosition(
        segmentBase: r.u64()!, position: r.i64()!, nextOffset: r.u64()!, watermark: r.i64()!)
      r.position = slotSize - 4
      guard r.u32() == CRC32C.checksum(UnsafeRawBufferPointer(rebasing: raw[0..<(slotSize - 4)])),
        seq > 0
      else {
        return nil
      }
      return (seq, p)
    }
  }

  /// Writes `p` into the next slot (not fsynced: the next commit's sync does it).
  mutating func write(_ p: DurablePosition) throws(LogError) {
    sequence += 1
    var w = ByteWriter(capacity: CheckpointFile.slotSize)
    w.u32(CheckpointFile.magic)
    w.u32(1)
    w.u64(sequence)
    w.u64(p.segmentBase)
    w.i64(p.position)
    w.u64(p.nextOffset)
    w.i64(p.watermark)
    w.append(contentsOf: repeatElement(0, count: CheckpointFile.slotSize - 4 - w.count))
    w.u32(CRC32C.checksum(w.bytes))
    try file.write(w.bytes, at: Int64(Int(sequence % 2) * CheckpointFile.slotSize))
  }

  /// Makes the last written slot durable.
  func sync() throws(LogError) { try file.sync() }
}
