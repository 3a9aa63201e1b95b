/// Each token's latest market cap in log order (EVENTS §8.1
/// `TokenMarketCap`), from which bucket membership (D-4, D-12) and the cap
/// label (regime-ae.md §3.4.4) are derived.
public struct TokenCapBook: Sendable, Equatable, Codable {
  /// A token's latest cap and the offset of its event.
  public struct Entry: Sendable, Equatable, Codable {
    /// Market cap, USD.
    public var capUsd: Double
    /// Offset of the `TokenMarketCap` event.
    public var offset: UInt64
  }

  /// Latest entries by token id.
  public private(set) var entries: [String: Entry] = [:]

  /// An empty book.
  public init() {}

  /// Records a token's newer cap.
  public mutating func set(token: String, capUsd: Double, offset: UInt64) {
    entries[token] = Entry(capUsd: capUsd, offset: offset)
  }

  /// The token's latest entry.
  public func entry(_ token: String) -> Entry? { entries[token] }

  /// Tokens whose latest cap falls in `bucket`, by cap descending, ties by
  /// token id ascending (§3.4.2; the token id stands for (chain, contract)).
  public func members(of bucket: RegimeBucket, bounds: RegimeConstants.RegimeBuckets)
    -> [(token: String, entry: Entry)]
  {
    entries.filter { RegimeBucket(marketCapUsd: $0.value.capUsd, bounds: bounds) == bucket }
      .map { (token: $0.key, entry: $0.value) }
      .sorted { a, b in
        a.entry.capUsd != b.entry.capUsd ? a.entry.capUsd > b.entry.capUsd : a.token < b.token
      }
  }
}
