import Engines
import EventLog
import Foundation
import SwiftProtobuf

/// `ledgerd process`: runs TA, S/R and the Uptrend Engine over the candles of
/// a log not yet processed, on every series (D-18), and appends their derived
/// events in trigger order (EVENTS §4.4: TA → S/R → uptrend → state change),
/// stamped with the log's one formula set. Resumes from the state cache
/// beside the log, or recomputes each series from its first bar.
public final class EngineProcessor {
  /// Events buffered before one append.
  static let batchEvents = 8192

  private let log: String
  private let writer: LogWriter
  private let set: FormulaSet
  private var series: [String: ProcessStateCache.SeriesState] = [:]
  private var processedBefore: [String: UInt64]
  private var pending: [Event] = []
  /// The offset the first pending event will get (the writer's end when the
  /// buffer was last flushed; this process is the log's one writer).
  private var pendingBase: UInt64 = 0
  private var report: ProcessReport

  private init(log: String, writer: LogWriter, set: FormulaSet, processed: [String: UInt64]) {
    self.log = log
    self.writer = writer
    self.set = set
    processedBefore = processed
    report = ProcessReport(formulaName: set.name, formulaStamp: set.stamp)
  }

  /// Processes the log at `log` under `formula` (a built-in name or a file;
  /// nil = the log's own set, else `v1`). `progress` gets (offset read, end).
  public static func run(
    log: String, formula: String?, options: LogOptions = LogOptions(),
    progress: ((UInt64, UInt64) -> Void)? = nil
  ) throws -> ProcessReport {
    let writer = try LogWriter(directory: log, options: options)
    defer { try? writer.close() }
    let end = writer.endOffset
    let reader = try LogReader(directory: log)
    let cache = ProcessStateCache.load(log: log).flatMap { $0.nextOffset <= end ? $0 : nil }
    let survey = try LogSurvey.read(reader, from: cache?.nextOffset ?? 0, end: end)
    let set = try chooseSet(requested: formula, survey: survey, cache: cache)
    var processed = survey.processed
    if let cache, cache.formulaStamp == set.stamp {
      for s in cache.series {
        processed[s.stream] = max(processed[s.stream] ?? 0, s.lastCandleOffset)
      }
    }
    let p = EngineProcessor(log: log, writer: writer, set: set, processed: processed)
    let start = p.restore(cache)
    let first = writer.endOffset
    if survey.defined[set.stamp] == nil && !(cache?.formulaStamp == set.stamp) {
      try p.defineFormula()
    }
    p.pendingBase = writer.endOffset
    try p.pass(reader, from: start, end: end, progress: progress)
    try p.flush()
    try writer.flush()
    p.report.appendedRange = first..<writer.endOffset
    p.report.seriesCount = p.series.count
    try p.saveCache(nextOffset: writer.endOffset)
    return p.report
  }

  /// The set to stamp with: the requested one, which must be the log's if the
  /// log already has derived events (D-18), else the log's, else `v1`.
  static func chooseSet(requested: String?, survey: LogSurvey, cache: ProcessStateCache?) throws
    -> FormulaSet
  {
    var stamps = survey.stamps
    if let cache { stamps.insert(cache.formulaStamp) }
    let logSet = try stamps.sorted().first.map { stamp throws -> FormulaSet in
      if let d = survey.defined[stamp] { return try FormulaSet(canonicalJSON: d.content) }
      if let cache, cache.formulaStamp == stamp {
        return try FormulaSet(canonicalJSON: cache.formulaContent)
      }
      throw ProcessError(
        "the log's derived events carry stamp \(EventJSON.hex(stamp)) with no FormulaSetDefined")
    }
    guard stamps.count <= 1 else {
      throw ProcessError(
        "the log holds derived events of several formula sets; it cannot be continued")
    }
    guard let requested else { return try logSet ?? FormulaSet.builtIn("v1") }
    let wanted = try FormulaSetFile.resolve(requested)
    if let logSet, logSet.stamp != wanted.stamp {
      throw ProcessError(
        "this log's derived events are under formula set \(logSet.name)@\(EventJSON.hex(logSet.stamp)); "
          + "processing with \(wanted.name)@\(EventJSON.hex(wanted.stamp)) is refused: a log holds the derived "
          + "events of one set (D-18). Recomputing under another set is a rebuild into a new log.")
    }
    return wanted
  }

  /// Restores the cached series; returns the offset to read from.
  private func restore(_ cache: ProcessStateCache?) -> UInt64 {
    guard let cache, cache.formulaStamp == set.stamp else { return 0 }
    for s in cache.series { series[s.stream] = s }
    report.resumedFromCache = true
    return cache.nextOffset
  }

  /// Appends the set's `FormulaSetDefined` (event time = the watermark, D-20).
  private func defineFormula() throws {
    var m = Ledger_V1_FormulaSetDefined()
    m.name = set.name
    m.sha256 = Data(set.sha256)
    m.content = Data(set.canonicalJSON.utf8)
    m.profiles = set.profiles.map {
      var p = Ledger_V1_FormulaProfile()
      p.engine = $0.engine
      p.profile = $0.profile
      return p
    }
    let w = writer.currentWatermark
    let e = Event(
      eventTime: w == Int64.min ? 0 : max(0, w), type: .formulaSetDefined,
      stream: "control/formula",
      payload: try m.serializedBytes())
    _ = try writer.append([e])
    report.definedFormula = true
    count("formula_set_defined")
  }

  /// Reads `[from, end)` in log order and feeds every series.
  private func pass(
    _ reader: LogReader, from: UInt64, end: UInt64, progress: ((UInt64, UInt64) -> Void)?
  ) throws {
    let cursor = try reader.cursor(from: from)
    var scratch: [UInt8] = []
    while let batch = try cursor.next() {
      if batch.header.baseOffset >= end { break }
      if batch.header.codec == .candle, let candles = try batch.candles(scratch: &scratch) {
        for i in 0..<candles.count {
          let offset = candles.baseOffset + UInt64(i)
          guard offset >= from && offset < end else { continue }
          try candle(
            candles.candle(at: i), stream: candles.stream(at: i), time: candles.eventTime[i],
            offset: offset)
        }
      } else {
        for r in try cursor.records(of: batch) where r.offset >= from && r.offset < end {
          try record(r)
        }
      }
      progress?(min(batch.header.nextOffset, end), end)
    }
  }

  private func record(_ r: LogRecord) throws {
    let e = r.event
    switch e.type {
    case .candle:
      try candle(
        try CandlePayload.decode(e.payload), stream: e.stream, time: e.eventTime, offset: r.offset)
    case .srLevels:
      series[e.stream]?.srInForce = r.offset
    case .srLevelsInjected:
      guard let id = SeriesIdentity.of(e.stream) else { return }
      var s = state(id)
      if set.constants.sr.refreshPolicy == .injected {
        let m = try Ledger_V1_SrLevelsInjected(serializedBytes: e.payload)
        s.engine.inject(levels: EnginePayloads.levels(m.levels))
        s.srInForce = r.offset
      }
      series[e.stream] = s
    default: break
    }
  }

  private func state(_ id: SeriesIdentity) -> ProcessStateCache.SeriesState {
    series[id.stream]
      ?? ProcessStateCache.SeriesState(
        stream: id.stream,
        engine: SeriesEngine(
          formula: set, barMilliseconds: id.barMilliseconds, isDriver: id.isDriver),
        lastCandleOffset: 0, srInForce: nil)
  }

  /// One candle: step its series; emit unless an earlier run did (TA-02:
  /// invalid bars are neither evaluated nor added).
  private func candle(_ c: CandlePayload, stream: String, time: Int64, offset: UInt64) throws {
    guard let id = SeriesIdentity.of(stream) else { return }
    guard c.close > 0, c.close.isFinite, c.high.isFinite, c.low.isFinite else { return }
    var s = state(id)
    let bar = Bar(
      openTime: time - id.barMilliseconds, open: c.open, high: c.high, low: c.low, close: c.close,
      volume: c.volume, quoteVolume: c.quoteVolume)
    let step = s.engine.step(bar)
    s.lastCandleOffset = offset
    if let done = processedBefore[stream], offset <= done {
      if step.srRefresh != nil { s.srInForce = nil }  // the logged SrLevels follows and sets it
      report.candlesRecomputed += 1
    } else {
      emit(step, series: &s, time: time, candleOffset: offset)
      report.candlesProcessed += 1
    }
    series[stream] = s
    if pending.count >= Self.batchEvents { try flush() }
  }

  /// Appends the bar's derived events with their causes (EVENTS §8.2).
  private func emit(
    _ step: SeriesStep, series s: inout ProcessStateCache.SeriesState, time: Int64,
    candleOffset: UInt64
  ) {
    let taOffset = add(
      .taUpdated, "ta_updated", s.stream, time, [candleOffset], EnginePayloads.taUpdated(step.ta))
    if let r = step.srRefresh {
      s.srInForce = add(
        .srLevels, "sr_levels", s.stream, time, [candleOffset],
        EnginePayloads.srLevels(r, barIndex: step.ta.barIndex))
    }
    guard let o = step.uptrend else { return }
    let causes = Array(Set([candleOffset, taOffset] + (s.srInForce.map { [$0] } ?? []))).sorted()
    let stateOffset = add(
      .uptrendState, "uptrend_state", s.stream, time, causes, EnginePayloads.uptrendState(o))
    if let t = o.transition {
      _ = add(
        .uptrendStateChanged, "uptrend_state_changed", s.stream, time, [stateOffset],
        EnginePayloads.uptrendStateChanged(o, t))
    }
  }

  /// Buffers one derived event; returns the offset it will get.
  private func add(
    _ type: EventType, _ wire: String, _ stream: String, _ time: Int64, _ causes: [UInt64],
    _ payload: some SwiftProtobuf.Message
  ) -> UInt64 {
    let offset = pendingBase + UInt64(pending.count)
    let bytes = (try? payload.serializedBytes()) ?? []
    pending.append(
      Event(
        eventTime: time, type: type, isDerived: true, stream: stream, formula: set.stamp,
        causes: causes, payload: bytes))
    count(wire)
    return offset
  }

  private func count(_ wire: String) {
    if let i = report.appended.firstIndex(where: { $0.type == wire }) {
      report.appended[i].count += 1
    } else {
      report.appended.append((wire, 1))
      report.appended.sort { $0.type < $1.type }
    }
  }

  private func flush() throws {
    guard !pending.isEmpty else { return }
    _ = try writer.append(pending)
    pending.removeAll(keepingCapacity: true)
    pendingBase = writer.endOffset
  }

  private func saveCache(nextOffset: UInt64) throws {
    let cache = ProcessStateCache(
      formulaName: set.name, formulaStamp: set.stamp, formulaContent: set.canonicalJSON,
      nextOffset: nextOffset,
      series: series.values.sorted { $0.stream < $1.stream })
    try cache.save(log: log)
  }
}
