/// The TA of a series in the form its formula set chooses: streaming (`v1`)
/// or the reference's trailing window (`v1-ref`). A struct with one of two
/// optionals rather than an enum, so `update` mutates the state in place
/// (an enum payload would be copied, and its arrays with it, every bar).
public struct SeriesTA: Sendable, Equatable, Codable {
  /// D-7 streaming TA, when the set's form is streaming.
  public private(set) var streaming: StreamingTA?
  /// TA-03 window TA, when the set's form is window.
  public private(set) var window: WindowTA?

  /// A fresh TA state under `constants`.
  public init(constants: TAConstants) {
    switch constants.form {
    case .streaming: streaming = StreamingTA(constants: constants)
    case .window: window = WindowTA(constants: constants)
    }
  }

  /// Folds in the next bar and returns its TA.
  public mutating func update(_ bar: Bar) -> TASnapshot {
    if streaming != nil { return streaming!.update(bar) }
    return window!.update(bar)
  }
}
