/// The type of each earlier offset, for the cause-type rule of EVENTS §2
/// ("every cause is an earlier offset of a type allowed in §8"). It keeps
/// the types of the most recent events it was shown (causes are nearly
/// always recent: the bar's candle, its TA) and reads older ones back from
/// the log directory, one batch at a time. Not thread-safe: the writer
/// uses it under its lock, the verifier from one thread.
final class CauseTypeIndex {
  /// The log directory older offsets are read from.
  let directory: String
  /// How many recent types are kept at least (twice as many at most).
  let capacity: Int
  /// Offset of `recent[0]`.
  private var recentBase: UInt64 = 0
  private var recent: [UInt16] = []
  /// The last batch read back from disk: its base offset and types.
  private var diskBase: UInt64 = 0
  private var disk: [UInt16] = []
  private var reader: LogReader?

  /// An index over the log in `directory`, keeping at least `capacity` recent types.
  init(directory: String, capacity: Int = 1 << 20) {
    self.directory = directory
    self.capacity = capacity
  }

  /// Records the types of `events`, appended at offsets `base…`. Offsets
  /// must follow on from the previous call (a gap restarts the window).
  func note(_ events: [Event], base: UInt64) {
    if recent.isEmpty || recentBase + UInt64(recent.count) != base {
      recent.removeAll(keepingCapacity: true)
      recentBase = base
    }
    recent.append(contentsOf: events.lazy.map(\.type.rawValue))
    if recent.count > 2 * capacity {
      let drop = recent.count - capacity
      recent.removeFirst(drop)
      recentBase += UInt64(drop)
    }
  }

  /// The type of the event at `offset`; nil when the log has no such offset.
  func type(of offset: UInt64) throws(LogError) -> EventType? {
    if let t = Self.lookup(offset, base: recentBase, in: recent) { return t }
    if let t = Self.lookup(offset, base: diskBase, in: disk) { return t }
    if reader == nil { reader = try LogReader(directory: directory) }
    guard let reader, let batch = try reader.cursor(from: offset).next() else { return nil }
    let records = try batch.records()
    diskBase = batch.header.baseOffset
    disk = records.map(\.event.type.rawValue)
    return Self.lookup(offset, base: diskBase, in: disk)
  }

  private static func lookup(_ offset: UInt64, base: UInt64, in types: [UInt16]) -> EventType? {
    guard offset >= base, offset - base < UInt64(types.count) else { return nil }
    return EventType(rawValue: types[Int(offset - base)])
  }
}
