import EventLog
import Ingest

/// A candle stream the engines run on (D-18): majors `<SYM>/<tf>` and
/// `<SYM>@<venue>/<tf>`, tokens `token/<tid>/<tf>`, and (with the regime
/// composites) drivers `regime/<driver>/<tf>`.
struct SeriesIdentity: Sendable, Equatable {
  /// The stream.
  var stream: String
  /// Bar length of its timeframe, ms.
  var barMilliseconds: Int64
  /// A regime driver (its warm-up differs).
  var isDriver: Bool

  /// The series a candle stream is, or nil when it is none.
  static func of(_ stream: String) -> SeriesIdentity? {
    guard let slash = stream.lastIndex(of: "/"),
      let tf = Timeframe(rawValue: String(stream[stream.index(after: slash)...]))
    else { return nil }
    return SeriesIdentity(
      stream: stream, barMilliseconds: tf.milliseconds, isDriver: stream.hasPrefix("regime/"))
  }
}
