/// One thing `verify` found wrong (or, as a warning, worth knowing).
public struct VerifyProblem: Sendable, Equatable, CustomStringConvertible {
  /// Errors fail verification; warnings (a torn tail after the checkpoint,
  /// which the next writer open truncates) do not.
  public enum Severity: String, Sendable { case error, warning }
  /// How serious it is.
  public var severity: Severity
  /// Segment file name (or `checkpoint`).
  public var segment: String
  /// Byte position in that file.
  public var position: Int64
  /// The event's offset, when the problem concerns one event.
  public var offset: UInt64?
  /// What is wrong.
  public var reason: String

  public var description: String {
    let at = offset.map { " offset \($0):" } ?? ""
    return "\(severity.rawValue): \(segment) byte \(position):\(at) \(reason)"
  }
}

/// What `verify` checked and found.
public struct VerifyReport: Sendable {
  /// Segment files checked.
  public var segments = 0
  /// Batches whose CRC32C matched.
  public var batches = 0
  /// Events decoded and checked.
  public var events = 0
  /// Segment bytes read.
  public var bytes: Int64 = 0
  /// Everything wrong, in log order.
  public var problems: [VerifyProblem] = []
  /// True when no problem is an error.
  public var ok: Bool { !problems.contains { $0.severity == .error } }
}

/// Checks a whole log without changing it (D-11): every batch CRC32C and
/// sealed footer, dense offsets across batches and segments, the checkpoint,
/// and for every event its envelope rules, payload decoding under (type,
/// schema version) and causes that point to earlier offsets of the types
/// its type allows (EVENTS §2, D-11).
public enum LogVerifier {
  /// Verifies the log in `directory` against the types of `registry`.
  /// `progress(done, total)` reports segment bytes checked (for a progress bar).
  public static func verify(
    directory: String, registry: EventTypeRegistry = .standard,
    progress: ((Int64, Int64) -> Void)? = nil
  ) throws(LogError) -> VerifyReport {
    guard Directory.exists(LogDirectory.segmentsPath(directory)) else {
      throw LogError.notALog(path: directory, reason: "no segments/ directory")
    }
    let segments = try LogDirectory.segments(directory)
    var report = VerifyReport()
    let checkpoint = try CheckpointFile.read(directory: directory)
    if checkpoint == nil && !segments.isEmpty {
      report.problems.append(
        .init(
          severity: .error, segment: CheckpointFile.fileName, position: 0,
          reason: "no valid checkpoint"))
    }
    var totalBytes: Int64 = 0
    for e in segments { totalBytes += try PosixFile.open(e.path, writable: false).size() }
    var doneBytes: Int64 = 0
    var expected = segments.first?.base ?? 0
    var watermark = Int64.min
    let causeTypes = CauseTypeIndex(directory: directory)
    for (i, entry) in segments.enumerated() {
      let isLast = i == segments.count - 1
      if entry.base != expected {
        report.problems.append(
          .init(
            severity: .error, segment: entry.name, position: 0,
            reason: "segment starts at offset \(entry.base), the previous one ends at \(expected)"))
      }
      var eventProblems: [VerifyProblem] = []
      let scan = try SegmentScanner.scan(
        entry, watermarkBefore: watermark, indexInterval: LogOptions().indexIntervalBytes
      ) {
        (b: LogBatch) throws(LogError) in
        eventProblems += try check(batch: b, registry: registry, causeTypes: causeTypes)
        report.events += Int(b.header.count)
        progress?(doneBytes + b.position + Int64(b.header.totalLength), totalBytes)
      }
      report.segments += 1
      report.batches += Int(scan.batchCount)
      report.bytes += scan.fileSize
      doneBytes += scan.fileSize
      report.problems += eventProblems
      if let stop = scan.stop {
        report.problems.append(
          classify(stop, entry: entry, sealed: scan.footer != nil, checkpoint: checkpoint))
      } else if scan.footer == nil && !isLast {
        report.problems.append(
          .init(
            severity: .error, segment: entry.name, position: scan.fileSize,
            reason: "segment is followed by another but not sealed"))
      } else if scan.footer == nil && scan.dataEnd != scan.fileSize {
        report.problems.append(
          .init(
            severity: .error, segment: entry.name, position: scan.dataEnd, reason: "trailing bytes")
        )
      }
      if let cp = checkpoint, cp.segmentBase == entry.base, scan.dataEnd < cp.position,
        scan.stop == nil
      {
        report.problems.append(
          .init(
            severity: .error, segment: entry.name, position: scan.dataEnd,
            reason:
              "segment ends at byte \(scan.dataEnd) but the checkpoint says \(cp.position) are durable"
          ))
      }
      expected = scan.nextOffset
      watermark = scan.watermark
      if scan.stop != nil, let next = segments.dropFirst(i + 1).first { expected = next.base }
    }
    if let cp = checkpoint, !segments.contains(where: { $0.base == cp.segmentBase }) {
      report.problems.append(
        .init(
          severity: .error, segment: CheckpointFile.fileName, position: 0,
          reason: "checkpoint names missing segment \(SegmentLayout.fileName(base: cp.segmentBase))"
        ))
    }
    return report
  }

  private static func classify(
    _ stop: (position: Int64, reason: String), entry: SegmentEntry, sealed: Bool,
    checkpoint: DurablePosition?
  ) -> VerifyProblem {
    let afterCheckpoint =
      !sealed
      && checkpoint.map {
        $0.segmentBase < entry.base
          || ($0.segmentBase == entry.base && stop.position >= $0.position)
      }
        ?? false
    if afterCheckpoint {
      return .init(
        severity: .warning, segment: entry.name, position: stop.position,
        reason:
          "torn tail after the durable checkpoint (\(stop.reason)); the next writer open truncates it"
      )
    }
    return .init(
      severity: .error, segment: entry.name, position: stop.position, reason: stop.reason)
  }

  private static func check(
    batch b: LogBatch, registry: EventTypeRegistry, causeTypes: CauseTypeIndex
  ) throws(LogError) -> [VerifyProblem] {
    let records: [LogRecord]
    do {
      records = try b.records()
    } catch {
      return [
        .init(severity: .error, segment: b.segment, position: b.position, reason: error.description)
      ]
    }
    var problems: [VerifyProblem] = []
    causeTypes.note(records.map(\.event), base: b.header.baseOffset)
    for r in records {
      let e = r.event
      guard let info = registry[e.type], e.schemaVersion <= info.schemaVersion else {
        problems.append(
          .init(
            severity: .error, segment: b.segment, position: b.position, offset: r.offset,
            reason: "type \(e.type.rawValue) version \(e.schemaVersion) is unknown to this build"))
        continue
      }
      if e.schemaVersion == info.schemaVersion,
        let p = EventValidator.problem(e, offset: r.offset, registry: registry)
      {
        problems.append(
          .init(
            severity: .error, segment: b.segment, position: b.position, offset: r.offset, reason: p)
        )
      } else if e.schemaVersion < info.schemaVersion,
        let p = EventValidator.causeProblem(e.causes, offset: r.offset)
      {
        problems.append(
          .init(
            severity: .error, segment: b.segment, position: b.position, offset: r.offset, reason: p)
        )
      }
      if !e.causes.isEmpty,
        let p = try EventValidator.causeTypeProblem(
          e.causes.filter { $0 < r.offset }, of: info, registry: registry,
          typeOf: { (c: UInt64) throws(LogError) -> EventType? in try causeTypes.type(of: c) })
      {
        problems.append(
          .init(
            severity: .error, segment: b.segment, position: b.position, offset: r.offset, reason: p)
        )
      }
      if e.eventTime < b.header.minTime || e.eventTime > b.header.maxTime {
        problems.append(
          .init(
            severity: .error, segment: b.segment, position: b.position, offset: r.offset,
            reason:
              "event time \(e.eventTime) outside the batch header's [\(b.header.minTime), \(b.header.maxTime)]"
          ))
      }
    }
    return problems
  }
}
