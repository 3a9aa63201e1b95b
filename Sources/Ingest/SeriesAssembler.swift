/// Turns collected bars into validated series: sorts by open time, settles the
/// timeframe, rejects misaligned and conflicting bars, skips identical
/// duplicates and finds gaps.
enum SeriesAssembler {
  /// The finished series (empty ones left out) in symbol order; rejections
  /// are appended to `rejections`. The accumulators' bars are moved out, not
  /// copied. Throws when a timeframe cannot be settled.
  static func assemble(
    _ ordered: inout [SeriesAccumulator], timeName: String, timeframe given: Timeframe?,
    fileName: String,
    rejections: inout [RowRejection]
  ) throws(CandleFileError) -> [ParsedSeries] {
    ordered.sort { ($0.symbol ?? "") < ($1.symbol ?? "") }
    var result: [ParsedSeries] = []
    for index in ordered.indices where !ordered[index].bars.isEmpty {
      // Take the bars out so they are sorted in place, not copied.
      var bars: [ParsedBar] = []
      swap(&bars, &ordered[index].bars)
      let accumulator = ordered[index]
      if bars.first!.openTime > bars.last!.openTime {
        // Most exports are newest first: reversing first leaves the sort
        // little to do (it still runs: rows are not always strictly ordered).
        bars.reverse()
      }
      bars.sort { $0.openTime != $1.openTime ? $0.openTime < $1.openTime : $0.line < $1.line }
      let prefix = accumulator.symbol.map { "\($0): " } ?? ""
      let timeframe: Timeframe
      if let given {
        timeframe = given
      } else {
        timeframe = try infer(bars, prefix: prefix, fileName: fileName)
      }
      let step = timeframe.milliseconds
      var kept: [ParsedBar] = []
      kept.reserveCapacity(bars.count)
      var duplicates = 0
      var gaps: [Gap] = []
      for bar in bars {
        guard bar.openTime % step == 0 else {
          rejections.append(
            RowRejection(
              file: fileName, line: bar.line, field: timeName,
              reason:
                "open time \(UTCTime.iso8601(bar.openTime)) not aligned to \(timeframe.rawValue)"))
          continue
        }
        if let previous = kept.last {
          if previous.openTime == bar.openTime {
            if previous.hasSameValues(as: bar) {
              duplicates += 1
            } else {
              let difference = firstDifference(previous, bar, accumulator.names)
              let time = UTCTime.iso8601(bar.openTime)
              rejections.append(
                RowRejection(
                  file: fileName, line: bar.line, field: difference.field,
                  reason:
                    "conflicting bar at \(time), first seen on line \(previous.line) (\(difference.detail))"
                ))
            }
            continue
          }
          if bar.openTime - previous.openTime > step {
            gaps.append(
              Gap(
                firstMissingOpen: previous.openTime + step, lastMissingOpen: bar.openTime - step,
                missingBars: Int((bar.openTime - previous.openTime) / step - 1)))
          }
        }
        kept.append(bar)
      }
      guard !kept.isEmpty else { continue }
      result.append(
        ParsedSeries(
          symbol: accumulator.symbol, timeframe: timeframe, bars: kept, duplicates: duplicates,
          gaps: gaps))
    }
    return result
  }

  /// The most common spacing between consecutive distinct open times of
  /// `bars` (sorted), ties going to the smaller spacing.
  static func infer(_ bars: [ParsedBar], prefix: String, fileName: String) throws(CandleFileError)
    -> Timeframe
  {
    var counts: [Int64: Int] = [:]
    var previous = bars[0].openTime
    for bar in bars.dropFirst() where bar.openTime != previous {
      counts[bar.openTime - previous, default: 0] += 1
      previous = bar.openTime
    }
    guard
      let (spacing, _) = counts.max(by: {
        $0.value != $1.value ? $0.value < $1.value : $0.key > $1.key
      })
    else {
      throw CandleFileError(
        file: fileName, line: bars[0].line,
        reason:
          "\(prefix)a single bar (\(UTCTime.iso8601(bars[0].openTime))): cannot infer the timeframe; "
          + "use --timeframe (\(Timeframe.supportedList))")
    }
    guard let timeframe = Timeframe(milliseconds: spacing) else {
      throw CandleFileError(
        file: fileName,
        reason:
          "\(prefix)bar spacing \(spacing) ms (\(UTCTime.durationName(spacing))) is not a supported timeframe "
          + "(\(Timeframe.supportedList)); use --timeframe")
    }
    return timeframe
  }

  /// The first field in which two bars at the same time differ: its header
  /// name and a detail such as `close 5.0 there, 5.5 here`.
  private static func firstDifference(
    _ kept: ParsedBar, _ other: ParsedBar, _ names: FieldNames
  ) -> Difference {
    func describe(_ name: String, _ label: String, _ a: Double?, _ b: Double?) -> Difference {
      Difference(
        field: name,
        detail: "\(label) \(a.map { "\($0)" } ?? "none") there, \(b.map { "\($0)" } ?? "none") here"
      )
    }
    if kept.open != other.open { return describe(names.open, "open", kept.open, other.open) }
    if kept.high != other.high { return describe(names.high, "high", kept.high, other.high) }
    if kept.low != other.low { return describe(names.low, "low", kept.low, other.low) }
    if kept.close != other.close { return describe(names.close, "close", kept.close, other.close) }
    if kept.volume != other.volume {
      return describe(names.volume, "volume", kept.volume, other.volume)
    }
    return describe(names.quoteVolume, "quote volume", kept.quoteVolume, other.quoteVolume)
  }

  /// Where two bars at the same open time differ.
  private struct Difference {
    /// The header name of the first differing column.
    var field: String
    /// `close 5.0 there, 5.5 here`.
    var detail: String
  }
}
