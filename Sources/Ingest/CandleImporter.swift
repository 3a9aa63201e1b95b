import EventLog

/// Imports candle files into a log as D-10, D-18 and D-20 settle it: streams
/// from each file and the flags (never from what else is in the log), all
/// files merged into event-time order (ties by stream, then the file's place
/// on the command line, then line), every row validated, identical re-imports
/// skipped and counted, conflicts and regressions rejected by file and line,
/// late bars accepted with a warning, gaps reported. A file-level error
/// (unreadable file, unsupported spacing…) stops the command before
/// anything is appended.
public struct CandleImporter {
  /// Flags of `ledgerd import`.
  public struct Options: Sendable {
    /// `--stream`: the stream of a single-series file (`/<tf>` added when it has no `/`).
    public var stream: String?
    /// `--venue`: the venue of every file (else the file name's leading token).
    public var venue: String?
    /// `--timeframe`: the bar spacing (else the most common spacing).
    public var timeframe: Timeframe?
    /// Events per appended batch.
    public var batchSize = 1000

    /// No flags.
    public init(stream: String? = nil, venue: String? = nil, timeframe: Timeframe? = nil) {
      self.stream = stream
      self.venue = venue
      self.timeframe = timeframe
    }
  }

  /// Counts of one file.
  public struct FileSummary: Sendable, Equatable {
    /// The file name as given.
    public var file: String
    /// Data rows read.
    public var rows = 0
    /// Bars appended.
    public var imported = 0
    /// Bars identical to ones already in their stream, skipped.
    public var duplicates = 0
    /// Rows rejected.
    public var rejected = 0
    /// Streams the file feeds, with their bar counts in the file, by name.
    public var streams: [String: Int] = [:]
  }

  /// What an import did.
  public struct Report: Sendable {
    /// Per file, in command-line order.
    public var files: [FileSummary] = []
    /// Every rejected row, in merged order.
    public var rejections: [RowRejection] = []
    /// Gaps and late bars.
    public var warnings: [String] = []
    /// Offsets of the appended events.
    public var appended: Range<UInt64>?

    /// Bars appended in all.
    public var imported: Int { files.reduce(0) { $0 + $1.imported } }
    /// Identical bars skipped in all.
    public var duplicates: Int { files.reduce(0) { $0 + $1.duplicates } }
    /// Rows rejected in all.
    public var rejected: Int { files.reduce(0) { $0 + $1.rejected } }
  }

  /// Venues recognised as a file name's leading token (D-20).
  public static let knownVenues: Set<String> = [
    "coinbase", "bitstamp", "bitfinex", "binance", "kraken", "hyperliquid", "bybit", "okx",
    "gemini",
  ]

  let options: Options

  /// An importer with the command's flags.
  public init(options: Options) { self.options = options }

  /// A bar ready to append, with where it came from.
  struct Row {
    var stream: String
    var fileIndex: Int
    var line: Int
    var event: Event
  }

  /// Imports `paths` (read from disk) into `writer`'s log; `progress(done, total)` as batches land.
  public func run(
    paths: [String], into writer: LogWriter, progress: ((Int, Int) -> Void)? = nil
  ) throws(ImportError) -> Report {
    var files: [(name: String, file: CandleFile)] = []
    var errors: [String] = []
    for path in paths {
      do {
        files.append((path, try CandleCSVParser.parse(fileAt: path, timeframe: options.timeframe)))
      } catch {
        errors.append(error.description)
      }
    }
    guard errors.isEmpty else { throw ImportError.files(errors) }
    return try run(files: files, into: writer, progress: progress)
  }

  /// Imports parsed files into `writer`'s log.
  public func run(
    files: [(name: String, file: CandleFile)], into writer: LogWriter,
    progress: ((Int, Int) -> Void)? = nil
  ) throws(ImportError) -> Report {
    var report = Report()
    var rows: [Row] = []
    for (index, f) in files.enumerated() {
      var summary = FileSummary(
        file: f.name, rows: f.file.rowCount, rejected: f.file.rejections.count)
      report.rejections += f.file.rejections
      report.warnings += f.file.warnings
      if options.stream != nil && f.file.series.count > 1 {
        throw ImportError.files([
          "\(f.file.fileName): --stream names one stream but the file holds \(f.file.series.count) series"
        ])
      }
      for series in f.file.series {
        let stream = try streamName(series, fileName: f.file.fileName)
        summary.streams[stream] = series.bars.count
        summary.duplicates += series.duplicates
        rows += series.bars.map {
          Row(stream: stream, fileIndex: index, line: $0.line, event: event($0, series, stream))
        }
      }
      report.files.append(summary)
    }
    rows.sort {
      ($0.event.eventTime, $0.stream, $0.fileIndex, $0.line) < (
        $1.event.eventTime, $1.stream, $1.fileIndex, $1.line
      )
    }
    var state = try LogState.read(directory: writer.directory, streams: Set(rows.map(\.stream)))
    var accepted: [Event] = []
    var late: [String: (count: Int, first: Int64)] = [:]
    for row in rows {
      switch state.admit(row.event) {
      case .accept(let isLate):
        accepted.append(row.event)
        report.files[row.fileIndex].imported += 1
        if isLate { late[row.stream, default: (0, row.event.eventTime)].count += 1 }
      case .duplicate:
        report.files[row.fileIndex].duplicates += 1
      case .reject(let field, let reason):
        report.files[row.fileIndex].rejected += 1
        report.rejections.append(
          RowRejection(
            file: files[row.fileIndex].file.fileName, line: row.line, field: field, reason: reason))
      }
    }
    for stream in late.keys.sorted() {
      let l = late[stream]!
      report.warnings.append(
        "\(stream): \(l.count) bar\(l.count == 1 ? "" : "s") from \(UTCTime.iso8601(l.first)) on are older than the log's watermark: "
          + "accepted, but regime periods already finalised did not see them (and never will in this log)"
      )
    }
    report.appended = try append(accepted, to: writer, progress: progress)
    return report
  }

  private func append(_ events: [Event], to writer: LogWriter, progress: ((Int, Int) -> Void)?)
    throws(ImportError)
    -> Range<UInt64>?
  {
    var range: Range<UInt64>?
    var done = 0
    var start = 0
    while start < events.count {
      let end = min(start + options.batchSize, events.count)
      do {
        let r = try writer.append(Array(events[start..<end]))
        range = (range?.lowerBound ?? r.lowerBound)..<r.upperBound
      } catch {
        throw ImportError.log(error, appendedBefore: done)
      }
      done = end
      progress?(done, events.count)
      start = end
    }
    return range
  }

  private func event(_ bar: ParsedBar, _ series: ParsedSeries, _ stream: String) -> Event {
    let venue = stream.split(separator: "/").first.flatMap {
      $0.split(separator: "@").dropFirst().first
    }.map(String.init)
    let p = CandlePayload(
      open: bar.open, high: bar.high, low: bar.low, close: bar.close, volume: bar.volume,
      quoteVolume: bar.quoteVolume,
      venue: venue)
    return Event(
      eventTime: bar.closeTime(series.timeframe), type: .candle, stream: stream,
      payload: p.encoded())
  }

  /// `<SYM>[@<venue>]/<tf>`, or `--stream` (with `/<tf>` when it has no `/`).
  func streamName(_ series: ParsedSeries, fileName: String) throws(ImportError) -> String {
    let tf = series.timeframe.rawValue
    if let s = options.stream { return s.contains("/") ? s : "\(s)/\(tf)" }
    guard let symbol = series.symbol else {
      throw ImportError.files([
        "\(fileName): the file has no symbol column: name its stream with --stream"
      ])
    }
    guard let venue = options.venue ?? CandleImporter.venue(fromFileName: fileName) else {
      return "\(symbol)/\(tf)"
    }
    return "\(symbol)@\(venue)/\(tf)"
  }

  /// The venue named by a file name's leading token (before `_`, `-` or `.`), if known.
  public static func venue(fromFileName path: String) -> String? {
    let name = path.split(separator: "/").last.map(String.init) ?? path
    let token = name.split(whereSeparator: { $0 == "_" || $0 == "-" || $0 == "." }).first.map {
      $0.lowercased()
    }
    return token.flatMap { knownVenues.contains($0) ? $0 : nil }
  }
}

/// Why an import stopped.
public enum ImportError: Error, Sendable, CustomStringConvertible {
  /// Files refused as a whole; nothing was appended.
  case files([String])
  /// The log refused an append after `appendedBefore` events were appended.
  case log(LogError, appendedBefore: Int)

  public var description: String {
    switch self {
    case .files(let messages): return messages.joined(separator: "\n") + "\nnothing was imported"
    case .log(let e, let n): return "\(e) (after \(n) events of this import were appended)"
    }
  }
}
