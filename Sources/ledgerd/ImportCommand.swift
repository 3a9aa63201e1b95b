import ArgumentParser
import EventLog
import Foundation
import Ingest

/// `ledgerd import`: candle files (or NDJSON source events) into a log.
struct ImportCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "import",
    abstract: "Import candle CSV files (or NDJSON source events) into a log.",
    discussion: """
      CSV layouts, detected from the header: CryptoDataDownload exports (banner line, \
      date,symbol,open,high,low,close,volume_<base>,volume), wide multi-asset files \
      (date,SYM:open,…,SYM:volume) and plain files (time column, open, high, low, close, \
      optional volume). Timestamps are bar opens; a bar's event time is its close. \
      Streams are <SYM>/<tf>, or <SYM>@<venue>/<tf> when --venue is given or the file name \
      starts with a known venue (coinbase, bitstamp, bitfinex, binance, kraken, hyperliquid, \
      bybit, okx, gemini). All files of one command are merged into event-time order before \
      appending. Bars identical to ones already in their stream are skipped and counted; a \
      different bar at an existing time, or one older than its stream's last bar, is rejected \
      with file, line and reason (exit status 1). Gaps are reported, never filled.
      """
  )

  @OptionGroup var location: LogDirectoryOption
  @Argument(help: ArgumentHelp("Candle CSV files.", valueName: "FILE")) var files: [String] = []
  @Option(help: "Stream of a single-series file (/<tf> is appended when it has no /).") var stream:
    String?
  @Option(help: "Venue of every file (else taken from the file name).") var venue: String?
  @Option(help: "Bar spacing: 1m, 5m, 15m, 1h, 4h or 1d (else the most common spacing).")
  var timeframe: String?
  @Option(
    help: ArgumentHelp("NDJSON source events in `ledgerd cat`'s form.", valueName: "FILE.ndjson"))
  var events: String?

  func validate() throws {
    if events == nil && files.isEmpty {
      throw ValidationError("give candle files, or --events FILE.ndjson")
    }
    if events != nil && !files.isEmpty {
      throw ValidationError("--events imports one NDJSON file; give no CSV files with it")
    }
    if let t = timeframe, Timeframe(rawValue: t) == nil {
      throw ValidationError("--timeframe must be one of 1m, 5m, 15m, 1h, 4h, 1d (got \(t))")
    }
  }

  func run() throws {
    let writer: LogWriter
    do {
      writer = try LogWriter(directory: location.log)
    } catch {
      throw CLIError(error.description)
    }
    if !writer.recovery.isClean && !writer.recovery.created {
      printError("recovery: \(writer.recovery)")
    }
    defer { try? writer.close() }
    if let path = events {
      try EventImport.run(path: path, into: writer)
      return
    }
    var options = CandleImporter.Options(
      stream: stream, venue: venue, timeframe: timeframe.flatMap(Timeframe.init))
    options.batchSize = 1000
    let bar = ProgressBar("import")
    let report: CandleImporter.Report
    do {
      report = try CandleImporter(options: options).run(paths: files, into: writer) {
        bar.update($0, of: $1)
      }
    } catch {
      bar.finish()
      throw CLIError(error.description)
    }
    bar.finish()
    do {
      try writer.close()
    } catch {
      throw CLIError(error.description)
    }
    for r in report.rejections { printError("rejected: \(r)") }
    for w in report.warnings { printError("warning: \(w)") }
    for f in report.files {
      let streams = f.streams.keys.sorted().map { "\($0) \(f.streams[$0]!)" }.joined(
        separator: ", ")
      print(
        "\(f.file): \(f.rows) rows, \(f.imported) imported, \(f.duplicates) duplicates skipped, \(f.rejected) rejected (\(streams))"
      )
    }
    let range = report.appended.map { " (offsets \($0.lowerBound)..<\($0.upperBound))" } ?? ""
    print(
      "total: \(report.imported) imported\(range), \(report.duplicates) duplicates skipped, \(report.rejected) rejected"
    )
    if report.rejected > 0 { throw ExitCode(1) }
  }
}

/// Writes a line to standard error.
func printError(_ s: String) {
  FileHandle.standardError.write(Data((s + "\n").utf8))
}
