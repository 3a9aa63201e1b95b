/// The TA of a series in the form its formula set chooses: streaming (`v1`)
/// or the reference's trailing window (`v1-ref`).
public enum SeriesTA: Sendable, Equatable, Codable {
  /// D-7 streaming TA.
  case streaming(StreamingTA)
  /// TA-03 window TA.
  case window(WindowTA)

  /// A fresh TA state under `constants`.
  public init(constants: TAConstants) {
    switch constants.form {
    case .streaming: self = .streaming(StreamingTA(constants: constants))
    case .window: self = .window(WindowTA(constants: constants))
    }
  }

  /// Folds in the next bar and returns its TA.
  public mutating func update(_ bar: Bar) -> TASnapshot {
    switch self {
    case .streaming(var ta):
      let s = ta.update(bar)
      self = .streaming(ta)
      return s
    case .window(var ta):
      let s = ta.update(bar)
      self = .window(ta)
      return s
    }
  }
}
