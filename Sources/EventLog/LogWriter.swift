import Foundation

/// The single writer of a log directory. Appends take whole batches and
/// return their offsets once the durability policy is met; concurrent
/// appenders under group commit share one fsync. A second writer on the same
/// directory, in this process or another, fails with `LogError.locked`.
public final class LogWriter: @unchecked Sendable {
  /// The log directory.
  public let directory: String
  /// The options it was opened with.
  public let options: LogOptions
  /// What opening found and repaired.
  public let recovery: RecoveryReport

  private let lockFile: PosixFile
  private let cond = NSCondition()
  private var active: ActiveSegment
  private var checkpoint: CheckpointFile
  private var nextOffset: UInt64
  private var watermark: Int64
  private var written: DurablePosition
  private var durable: DurablePosition
  private var failure: LogError?
  private var isClosed = false
  private var flusher: Thread?
  /// Types of earlier offsets, for the cause-type rule (EVENTS §2).
  private let causeTypes: CauseTypeIndex
  /// When the oldest write not yet covered by a group commit happened.
  private var pendingSince: ContinuousClock.Instant?

  /// The segment being appended to.
  struct ActiveSegment {
    var entry: SegmentEntry
    var file: PosixFile
    var position: Int64
    var batchCount: UInt32
    var crc: UInt32
    var index: SegmentIndex
    var indexAppender: IndexAppender
  }

  /// Opens (or creates) the log in `directory`, recovering a torn tail.
  public init(directory: String, options: LogOptions = LogOptions()) throws(LogError) {
    self.directory = directory
    self.options = options
    if options.createIfMissing { try Directory.create(LogDirectory.segmentsPath(directory)) }
    guard Directory.exists(LogDirectory.segmentsPath(directory)) else {
      throw LogError.notALog(path: directory, reason: "no segments/ directory")
    }
    lockFile = try PosixFile.open(LogDirectory.lockPath(directory), writable: true, create: true)
    guard try lockFile.tryLockExclusive() else { throw LogError.locked(directory: directory) }
    var plan = try LogRecovery(directory: directory, options: options).plan()
    let state = try LogWriter.apply(&plan, directory: directory, options: options)
    active = state.active
    checkpoint = state.checkpoint
    nextOffset = state.nextOffset
    watermark = state.watermark
    written = state.durable
    durable = state.durable
    plan.report.durable = state.durable
    recovery = plan.report
    causeTypes = CauseTypeIndex(directory: directory)
    if case .groupCommit(let ms) = options.durability { startFlusher(intervalMs: ms) }
  }

  deinit {
    try? close()
  }

  // MARK: Appending

  /// Appends `events` as one batch; returns their offsets once durable under the policy.
  @discardableResult
  public func append(_ events: [Event]) throws(LogError) -> Range<UInt64> {
    try EventValidator.validate(events, registry: options.registry, payloads: false)
    let prepared = BatchEncoder.prepare(
      events, registry: options.registry, codec: options.codec, validating: true)
    if let (index, reason) = prepared.invalid {
      throw LogError.invalidEvent(index: index, reason: reason)
    }
    if prepared.codec != .candle {
      try EventValidator.validatePayloads(events, registry: options.registry)
    }
    cond.lock()
    defer { cond.unlock() }
    if isClosed { throw LogError.closed }
    if let f = failure { throw LogError.writerFailed(reason: f.description) }
    try EventValidator.validateCauses(events, baseOffset: nextOffset)
    try EventValidator.validateCauseTypes(
      events, baseOffset: nextOffset, registry: options.registry, index: causeTypes)
    let encoded = BatchEncoder.finalize(
      prepared, baseOffset: nextOffset, watermarkBefore: watermark)
    if active.position + Int64(encoded.bytes.count) > options.segmentMaxBytes
      && active.batchCount > 0
    {
      try guarded { () throws(LogError) in try rollLocked() }
    }
    try guarded { () throws(LogError) in try writeLocked(encoded) }
    let range = encoded.header.baseOffset..<encoded.header.nextOffset
    causeTypes.note(events, base: range.lowerBound)
    switch options.durability {
    case .fsyncEachBatch:
      try guarded { () throws(LogError) in try commitLocked() }
    case .none:
      break
    case .groupCommit:
      if pendingSince == nil {
        pendingSince = .now
        cond.broadcast()
      }
      // close() commits before it returns, so a waiter never leaves undurable.
      while durable.nextOffset < range.upperBound && failure == nil { cond.wait() }
      if let f = failure { throw LogError.writerFailed(reason: f.description) }
    }
    return range
  }

  /// Makes everything appended so far durable and advances the checkpoint.
  public func flush() throws(LogError) {
    cond.lock()
    defer { cond.unlock() }
    if isClosed { throw LogError.closed }
    if let f = failure { throw LogError.writerFailed(reason: f.description) }
    try guarded { () throws(LogError) in try commitLocked() }
  }

  /// Flushes, stops the group-commit thread and releases the lock.
  public func close() throws(LogError) {
    cond.lock()
    if isClosed {
      cond.unlock()
      return
    }
    isClosed = true
    cond.broadcast()
    let thread = flusher
    cond.unlock()
    while let t = thread, !t.isFinished { usleep(200) }
    cond.lock()
    defer {
      lockFile.unlock()
      cond.unlock()
    }
    if failure == nil {
      try guarded { () throws(LogError) in
        try commitLocked()
        try checkpoint.sync()
        try active.indexAppender.sync()
      }
    }
    cond.broadcast()
  }

  /// The offset the next appended event will get.
  public var endOffset: UInt64 {
    cond.lock()
    defer { cond.unlock() }
    return nextOffset
  }

  /// The watermark after the last appended batch: the highest event time of
  /// the market-data source events so far (EVENTS §4.3; D-20 stamps events the
  /// system appends itself with it).
  public var currentWatermark: Int64 {
    cond.lock()
    defer { cond.unlock() }
    return watermark
  }

  /// The durable position (what the checkpoint says or will say).
  public var durablePosition: DurablePosition {
    cond.lock()
    defer { cond.unlock() }
    return durable
  }

  // MARK: Internals (called with `cond` held)

  /// Runs `body`; an I/O failure poisons the writer (no append after an
  /// unknown write or fsync outcome).
  private func guarded(_ body: () throws(LogError) -> Void) throws(LogError) {
    do {
      try body()
    } catch {
      failure = error
      cond.broadcast()
      throw error
    }
  }

  private func writeLocked(_ encoded: BatchEncoder.Encoded) throws(LogError) {
    let position = active.position
    do {
      try active.file.write(encoded.bytes, at: position)
    } catch {
      try? active.file.truncate(to: position)
      throw error
    }
    active.position += Int64(encoded.bytes.count)
    active.batchCount += 1
    active.crc = CRC32C.checksum(encoded.bytes, continuing: active.crc)
    if let entry = active.index.note(encoded.header, at: position) {
      try active.indexAppender.append(entry)
    }
    nextOffset = encoded.header.nextOffset
    watermark = encoded.header.watermark
    written = DurablePosition(
      segmentBase: active.entry.base, position: active.position, nextOffset: nextOffset,
      watermark: watermark)
  }

  /// fsync data, make the previous checkpoint durable, write the new one.
  private func commitLocked() throws(LogError) {
    guard written != durable else { return }
    try active.file.sync()
    try checkpoint.sync()
    try checkpoint.write(written)
    durable = written
    cond.broadcast()
  }

  private func rollLocked() throws(LogError) {
    try active.file.sync()
    let footer = SegmentFooter(
      baseOffset: active.entry.base, nextOffset: nextOffset, dataLength: active.position,
      watermark: watermark,
      batchCount: active.batchCount, fileCRC: active.crc)
    try active.file.write(footer.encoded(), at: active.position)
    try active.file.sync()
    try active.file.makeReadOnly()
    try active.indexAppender.sync()
    active = try LogWriter.createSegment(base: nextOffset, directory: directory, options: options)
    written = DurablePosition(
      segmentBase: active.entry.base, position: active.position, nextOffset: nextOffset,
      watermark: watermark)
    try checkpoint.sync()
    try checkpoint.write(written)
    durable = written
    cond.broadcast()
  }

  // MARK: Group commit

  private func startFlusher(intervalMs: Int) {
    let t = Thread { [unowned self] in self.flushLoop(interval: .milliseconds(max(intervalMs, 0))) }
    t.name = "ledger-group-commit"
    flusher = t
    t.start()
  }

  /// Syncs once the oldest pending write is `interval` old (at once when
  /// it already is), so every appender waiting meanwhile shares the fsync.
  private func flushLoop(interval: Duration) {
    cond.lock()
    defer { cond.unlock() }
    while true {
      while !isClosed && failure == nil && pendingSince == nil { cond.wait() }
      if isClosed || failure != nil { return }
      let deadline = pendingSince! + interval
      while !isClosed && ContinuousClock.now < deadline {
        _ = cond.wait(until: Date(timeIntervalSinceNow: (deadline - .now).inSeconds))
      }
      pendingSince = nil
      let target = written
      let file = active.file
      let cp = checkpoint
      cond.unlock()
      var syncError: LogError?
      do throws(LogError) {
        try file.sync()
        try cp.sync()
      } catch { syncError = error }
      cond.lock()
      if let e = syncError {
        failure = e
        cond.broadcast()
        return
      }
      if target.nextOffset > durable.nextOffset {
        do throws(LogError) {
          try checkpoint.write(target)
          durable = target
        } catch {
          failure = error
        }
      }
      if written != durable && pendingSince == nil { pendingSince = .now }
      cond.broadcast()
    }
  }

  // MARK: Opening

  private struct OpenState {
    var active: ActiveSegment
    var checkpoint: CheckpointFile
    var nextOffset: UInt64
    var watermark: Int64
    var durable: DurablePosition
  }

  /// Carries out a recovery plan: the only place opening changes files.
  private static func apply(_ plan: inout LogRecovery.Plan, directory: String, options: LogOptions)
    throws(LogError) -> OpenState
  {
    let segDir = LogDirectory.segmentsPath(directory)
    if let (entry, position) = plan.truncate {
      try Directory.makeWritable(entry.path)
      let f = try PosixFile.open(entry.path, writable: true)
      try f.truncate(to: position)
      try f.sync()
    }
    for e in plan.remove {
      let (op, tp) = IndexFiles.paths(directory: segDir, base: e.base)
      for p in [e.path, op, tp] { try Directory.remove(p) }
    }
    if !plan.remove.isEmpty { try Directory.sync(segDir) }
    for index in plan.indexes { try IndexFiles.rewrite(directory: segDir, index: index) }
    var checkpoint = try CheckpointFile.open(directory: directory, create: true)
    let active: ActiveSegment
    var nextOffset = plan.report.durable.nextOffset
    var watermark = plan.report.durable.watermark
    if let a = plan.active {
      nextOffset = a.nextOffset
      watermark = a.watermark
      if a.sealed {
        active = try createSegment(base: a.nextOffset, directory: directory, options: options)
        plan.writeCheckpoint = true
      } else {
        if plan.truncate == nil { try Directory.makeWritable(a.entry.path) }
        let file = try PosixFile.open(a.entry.path, writable: true)
        active = ActiveSegment(
          entry: a.entry, file: file, position: a.position, batchCount: a.batchCount, crc: a.crc,
          index: a.index,
          indexAppender: try IndexAppender(directory: segDir, index: a.index))
      }
    } else {
      active = try createSegment(
        base: plan.report.durable.segmentBase, directory: directory, options: options)
    }
    let durable = DurablePosition(
      segmentBase: active.entry.base, position: active.position, nextOffset: nextOffset,
      watermark: watermark)
    if plan.writeCheckpoint || durable != plan.report.durable {
      try active.file.sync()
      try checkpoint.write(durable)
      try checkpoint.sync()
      try Directory.sync(directory)
    }
    return OpenState(
      active: active, checkpoint: checkpoint, nextOffset: nextOffset, watermark: watermark,
      durable: durable)
  }

  /// Creates an empty segment file at `base` (header fsynced, directory fsynced).
  static func createSegment(base: UInt64, directory: String, options: LogOptions) throws(LogError)
    -> ActiveSegment
  {
    let segDir = LogDirectory.segmentsPath(directory)
    let name = SegmentLayout.fileName(base: base)
    let path = segDir + "/" + name
    // Written under a temporary name and renamed, so a reader never sees a
    // segment file without its header.
    try Directory.remove(path + ".tmp")
    let file = try PosixFile.open(path + ".tmp", writable: true, create: true)
    let header = SegmentHeader(baseOffset: base).encoded()
    try file.write(header, at: 0)
    try file.sync()
    try Directory.rename(path + ".tmp", path)
    try Directory.sync(segDir)
    let index = SegmentIndex(base: base, interval: options.indexIntervalBytes)
    return ActiveSegment(
      entry: SegmentEntry(base: base, name: name, path: path), file: file,
      position: Int64(header.count),
      batchCount: 0, crc: CRC32C.checksum(header), index: index,
      indexAppender: try IndexAppender(directory: segDir, index: index))
  }
}

extension Duration {
  /// The duration in seconds.
  var inSeconds: Double { Double(components.seconds) + Double(components.attoseconds) / 1e18 }
}
