import Engines
import EventLog
import Foundation
import Replayer

/// `ledger-bench engines`: throughput of streaming TA beside TA-Lib, of the
/// whole per-series engine (`v1`, and the `v1-ref` window form on fewer
/// bars) with where its time goes, and of `ledgerd process` end to end. Not
/// a test: it prints figures, it asserts nothing. Single-threaded; pin it to
/// one core with `taskset -c 0` (scripts/bench-engines.sh does).
enum EngineBench {
  /// The command line of the section.
  struct Settings {
    var bars = 5_000_000
    var engineBars = 5_000_000
    var refBars = 100_000
    var processBars = 300_000
    var repeats = 3
    var sections: Set<String> = ["ta", "engine", "ref", "process"]
    var writeBars: String?
    var talib: String?
    var work = "bench-out"
    var data = "data"
  }

  static let usage = """
    USAGE: ledger-bench engines [--bars N] [--engine-bars N] [--ref-bars N] [--process-bars N]
                                [--repeat N] [--only ta,engine,ref,process] [--talib FILE.json]
                                [--write-bars FILE] [--work DIR] [--data DIR]
      --bars N          bars of the TA comparison (default 5 M)
      --engine-bars N   bars of the whole-engine v1 run and its breakdown (default 5 M)
      --ref-bars N      bars of the v1-ref window-form run (default 100 k)
      --process-bars N  candles imported into the process log (default 300 k)
      --repeat N        TA runs per variant, best kept (default 3)
      --write-bars FILE write the --bars series for scripts/bench-talib.py and exit
      --talib FILE      TA-Lib figures (JSON from scripts/bench-talib.py) to print beside ours
    """

  static func parse(_ args: [String]) throws -> Settings {
    var s = Settings()
    var it = Arguments(args)
    func value(_ flag: String) throws -> String { try it.value(of: flag) }
    func count(_ flag: String) throws -> Int {
      guard let n = Int(try value(flag)), n > 0 else {
        throw BenchError("\(flag) needs a positive count")
      }
      return n
    }
    while let a = it.next() {
      switch a {
      case "--bars": s.bars = try count(a)
      case "--engine-bars": s.engineBars = try count(a)
      case "--ref-bars": s.refBars = try count(a)
      case "--process-bars": s.processBars = try count(a)
      case "--repeat": s.repeats = try count(a)
      case "--only":
        s.sections = Set(try value(a).split(separator: ",").map(String.init))
        let unknown = s.sections.subtracting(["ta", "engine", "ref", "process"])
        guard unknown.isEmpty else {
          throw BenchError("--only: unknown section \(unknown.sorted())")
        }
      case "--write-bars": s.writeBars = try value(a)
      case "--talib": s.talib = try value(a)
      case "--work": s.work = try value(a)
      case "--data": s.data = try value(a)
      case "--help", "-h":
        print(usage)
        exit(0)
      default: throw BenchError("unknown argument \(a) (see ledger-bench engines --help)")
      }
    }
    return s
  }

  static func run(_ s: Settings) throws {
    try FileManager.default.createDirectory(atPath: s.work, withIntermediateDirectories: true)
    let most = max(
      s.bars, s.sections.contains("engine") ? s.engineBars : 0,
      s.sections.contains("ref") ? s.refBars : 0, s.sections.contains("process") ? s.processBars : 0
    )
    let data = try EngineBars.load(dataDirectory: s.data, count: s.writeBars == nil ? most : s.bars)
    if let path = s.writeBars {
      try EngineBars(prefixOf: data, count: s.bars).write(to: path)
      print("wrote \(s.bars) bars to \(path)")
      return
    }
    print(
      "ledger-bench engines: real hourly BTC file (\(data.fileBars) bars) repeated end to end, prices rescaled per copy so the series is continuous (\(data.copies) copies for \(data.bars.count) bars)"
    )
    print(
      "machine: \(ProcessInfo.processInfo.activeProcessorCount) cores visible, \(affinityNote()); every run single-threaded\n"
    )
    var goals: [String] = []
    if s.sections.contains("ta") { goals += try taSection(data, s) }
    if s.sections.contains("engine") { goals += try engineSection(data, s) }
    if s.sections.contains("ref") { refSection(data, s) }
    if s.sections.contains("process") { try processSection(data, s) }
    if !goals.isEmpty {
      print("\ngoals on this machine")
      for g in goals { print("  " + g) }
    }
  }

  // MARK: (a) streaming TA beside TA-Lib

  static func taSection(_ data: EngineBars, _ s: Settings) throws -> [String] {
    let d = EngineBars(prefixOf: data, count: s.bars)
    let n = d.bars.count
    print(
      "(a) TA over \(n) bars, best of \(s.repeats) (bars/s = bars / CPU seconds of one pass over the whole series)"
    )
    let bad = LeanTA.mismatches(d.bars, count: 300_000, constants: .v1)
    let checked = min(300_000, n)
    let full = best(s.repeats) { fold(StreamingTA(constants: .v1), d.bars) }
    let wrapped = best(s.repeats) { fold(SeriesTA(constants: .v1), d.bars) }
    let lean = best(s.repeats) {
      let c = LeanTA.run(high: d.high, low: d.low, close: d.close, constants: .v1)
      return c[0, n - 1] + c[6, n - 1] + c[7, n - 1] + c[8, n - 1] + c[9, n - 1]
    }
    let talib = try s.talib.map { try TALibFigures.load($0) }
    var rows: [[String]] = []
    func row(_ name: String, _ bars: Int, _ seconds: Double, _ wall: Double) {
      let rate = Double(bars) / seconds
      let ratio = talib.map { Table.f(rate / (Double($0.bars) / $0.bestSeconds), 2) + "×" } ?? "n/a"
      rows.append([
        name, String(bars), Table.f(seconds, 3), Table.f(wall, 3), Table.rate(rate), ratio,
      ])
    }
    if let t = talib {
      row(
        "TA-Lib \(t.version), vectorised: EMA×7 + ATR + ADX + RSI", t.bars, t.bestSeconds,
        t.bestWall)
    }
    row("ours, lean streaming: EMA×7 + ATR + ADX + RSI (same formulas)", n, lean.seconds, lean.wall)
    row("ours, StreamingTA.update (full TA-30 snapshot)", n, full.seconds, full.wall)
    row("ours, SeriesTA.update (the enum SeriesEngine calls)", n, wrapped.seconds, wrapped.wall)
    Table.print(["implementation", "bars", "cpu s", "wall s", "bars/s (cpu)", "vs TA-Lib"], rows)
    if let t = talib, !t.perIndicator.isEmpty {
      print(
        "  TA-Lib per call (best, seconds): "
          + t.perIndicator.map { "\($0.name) \(Table.f($0.seconds, 4))" }.joined(separator: ", "))
      if t.bars != n { print("  (TA-Lib ran on \(t.bars) bars, ours on \(n))") }
    }
    print(
      "  lean == StreamingTA bit for bit on the first \(checked) bars: "
        + (bad.isEmpty
          ? "yes (all 10 columns)"
          : "NO \(bad.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" })")
    )
    print(
      "  StreamingTA.update also computes per bar: 5 normalised slopes + 4 slope deltas (10-point OLS each), 2 separation deltas, ATR mean-20 (exact sum) and peak-10, ADX and RSI 10-point OLS slopes, the volume z-score (winsorised over a 1000-value sorted window, O(log W) search + O(W) array shift) and its 30-value cluster test, and fills a 30-field snapshot"
    )
    print("  checksums \(full.value) \(wrapped.value) \(lean.value)")
    var goals: [String] = []
    if let t = talib {
      let ref = Double(t.bars) / t.bestSeconds
      for (name, seconds) in [("lean", lean.seconds), ("full StreamingTA", full.seconds)] {
        let r = Double(n) / seconds / ref
        goals.append(
          "streaming TA ≥ 1.0× TA-Lib (\(name)): \(Table.f(r, 2))× \(r >= 1 ? "met" : "NOT met")")
      }
    }
    return goals
  }

  // MARK: (b) the whole engine and its breakdown

  static func engineSection(_ data: EngineBars, _ s: Settings) throws -> [String] {
    let d = EngineBars(prefixOf: data, count: s.engineBars)
    let n = d.bars.count
    let ms = d.barMilliseconds
    let v1 = try FormulaSet.builtIn("v1")
    let noSR = try FormulaSetFile.parse(
      #"{"name":"bench-no-sr","base":"v1","sr":{"refreshPolicy":"injected"}}"#, source: "bench")
    print(
      "\n(b) whole engine (SeriesEngine.step: TA + S/R + Uptrend Engine V4) over \(n) bars, one pass each"
    )
    let (whole, stats) = runEngine(v1, d, keepS3: true)
    let (withoutSR, statsNoSR) = runEngine(noSR, d, keepS3: false)
    let s3Bars = stats.s3Bars
    let ta = timed { fold(SeriesTA(constants: v1.constants.ta), d.bars) }
    var refreshes = 0
    let sr = timed {
      let k = v1.constants.sr
      var provider = SRIncrementalProvider(constants: k)
      var schedule = SRRefreshSchedule(constants: k)
      var sum = 0.0
      for b in d.bars {
        provider.append(b.close)
        if schedule.shouldRefresh(closeTime: b.openTime + ms, timeframeMs: ms) {
          refreshes += 1
          if let r = provider.refresh() { sum += r.levels.first?.price ?? 0 }
        }
      }
      return sum
    }
    let srBatch = timed {
      let k = v1.constants.sr
      var closes = RingBuffer(capacity: k.window)
      var sum = 0.0
      for b in d.bars {
        closes.append(b.close)
        if let r = SRProvider.refresh(closes: Array(closes), constants: k) {
          sum += r.levels.first?.price ?? 0
        }
      }
      return sum
    }
    let edx = timed {
      var sum = 0.0
      let k = v1.constants.edx
      for (t, start) in s3Bars {
        sum +=
          EDX.compute(bars: d.bars[Int(start)...Int(t)], barsSinceS3: Int(t - start), constants: k)
          .value
      }
      return sum
    }
    func rateRow(_ name: String, _ t: Timing) -> [String] {
      [
        name, String(n), Table.f(t.seconds, 2), Table.f(t.wall, 2),
        Table.rate(Double(n) / t.seconds),
        Table.f(t.seconds / Double(n) * 1e6, 3), Table.f(t.seconds / whole.seconds * 100, 1) + " %",
      ]
    }
    let rest = whole.seconds - ta.seconds - sr.seconds
    Table.print(
      ["run", "bars", "cpu s", "wall s", "bars/s (cpu)", "µs/bar", "of v1"],
      [
        rateRow("v1 SeriesEngine.step (whole engine)", whole),
        rateRow("v1 with S/R injected (no S/R refresh)", withoutSR),
        rateRow("  TA alone (SeriesTA.update, streaming)", ta),
        rateRow("  S/R alone (SRIncrementalProvider, hourly cadence)", sr),
        rateRow("  for scale: S/R batch form (SRProvider.refresh each bar)", srBatch),
        rateRow("  for scale: EDX batch form (EDX.compute on the S3 bars)", edx),
        [
          "  the rest (state machine, gates, scores, incremental EDX)", "", Table.f(rest, 2), "",
          "", Table.f(rest / Double(n) * 1e6, 3), Table.f(rest / whole.seconds * 100, 1) + " %",
        ],
      ])
    print(
      "  S/R: \(refreshes) refreshes (1 h bars: every bar), \(stats.refreshes) produced levels, from swings kept incrementally over the last \(v1.constants.sr.window) closes"
    )
    print(
      "  states: \(stats.describe()); injected-S/R run: \(statsNoSR.describe())"
    )
    let lengths = s3Bars.map { Int($0.t - $0.start) }
    if let longest = lengths.max() {
      print(
        "  EDX: \(s3Bars.count) S3 bars, \(stats.s3Episodes) S3 episodes, bars since S3 start mean \(Table.f(Double(lengths.reduce(0, +)) / Double(lengths.count), 0)), max \(longest) (the engine carries EDX incrementally per episode; the batch form is O(bars since S3 start))"
      )
    }
    print(
      "  checksums \(whole.value) \(withoutSR.value) \(ta.value) \(sr.value) \(srBatch.value) \(edx.value)"
    )
    let rate = Double(n) / whole.seconds
    return [
      "whole engine v1 ≥ 200 k bars/s: \(Table.rate(rate)) \(rate >= 200_000 ? "met" : "NOT met")"
    ]
  }

  /// The `v1-ref` window form (O(1000) per bar) on fewer bars.
  static func refSection(_ data: EngineBars, _ s: Settings) {
    let d = EngineBars(prefixOf: data, count: s.refBars)
    let n = d.bars.count
    print(
      "\n(b′) v1-ref window form over the first \(n) bars (TA recomputed over 1000 bars each bar), one pass each"
    )
    let ref = try! FormulaSet.builtIn("v1-ref")
    let v1 = try! FormulaSet.builtIn("v1")
    let whole = runEngine(ref, d, keepS3: false).timing
    let same = runEngine(v1, d, keepS3: false).timing
    let window = timed { fold(WindowTA(constants: .v1Reference), d.bars) }
    Table.print(
      ["run", "bars", "cpu s", "wall s", "bars/s (cpu)", "µs/bar"],
      [
        ("v1-ref SeriesEngine.step (whole engine)", whole),
        ("  WindowTA.update alone", window),
        ("v1 SeriesEngine.step on the same bars", same),
      ].map {
        [
          $0.0, String(n), Table.f($0.1.seconds, 2), Table.f($0.1.wall, 2),
          Table.rate(Double(n) / $0.1.seconds), Table.f($0.1.seconds / Double(n) * 1e6, 2),
        ]
      })
    print(
      "  v1 / v1-ref speed: \(Table.f(whole.seconds / same.seconds, 1))×; checksums \(whole.value) \(window.value) \(same.value)"
    )
  }

  // MARK: (c) ledgerd process end to end

  static func processSection(_ data: EngineBars, _ s: Settings) throws {
    let d = EngineBars(prefixOf: data, count: s.processBars)
    let dir = s.work + "/engines-process-log"
    try? FileManager.default.removeItem(atPath: dir)
    print(
      "\n(c) ledgerd process end to end (EngineProcessor.run, formula v1, default LogOptions as ledgerd uses)"
    )
    let stream = "BTC@coinbase/1h"
    let importing = try timedThrowing {
      var options = LogOptions()
      options.durability = .none
      let writer = try LogWriter(directory: dir, options: options)
      var start = 0
      while start < d.bars.count {
        let end = min(start + 1000, d.bars.count)
        let batch = d.bars[start..<end].map { b in
          Event(
            eventTime: b.openTime + d.barMilliseconds, type: .candle, stream: stream,
            payload: CandlePayload(
              open: b.open, high: b.high, low: b.low, close: b.close, volume: b.volume,
              quoteVolume: b.quoteVolume, venue: "coinbase"
            ).encoded())
        }
        _ = try writer.append(batch)
        start = end
      }
      try writer.close()
      return Double(d.bars.count)
    }
    var result: ProcessReport?
    let process = try timedThrowing {
      let r = try EngineProcessor.run(log: dir, formula: "v1")
      result = r
      return Double(r.candlesProcessed)
    }
    guard let report = result else { throw BenchError("process returned no report") }
    let appended = Int(report.appendedRange.upperBound - report.appendedRange.lowerBound)
    Table.print(
      [
        "step", "cpu s", "wall s", "candles", "candles/s (cpu)", "events appended",
        "events/s (cpu)",
      ],
      [
        [
          "import (LogWriter, policy none, 1000/batch)", Table.f(importing.seconds, 2),
          Table.f(importing.wall, 2), String(d.bars.count),
          Table.rate(Double(d.bars.count) / importing.seconds), "", "",
        ],
        [
          "process (EngineProcessor.run)", Table.f(process.seconds, 2), Table.f(process.wall, 2),
          String(report.candlesProcessed),
          Table.rate(Double(report.candlesProcessed) / process.seconds), String(appended),
          Table.rate(Double(appended) / process.seconds),
        ],
      ])
    print("  appended: " + report.appended.map { "\($0.type) \($0.count)" }.joined(separator: ", "))
    let stats = try LogStats.compute(directory: dir)
    print(
      "  log after: \(stats.events) events, \(Table.f(Double(stats.segmentBytes) / 1e6, 1)) MB of segments"
    )
  }

  // MARK: helpers

  /// One pass of `SeriesEngine.step` under `set` over `d`, with its counts.
  static func runEngine(_ set: FormulaSet, _ d: EngineBars, keepS3: Bool) -> (
    timing: Timing, stats: EngineStats
  ) {
    var stats = EngineStats(keepS3: keepS3)
    let r = timed {
      var e = SeriesEngine(formula: set, barMilliseconds: d.barMilliseconds, isDriver: false)
      var sum = 0.0
      for b in d.bars {
        let st = e.step(b)
        sum += st.ta.ema20
        stats.record(st)
      }
      return sum
    }
    return (r, stats)
  }

  /// Runs `ta` over `bars` and folds a checksum of what the comparison reads.
  static func fold<T: BarTA>(_ ta: T, _ bars: [Bar]) -> Double {
    var ta = ta
    var sum = 0.0
    for b in bars {
      let x = ta.update(b)
      sum += x.ema20 + x.ema333 + x.atr + x.adx + x.rsi
    }
    return sum
  }

  /// Runs `body` `n` times and keeps the fastest (by CPU time).
  static func best(_ n: Int, _ body: () -> Double) -> Timing {
    var fastest = Timing(seconds: .infinity, wall: .infinity, value: 0)
    for _ in 0..<n {
      let r = timed(body)
      if r.seconds < fastest.seconds { fastest = r }
    }
    return fastest
  }

  /// CPU and wall time of one call; its value keeps the work observable.
  static func timed(_ body: () -> Double) -> Timing {
    // The closure cannot throw, so neither can the call.
    (try? timedThrowing(body)) ?? Timing(seconds: .nan, wall: .nan, value: .nan)
  }

  /// `timed` for a throwing body.
  static func timedThrowing(_ body: () throws -> Double) throws -> Timing {
    let clock = ContinuousClock()
    let cpu = processCPUSeconds()
    let start = clock.now
    let v = try body()
    let wall = (clock.now - start).secondsValue
    return Timing(seconds: processCPUSeconds() - cpu, wall: wall, value: v)
  }

  /// CPU time of the whole process (every thread), seconds.
  static func processCPUSeconds() -> Double {
    var t = timespec()
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t)
    return Double(t.tv_sec) + Double(t.tv_nsec) / 1e9
  }

  /// The CPUs this process may run on (Linux `Cpus_allowed_list`).
  static func affinityNote() -> String {
    guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8),
      let line = status.split(separator: "\n").first(where: { $0.hasPrefix("Cpus_allowed_list:") })
    else { return "affinity unknown" }
    return "allowed CPUs \(line.split(separator: ":").last!.trimmingCharacters(in: .whitespaces))"
  }
}

/// One timed run: CPU seconds of the process (what every rate is computed
/// from, so another job sharing the core does not count), wall seconds, and
/// the run's checksum.
struct Timing {
  var seconds: Double
  var wall: Double
  var value: Double
}

/// A TA form stepped bar by bar (generic so each loop is specialised).
protocol BarTA {
  mutating func update(_ bar: Bar) -> TASnapshot
}

extension StreamingTA: BarTA {}
extension SeriesTA: BarTA {}
extension WindowTA: BarTA {}

/// Counts of what a whole-engine run produced.
struct EngineStats {
  var refreshes = 0
  var evaluated = 0
  var perState: [UptrendState: Int] = [:]
  var transitions = 0
  var s3Episodes = 0
  /// Whether to keep `s3Bars`.
  let keepS3: Bool
  /// (bar index, S3 start bar index) of every S3 bar, when kept: the EDX calls to replay.
  var s3Bars: [(t: Int32, start: Int32)] = []

  init(keepS3: Bool) { self.keepS3 = keepS3 }

  mutating func record(_ st: SeriesStep) {
    if st.srRefresh != nil { refreshes += 1 }
    guard let u = st.uptrend else { return }
    if keepS3, u.state == .s3, let start = u.s3StartBarIndex {
      s3Bars.append((Int32(u.barIndex), Int32(start)))
    }
    evaluated += 1
    perState[u.state, default: 0] += 1
    if u.transition != nil { transitions += 1 }
    if u.state == .s3 && u.barsSinceS3 == 0 { s3Episodes += 1 }
  }

  func describe() -> String {
    let states = perState.sorted { "\($0.key)" < "\($1.key)" }.map { "\($0.key) \($0.value)" }
    return "\(evaluated) evaluated (\(states.joined(separator: ", "))), \(transitions) transitions"
  }
}

/// TA-Lib's figures as `scripts/bench-talib.py` writes them.
struct TALibFigures {
  var version: String
  var bars: Int
  var bestSeconds: Double
  var bestWall: Double
  var perIndicator: [(name: String, seconds: Double)]

  static func load(_ path: String) throws -> TALibFigures {
    guard let data = FileManager.default.contents(atPath: path),
      let o = try JSONSerialization.jsonObject(with: data) as? [String: Any],
      let bars = o["bars"] as? Int, let best = o["best_seconds"] as? Double
    else { throw BenchError("\(path): not the JSON of scripts/bench-talib.py") }
    let per = (o["per_indicator_best_seconds"] as? [[Any]] ?? []).compactMap {
      pair -> (String, Double)? in
      guard pair.count == 2, let name = pair[0] as? String, let s = pair[1] as? Double else {
        return nil
      }
      return (name, s)
    }
    return TALibFigures(
      version: o["version"] as? String ?? "?", bars: bars, bestSeconds: best,
      bestWall: o["best_wall_seconds"] as? Double ?? .nan, perIndicator: per)
  }
}

extension EngineBars {
  /// The first `count` bars of `other`.
  init(prefixOf other: EngineBars, count: Int) {
    let m = min(count, other.bars.count)
    if m == other.bars.count {
      self = other
      return
    }
    self.init(
      bars: Array(other.bars.prefix(m)), fileBars: other.fileBars,
      copies: (m + other.fileBars - 1) / other.fileBars, barMilliseconds: other.barMilliseconds,
      high: Array(other.high.prefix(m)), low: Array(other.low.prefix(m)),
      close: Array(other.close.prefix(m)))
  }
}
