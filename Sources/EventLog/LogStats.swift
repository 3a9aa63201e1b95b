/// Counts and sizes of a log, as `ledgerd stats` prints them. Every list is
/// sorted, so the same log always gives the same output.
public struct LogStats: Sendable, Codable, Equatable {
  /// Events of one type.
  public struct TypeCount: Sendable, Codable, Equatable {
    /// Type id.
    public var type: UInt16
    /// Wire name (or `type#<id>` when unknown).
    public var name: String
    /// Number of events.
    public var events: Int
  }

  /// Events of one stream.
  public struct StreamCount: Sendable, Codable, Equatable {
    /// Stream name.
    public var stream: String
    /// Number of events.
    public var events: Int
  }

  /// What one codec holds and how well it compresses.
  public struct CodecStats: Sendable, Codable, Equatable {
    /// Codec name.
    public var codec: String
    /// Batches encoded with it.
    public var batches = 0
    /// Events in them.
    public var events = 0
    /// Bytes on disk (headers and LZ4 bodies).
    public var storedBytes = 0
    /// Size of the same events as EVENTS.md §2 records, uncompressed.
    public var recordBytes = 0
    /// Stored bytes per event.
    public var bytesPerEvent: Double = 0
  }

  /// Segment files.
  public var segments = 0
  /// Of which sealed.
  public var sealedSegments = 0
  /// Batches.
  public var batches = 0
  /// Events.
  public var events = 0
  /// First offset and the offset after the last event.
  public var firstOffset: UInt64 = 0
  /// The offset after the last event.
  public var nextOffset: UInt64 = 0
  /// Bytes of segment files.
  public var segmentBytes: Int64 = 0
  /// Bytes of index files.
  public var indexBytes: Int64 = 0
  /// Segment, index and checkpoint bytes.
  public var bytesOnDisk: Int64 = 0
  /// Size of all events as uncompressed EVENTS.md §2 records.
  public var recordBytes: Int64 = 0
  /// Smallest and largest event time (ms UTC), nil for an empty log.
  public var minEventTime: Int64?
  /// Largest event time.
  public var maxEventTime: Int64?
  /// Watermark after the last batch, nil while no market data.
  public var watermark: Int64?
  /// Per type, by id.
  public var types: [TypeCount] = []
  /// Per stream, by name.
  public var streams: [StreamCount] = []
  /// Per codec, by name.
  public var codecs: [CodecStats] = []

  /// Segment bytes per event.
  public var bytesPerEvent: Double = 0
  /// Uncompressed record bytes over segment bytes.
  public var compressionRatio: Double = 0

  /// Reads the whole log in `directory`.
  public static func compute(directory: String, registry: EventTypeRegistry = .standard)
    throws(LogError) -> LogStats
  {
    var s = LogStats()
    let reader = try LogReader(directory: directory)
    var byType: [UInt16: Int] = [:]
    var byStream: [String: Int] = [:]
    var byCodec: [BatchCodec: CodecStats] = [:]
    let cursor = try reader.cursor()
    var scratch: [UInt8] = []
    var first = true
    while let b = try cursor.next() {
      if first { s.firstOffset = b.header.baseOffset }
      first = false
      s.batches += 1
      s.events += Int(b.header.count)
      s.nextOffset = b.header.nextOffset
      s.minEventTime = min(s.minEventTime ?? .max, b.header.minTime)
      s.maxEventTime = max(s.maxEventTime ?? .min, b.header.maxTime)
      if b.header.watermark != .min { s.watermark = b.header.watermark }
      var c = byCodec[b.header.codec] ?? CodecStats(codec: b.header.codec.description)
      c.batches += 1
      c.events += Int(b.header.count)
      c.storedBytes += b.header.totalLength
      let recordBytes = try count(b, scratch: &scratch, types: &byType, streams: &byStream)
      c.recordBytes += recordBytes
      s.recordBytes += Int64(recordBytes)
      byCodec[b.header.codec] = c
    }
    s.types = byType.keys.sorted().map {
      TypeCount(type: $0, name: registry.name(of: EventType(rawValue: $0)), events: byType[$0]!)
    }
    s.streams = byStream.keys.sorted().map { StreamCount(stream: $0, events: byStream[$0]!) }
    s.codecs = byCodec.values.sorted { $0.codec < $1.codec }.map { c in
      var c = c
      c.bytesPerEvent = c.events == 0 ? 0 : Double(c.storedBytes) / Double(c.events)
      return c
    }
    try s.measureFiles(directory: directory)
    s.bytesPerEvent = s.events == 0 ? 0 : Double(s.segmentBytes) / Double(s.events)
    s.compressionRatio = s.segmentBytes == 0 ? 0 : Double(s.recordBytes) / Double(s.segmentBytes)
    return s
  }

  private static func count(
    _ b: LogBatch, scratch: inout [UInt8], types: inout [UInt16: Int], streams: inout [String: Int]
  ) throws(LogError) -> Int {
    if b.header.codec == .candle, let candles = try b.candles(scratch: &scratch) {
      types[EventType.candle.rawValue, default: 0] += candles.count
      var perStream = [Int](repeating: 0, count: candles.streams.count)
      var bytes = 0
      for i in 0..<candles.count {
        perStream[Int(candles.streamIndex[i])] += 1
        let p = candles.presence[i]
        bytes += 9 * (p & 0x3F).nonzeroBitCount
        if candles.venueIndex[i] >= 0 {
          bytes += 2 + candles.venues[Int(candles.venueIndex[i])].utf8.count
        }
      }
      for (k, name) in candles.streams.enumerated() {
        streams[name, default: 0] += perStream[k]
        bytes += perStream[k] * (RecordCodec.fixedHeaderSize + name.utf8.count)
      }
      return bytes
    }
    var bytes = 0
    for r in try b.records() {
      types[r.event.type.rawValue, default: 0] += 1
      streams[r.event.stream, default: 0] += 1
      bytes += RecordCodec.size(of: r.event)
    }
    return bytes
  }

  private mutating func measureFiles(directory: String) throws(LogError) {
    for e in try LogDirectory.segments(directory) {
      let f = try PosixFile.open(e.path, writable: false)
      let size = try f.size()
      segments += 1
      segmentBytes += size
      if try SegmentScanner.footer(f, size: size) != nil { sealedSegments += 1 }
    }
    let segDir = LogDirectory.segmentsPath(directory)
    for name in try Directory.list(segDir) ?? []
    where name.hasSuffix(".index") || name.hasSuffix(".timeindex") {
      indexBytes += try PosixFile.open(segDir + "/" + name, writable: false).size()
    }
    let cp = directory + "/" + CheckpointFile.fileName
    let checkpointBytes = Directory.exists(cp) ? try PosixFile.open(cp, writable: false).size() : 0
    bytesOnDisk = segmentBytes + indexBytes + checkpointBytes
  }
}
