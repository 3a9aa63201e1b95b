/// The segment a writer appends to, as recovery leaves it.
struct ActiveSegmentState {
  var entry: SegmentEntry
  var position: Int64
  var batchCount: UInt32
  var crc: UInt32
  var index: SegmentIndex
  var nextOffset: UInt64
  var watermark: Int64
  /// Sealed already: the writer must start the next segment.
  var sealed: Bool
}

/// Opening a log for writing: first a read-only analysis that either refuses
/// (corruption at or before the durable checkpoint, D-19) or yields a plan,
/// then the plan's few changes (cut the torn tail, drop segments after it,
/// rewrite stale indexes, advance the checkpoint). A refusal changes nothing.
struct LogRecovery {
  let directory: String
  let options: LogOptions

  struct Plan {
    var report: RecoveryReport
    var truncate: (entry: SegmentEntry, position: Int64)?
    var remove: [SegmentEntry] = []
    var indexes: [SegmentIndex] = []
    var active: ActiveSegmentState?
    var writeCheckpoint = false
  }

  private func corrupt(_ entry: SegmentEntry, _ position: Int64, _ reason: String) -> LogError {
    .corrupt(segment: entry.name, position: position, reason: reason)
  }

  /// Analyses the directory; throws when it must refuse to open.
  func plan() throws(LogError) -> Plan {
    let segments = try LogDirectory.segments(directory)
    let checkpoint = try CheckpointFile.read(directory: directory)
    let empty = DurablePosition(
      segmentBase: 0, position: Int64(SegmentHeader.size), nextOffset: 0, watermark: .min)
    guard !segments.isEmpty else {
      if let cp = checkpoint, cp.nextOffset > 0 {
        throw LogError.corrupt(
          segment: SegmentLayout.fileName(base: cp.segmentBase), position: cp.position,
          reason:
            "checkpoint says offsets below \(cp.nextOffset) are durable but no segment file exists")
      }
      var report = RecoveryReport(durable: empty)
      report.created = true
      return Plan(report: report, writeCheckpoint: true)
    }
    guard let cp = checkpoint else { return try planWithoutCheckpoint(segments) }
    guard let cpIndex = segments.firstIndex(where: { $0.base == cp.segmentBase }) else {
      throw LogError.corrupt(
        segment: SegmentLayout.fileName(base: cp.segmentBase), position: cp.position,
        reason: "the checkpoint names this segment but the file is missing")
    }
    var plan = Plan(report: RecoveryReport(durable: cp))
    var next = segments[0].base
    var watermark = Int64.min
    for entry in segments[..<cpIndex] {
      let footer = try checkSealed(entry, expectedBase: next, plan: &plan)
      next = footer.nextOffset
      watermark = footer.watermark
    }
    try planCheckpointSegment(
      segments[cpIndex], cp: cp, later: Array(segments[(cpIndex + 1)...]), next: next,
      watermark: watermark,
      plan: &plan)
    return plan
  }

  private func planWithoutCheckpoint(_ segments: [SegmentEntry]) throws(LogError) -> Plan {
    let sizes = try segments.map { e throws(LogError) in
      try PosixFile.open(e.path, writable: false).size()
    }
    guard segments.count == 1, sizes[0] <= Int64(SegmentHeader.size) else {
      throw LogError.missingCheckpoint(
        directory: directory,
        reason: Directory.exists(directory + "/" + CheckpointFile.fileName)
          ? "no checkpoint slot has a valid checksum" : "the checkpoint file is missing")
    }
    let entry = segments[0]
    var plan = Plan(
      report: RecoveryReport(
        durable: DurablePosition(
          segmentBase: entry.base, position: Int64(SegmentHeader.size), nextOffset: entry.base,
          watermark: .min)))
    plan.remove = [entry]
    plan.report.created = true
    plan.writeCheckpoint = true
    return plan
  }

  /// A segment before the checkpoint's: it must be sealed, continuous and
  /// (when asked) wholly valid. Its index is brought up to date.
  private func checkSealed(_ entry: SegmentEntry, expectedBase: UInt64, plan: inout Plan)
    throws(LogError)
    -> SegmentFooter
  {
    let file = try PosixFile.open(entry.path, writable: false)
    let size = try file.size()
    if let reason = try SegmentScanner.checkHeader(file, entry: entry) {
      throw corrupt(entry, 0, reason)
    }
    guard entry.base == expectedBase else {
      throw corrupt(
        entry, 0, "segment starts at offset \(entry.base), the previous one ends at \(expectedBase)"
      )
    }
    guard let footer = try SegmentScanner.footer(file, size: size) else {
      throw corrupt(
        entry, size, "segment before the durable checkpoint is not sealed (no valid footer)")
    }
    if options.verifySealedSegmentsOnOpen {
      let scan = try SegmentScanner.scan(
        entry, watermarkBefore: .min, indexInterval: options.indexIntervalBytes)
      if let stop = scan.stop { throw corrupt(entry, stop.position, stop.reason) }
    }
    try refreshIndex(
      entry, reader: SegmentReader(file: file, name: entry.name, base: entry.base),
      limit: footer.dataLength, plan: &plan)
    return footer
  }

  private func refreshIndex(
    _ entry: SegmentEntry, reader: SegmentReader, limit: Int64, plan: inout Plan
  )
    throws(LogError)
  {
    let loaded = try IndexFiles.load(
      directory: LogDirectory.segmentsPath(directory), base: entry.base)
    var index = loaded ?? SegmentIndex(base: entry.base, interval: options.indexIntervalBytes)
    if let stop = try SegmentScanner.catchUp(&index, reader: reader, limit: limit) {
      throw corrupt(entry, stop.position, "indexing a sealed segment: \(stop.reason)")
    }
    if index != loaded {
      plan.indexes.append(index)
      plan.report.rebuiltIndexes.append(entry.name)
    }
  }

  private func planCheckpointSegment(
    _ entry: SegmentEntry, cp: DurablePosition, later: [SegmentEntry], next: UInt64,
    watermark: Int64,
    plan: inout Plan
  ) throws(LogError) {
    guard entry.base == next else {
      throw corrupt(
        entry, 0, "segment starts at offset \(entry.base), the previous one ends at \(next)")
    }
    let scan = try SegmentScanner.scan(
      entry, watermarkBefore: watermark, indexInterval: options.indexIntervalBytes)
    guard scan.fileSize >= cp.position else {
      throw corrupt(
        entry, scan.fileSize,
        "file is \(scan.fileSize) bytes but the checkpoint says \(cp.position) are durable (cut short)"
      )
    }
    if let stop = scan.stop, stop.position < cp.position || scan.footer != nil {
      throw corrupt(entry, stop.position, stop.reason)
    }
    let atCheckpoint = scan.boundaries.first { $0.end == cp.position }
    let isStart = cp.position == Int64(SegmentHeader.size) && cp.nextOffset == entry.base
    guard isStart || atCheckpoint?.nextOffset == cp.nextOffset else {
      throw corrupt(
        entry, cp.position,
        "the checkpoint (next offset \(cp.nextOffset)) is not at a batch boundary")
    }
    plan.report.batchesKeptAfterCheckpoint += scan.boundaries.filter { $0.end > cp.position }.count
    try planTail(from: scan, later: later, plan: &plan)
  }

  /// The region after the checkpoint: keep every valid batch, cut at the
  /// first invalid one and drop whatever follows it.
  private func planTail(from first: SegmentScan, later: [SegmentEntry], plan: inout Plan)
    throws(LogError)
  {
    var current = first
    var rest = later[...]
    while true {
      if let stop = current.stop {
        plan.truncate = (current.entry, stop.position)
        plan.report.truncation = .init(
          segment: current.entry.name, position: stop.position,
          bytesRemoved: current.fileSize - stop.position, reason: stop.reason)
        return finish(current, removing: rest, plan: &plan)
      }
      if current.footer == nil && !rest.isEmpty {
        // Followed by another segment but not sealed: its roll was cut short.
        return finish(current, removing: rest, plan: &plan)
      }
      guard let nextEntry = rest.popFirst() else {
        return finish(current, removing: [], plan: &plan)
      }
      try noteIndex(current, plan: &plan)
      plan.writeCheckpoint = true
      let scan = try SegmentScanner.scan(
        nextEntry, watermarkBefore: current.watermark, indexInterval: options.indexIntervalBytes)
      if scan.stop?.position == 0 || nextEntry.base != current.nextOffset {
        return finish(current, removing: [nextEntry] + rest, plan: &plan)
      }
      plan.report.batchesKeptAfterCheckpoint += scan.boundaries.count
      current = scan
    }
  }

  private func finish(_ active: SegmentScan, removing: ArraySlice<SegmentEntry>, plan: inout Plan) {
    for e in removing {
      plan.remove.append(e)
      plan.report.removedSegments.append(e.name)
    }
    if !removing.isEmpty || active.stop != nil { plan.writeCheckpoint = true }
    finishActive(active, plan: &plan)
  }

  private func noteIndex(_ scan: SegmentScan, plan: inout Plan) throws(LogError) {
    let loaded = try IndexFiles.load(
      directory: LogDirectory.segmentsPath(directory), base: scan.entry.base)
    if scan.index != loaded {
      plan.indexes.append(scan.index)
      plan.report.rebuiltIndexes.append(scan.entry.name)
    }
  }

  private func finishActive(_ scan: SegmentScan, plan: inout Plan) {
    let kept =
      scan.stop.map { stop in scan.boundaries.filter { $0.end <= stop.position } }
      ?? scan.boundaries
    var index = scan.index
    if let stop = scan.stop { index.truncate(atPosition: stop.position) }
    let end = kept.last?.end ?? Int64(SegmentHeader.size)
    plan.active = ActiveSegmentState(
      entry: scan.entry, position: end, batchCount: UInt32(kept.count), crc: scan.crc, index: index,
      nextOffset: kept.last?.nextOffset ?? scan.entry.base,
      watermark: kept.last?.watermark ?? scan.watermark,
      sealed: scan.footer != nil && scan.stop == nil)
    let loaded = try? IndexFiles.load(
      directory: LogDirectory.segmentsPath(directory), base: scan.entry.base)
    if index != loaded {
      plan.indexes.append(index)
      plan.report.rebuiltIndexes.append(scan.entry.name)
    }
  }
}
