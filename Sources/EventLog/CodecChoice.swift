/// Which codec the writer uses for a batch.
public enum CodecChoice: Sendable, Equatable {
  /// The candle codec for batches of plain candles (the default, D-20),
  /// the generic codec for everything else.
  case automatic
  /// Always the generic codec (benchmarks, comparisons).
  case generic
}
