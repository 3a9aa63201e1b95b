/// Where the data sits in a row, as read from a recognised header line.
struct HeaderLayout: Sendable {
  /// The result of looking at one candidate header line.
  enum Detection {
    /// A usable header.
    case layout(HeaderLayout)
    /// Not a header at all (a banner, or data).
    case unrecognised
    /// A header of a known format that cannot be used; the reason says why.
    case invalid(String)
  }

  var format: CandleFileFormat
  /// The number of cells every data row must have.
  var columnCount: Int
  var timeColumn: Int
  /// The time column's header name (`time` when it is unnamed).
  var timeName: String
  /// The symbol column of the CryptoDataDownload format.
  var symbolColumn: Int?
  /// One group for the plain and CryptoDataDownload formats, one per symbol
  /// for the wide format (in header order).
  var groups: [ColumnGroup]

  static let timeNames: Set<String> = ["time", "date", "timestamp", "datetime"]
  static let priceFields = ["open", "high", "low", "close"]
  static let wideFields: Set<String> = ["open", "high", "low", "close", "volume"]

  /// What headers look like, for the "no recognisable header" message.
  static let expected =
    "expected a CryptoDataDownload header (date,symbol,open,high,low,close,volume_<base>,volume), "
    + "a wide header (<date>,SYM:open,SYM:high,SYM:low,SYM:close,SYM:volume,…) "
    + "or a plain header (time,open,high,low,close[,volume])"

  /// Classifies a candidate header line from its cells as written.
  static func detect(_ cells: [String]) -> Detection {
    let lowered = cells.map { $0.lowercased() }
    var wideColumns: [WideColumn] = []
    for (index, cell) in lowered.enumerated() {
      guard let colon = cell.lastIndex(of: ":") else { continue }
      let field = String(cell[cell.index(after: colon)...]).trimmed
      guard wideFields.contains(field) else { continue }
      let original = cells[index]
      let symbol = original[..<(original.lastIndex(of: ":") ?? original.endIndex)].trimmed
      wideColumns.append(WideColumn(index: index, symbol: symbol, field: field))
    }
    if !wideColumns.isEmpty { return wide(cells, wideColumns) }
    guard lowered.contains(where: { priceFields.contains($0) }) else { return .unrecognised }
    return tabular(cells, lowered)
  }

  private static func wide(_ cells: [String], _ columns: [WideColumn]) -> Detection {
    if columns.contains(where: { $0.index == 0 }) {
      return .invalid(
        "missing required columns: time (the first column of a wide file holds the date; header: \"\(joined(cells))\")"
      )
    }
    var order: [String] = []
    var fields: [String: [String: Int]] = [:]
    for column in columns {
      guard let symbol = SymbolNormalizer.normalize(column.symbol) else {
        return .invalid("column \(column.index + 1) \"\(cells[column.index])\" names no symbol")
      }
      if fields[symbol] == nil {
        order.append(symbol)
        fields[symbol] = [:]
      }
      if let previous = fields[symbol]![column.field] {
        return .invalid(
          "duplicate column \"\(cells[column.index])\" (columns \(previous + 1) and \(column.index + 1))"
        )
      }
      fields[symbol]![column.field] = column.index
    }
    var missing: [String] = []
    for symbol in order {
      for field in priceFields where fields[symbol]![field] == nil {
        missing.append("\(symbol):\(field)")
      }
    }
    guard missing.isEmpty else {
      return .invalid(
        "missing required columns: \(missing.joined(separator: ", ")) (header: \"\(joined(cells))\")"
      )
    }
    let groups = order.map { symbol in
      let map = fields[symbol]!
      var names = FieldNames()
      names.open = cells[map["open"]!]
      names.high = cells[map["high"]!]
      names.low = cells[map["low"]!]
      names.close = cells[map["close"]!]
      if let volume = map["volume"] { names.volume = cells[volume] }
      return ColumnGroup(
        symbol: symbol, open: map["open"]!, high: map["high"]!, low: map["low"]!,
        close: map["close"]!,
        volume: map["volume"], quoteVolume: nil, names: names)
    }
    let timeName = cells[0].isEmpty ? "time" : cells[0]
    return .layout(
      HeaderLayout(
        format: .wide, columnCount: cells.count, timeColumn: 0, timeName: timeName,
        symbolColumn: nil,
        groups: groups))
  }

  private static func tabular(_ cells: [String], _ lowered: [String]) -> Detection {
    var seen: [String: Int] = [:]
    for (index, name) in lowered.enumerated() where !name.isEmpty {
      let known =
        priceFields.contains(name) || timeNames.contains(name) || name == "symbol"
        || name.hasPrefix("volume")
      guard known else { continue }
      if let previous = seen[name] {
        return .invalid(
          "duplicate column \"\(cells[index])\" (columns \(previous + 1) and \(index + 1))")
      }
      seen[name] = index
    }
    let timeColumn =
      lowered.firstIndex(where: { timeNames.contains($0) }) ?? (lowered[0].isEmpty ? 0 : nil)
    var missing: [String] = []
    if timeColumn == nil { missing.append("time") }
    for field in priceFields where seen[field] == nil { missing.append(field) }
    guard let timeColumn, missing.isEmpty else {
      var reason =
        "missing required columns: \(missing.joined(separator: ", ")) (header: \"\(joined(cells))\")"
      if timeColumn == nil {
        reason +=
          "; the time column must be named time, date, timestamp or datetime, or be an unnamed first column"
      }
      return .invalid(reason)
    }
    let (volume, quoteVolume) = volumeColumns(lowered)
    var names = FieldNames()
    names.open = cells[seen["open"]!]
    names.high = cells[seen["high"]!]
    names.low = cells[seen["low"]!]
    names.close = cells[seen["close"]!]
    if let volume { names.volume = cells[volume] }
    if let quoteVolume { names.quoteVolume = cells[quoteVolume] }
    if let symbol = seen["symbol"] { names.symbol = cells[symbol] }
    let group = ColumnGroup(
      symbol: nil, open: seen["open"]!, high: seen["high"]!, low: seen["low"]!,
      close: seen["close"]!,
      volume: volume, quoteVolume: quoteVolume, names: names)
    let symbolColumn = seen["symbol"]
    return .layout(
      HeaderLayout(
        format: symbolColumn == nil ? .plain : .cryptoDataDownload, columnCount: cells.count,
        timeColumn: timeColumn, timeName: cells[timeColumn].isEmpty ? "time" : cells[timeColumn],
        symbolColumn: symbolColumn, groups: [group]))
  }

  /// Picks the base and quote volume columns: `volume_<base>` (or
  /// `volume <base>`) is the base volume and then a bare `volume` is the quote
  /// volume (the CryptoDataDownload convention); without a `volume_<base>`
  /// column a bare `volume` is the base volume. `volume_usd`, `volume_usdt`
  /// and `volume_usdc` are quote volumes.
  private static func volumeColumns(_ lowered: [String]) -> (volume: Int?, quoteVolume: Int?) {
    var bare: Int?
    var base: Int?
    var quote: Int?
    for (index, name) in lowered.enumerated() where name.hasPrefix("volume") {
      if name == "volume" {
        bare = bare ?? index
        continue
      }
      let suffix = name.dropFirst("volume".count)
      guard let first = suffix.first, first == "_" || first == " " else { continue }
      let currency = suffix.dropFirst().trimmed
      guard !currency.isEmpty else { continue }
      if SymbolNormalizer.dollarQuotes.contains(currency.uppercased()) {
        quote = quote ?? index
      } else {
        base = base ?? index
      }
    }
    if let base { return (base, bare ?? quote) }
    return (bare, quote)
  }

  private static func joined(_ cells: [String]) -> String {
    let text = cells.joined(separator: ",")
    return text.count > 120 ? String(text.prefix(120)) + "…" : text
  }

  /// A `SYM:field` header cell.
  private struct WideColumn {
    var index: Int
    var symbol: String
    var field: String
  }
}
