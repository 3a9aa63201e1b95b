import ArgumentParser
import EventLog
import Foundation
import Replayer

/// `ledgerd process`: the engines over the candles not yet processed.
struct ProcessCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "process",
    abstract:
      "Run TA, S/R and the Uptrend Engine over the log's unprocessed candles and append their derived events.",
    discussion: """
      Every candle stream is a series (majors <SYM>/<tf>, <SYM>@<venue>/<tf>, tokens \
      token/<tid>/<tf>). For each new candle, in log order, it appends TaUpdated, SrLevels (when \
      the S/R provider refreshed), UptrendState once the series is warmed up (333 bars) and \
      UptrendStateChanged on a transition, all stamped with one formula set. The first run \
      chooses the set (--formula, default v1) and logs its FormulaSetDefined; later runs \
      continue with it, and another set is refused. --formula takes a built-in name (v1, \
      v1-ref) or a formula-set JSON file {"name": …, "base": "v1", <engine>: {<key>: value}}. \
      Engine state is cached in DIR/engine-state/ so a later run resumes where this one ended; \
      without the cache each series is recomputed from its first bar (nothing is appended twice).
      """
  )

  @OptionGroup var location: LogDirectoryOption
  @Option(help: ArgumentHelp("Formula set: v1, v1-ref or a file.", valueName: "NAME|FILE"))
  var formula: String?
  @Flag(help: "Print the report as one JSON document.") var json = false

  func run() throws {
    let bar = ProgressBar("process")
    let started = Date()
    let report: ProcessReport
    do {
      report = try EngineProcessor.run(log: location.log, formula: formula) { done, end in
        bar.update(Int(done), of: Int(end))
      }
    } catch {
      bar.finish()
      throw CLIError("\(error)")
    }
    bar.finish()
    let seconds = Date().timeIntervalSince(started)
    let appended = report.appendedRange.count
    if json {
      try JSONOutput.print(ProcessJSON(report: report, seconds: seconds))
      return
    }
    print(
      "formula      \(report.formulaName)@\(EventJSON.hex(report.formulaStamp))\(report.definedFormula ? " (defined now)" : "")"
    )
    print(
      "series       \(report.seriesCount)\(report.resumedFromCache ? ", resumed from the state cache" : "")"
    )
    print(
      "candles      \(report.candlesProcessed) processed, \(report.candlesRecomputed) recomputed without output"
    )
    print(
      "appended     \(appended) events, offsets \(report.appendedRange.lowerBound)..<\(report.appendedRange.upperBound)"
    )
    for (type, n) in report.appended {
      print("  \(type.padding(toLength: 24, withPad: " ", startingAt: 0)) \(n)")
    }
    let rate = seconds > 0 ? Double(appended) / seconds : 0
    print("time         \(String(format: "%.2f", seconds)) s, \(Int(rate)) events/s appended")
  }
}

/// The JSON form of a process report.
struct ProcessJSON: Encodable {
  let report: ProcessReport
  let seconds: Double

  private enum Keys: String, CodingKey {
    case formula, stamp
    case definedFormula = "defined_formula"
    case resumed = "resumed_from_cache"
    case candlesProcessed = "candles_processed"
    case candlesRecomputed = "candles_recomputed"
    case series, appended
    case firstOffset = "first_offset"
    case endOffset = "end_offset"
    case seconds
  }

  func encode(to encoder: any Encoder) throws {
    var c = encoder.container(keyedBy: Keys.self)
    try c.encode(report.formulaName, forKey: .formula)
    try c.encode(EventJSON.hex(report.formulaStamp), forKey: .stamp)
    try c.encode(report.definedFormula, forKey: .definedFormula)
    try c.encode(report.resumedFromCache, forKey: .resumed)
    try c.encode(report.candlesProcessed, forKey: .candlesProcessed)
    try c.encode(report.candlesRecomputed, forKey: .candlesRecomputed)
    try c.encode(report.seriesCount, forKey: .series)
    try c.encode(report.appended.map { [$0.type: $0.count] }, forKey: .appended)
    try c.encode(report.appendedRange.lowerBound, forKey: .firstOffset)
    try c.encode(report.appendedRange.upperBound, forKey: .endOffset)
    try c.encode(seconds, forKey: .seconds)
  }
}
