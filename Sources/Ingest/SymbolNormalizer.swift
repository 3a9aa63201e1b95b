/// Turns an exchange's market name into the base-asset symbol the ledger uses.
enum SymbolNormalizer {
  /// Quote currencies the ledger treats as US dollars, longest first.
  static let dollarQuotes = ["USDT", "USDC", "USD"]

  /// `BTCUSD`, `btc/usd`, `BTC-USDT` → `BTC`. A market quoted in anything but
  /// USD, USDT or USDC keeps its full (upper-cased) name; `nil` when empty.
  static func normalize(_ raw: some StringProtocol) -> String? {
    let symbol = raw.uppercased()
    guard !symbol.isEmpty else { return nil }
    if let separator = symbol.firstIndex(where: { $0 == "/" || $0 == "-" || $0 == "_" }) {
      let base = symbol[..<separator]
      let quote = symbol[symbol.index(after: separator)...]
      return !base.isEmpty && dollarQuotes.contains(String(quote)) ? String(base) : symbol
    }
    for quote in dollarQuotes where symbol.count > quote.count && symbol.hasSuffix(quote) {
      return String(symbol.dropLast(quote.count))
    }
    return symbol
  }
}
