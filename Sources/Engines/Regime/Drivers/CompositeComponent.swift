/// One component's bar in a composite period: the stream it came from, the
/// bar and the log offset of its `Candle`.
public struct CompositeComponent: Sendable, Equatable, Codable {
  /// The component's identity across periods: the symbol (`ETH`, whatever
  /// the venue) or the token id; the chain links on it.
  public var id: String
  /// The candle stream (`ETH@bitstamp/1d`, `token/abc/1h`).
  public var stream: String
  /// The candle's bar.
  public var bar: Bar
  /// Offset of the `Candle` event.
  public var offset: UInt64

  /// A component from its fields.
  public init(id: String, stream: String, bar: Bar, offset: UInt64) {
    self.id = id
    self.stream = stream
    self.bar = bar
    self.offset = offset
  }
}
