/// Reads the data rows of a file whose header has been recognised, applying
/// the row checks (cell count, time, numbers, prices, volumes) and sorting the
/// surviving bars into series.
///
/// The per-row path touches only plain values (pointers, integers, column
/// indices) and static helpers, so debug builds do not copy the reader or
/// retain strings per cell; messages are built only for rejected rows.
struct RowReader {
  /// A number cell's value, or why it has none.
  enum NumberCell {
    case value(Double)
    case empty
    case notANumber
    case notFinite
  }

  private let base: UnsafePointer<UInt8>
  private let fileSize: Int
  private let text: String
  private let layout: HeaderLayout
  private let fileName: String
  private let format: CandleFileFormat
  private let columnCount: Int
  private let timeColumn: Int
  private let symbolColumn: Int
  private let columns: [GroupColumns]
  private(set) var accumulators: [SeriesAccumulator] = []
  private(set) var rejections: [RowRejection] = []
  private(set) var rowCount = 0
  private var symbolIndex: [String: Int] = [:]
  private var lastSymbolCell = Cell(start: 0, end: 0)
  private var lastSymbolSeries = -1

  init(
    base: UnsafePointer<UInt8>, fileSize: Int, text: String, layout: HeaderLayout, fileName: String
  ) {
    self.base = base
    self.fileSize = fileSize
    self.text = text
    self.layout = layout
    self.fileName = fileName
    format = layout.format
    columnCount = layout.columnCount
    timeColumn = layout.timeColumn
    symbolColumn = layout.symbolColumn ?? -1
    columns = layout.groups.map(GroupColumns.init)
    switch layout.format {
    case .plain: accumulators = [SeriesAccumulator(symbol: nil, names: layout.groups[0].names)]
    case .wide:
      accumulators = layout.groups.map { SeriesAccumulator(symbol: $0.symbol, names: $0.names) }
    case .cryptoDataDownload: break
    }
  }

  /// Hands the collected series over, leaving the reader without them (so
  /// the caller holds the only reference and can sort in place).
  mutating func takeAccumulators() -> [SeriesAccumulator] {
    defer { accumulators = [] }
    return accumulators
  }

  /// Reads one non-blank data line of `count` cells (at least `count` or
  /// `columnCount + 1` of them stored in `cells`, whichever is smaller).
  mutating func read(_ cells: UnsafeMutablePointer<Cell>, count: Int, line: Int) {
    rowCount += 1
    guard count == columnCount else {
      reject(line, nil, "expected \(columnCount) cells, found \(count)")
      return
    }
    let timeCell = cells[timeColumn]
    guard let openTime = TimestampParser.parse(base, timeCell.start, timeCell.end) else {
      let reason =
        timeCell.isEmpty
        ? "empty value"
        : "cannot parse time \(quoted(timeCell)) (expected \(TimestampParser.expectedForms))"
      reject(line, layout.timeName, reason)
      return
    }
    switch format {
    case .plain:
      readGroup(0, series: 0, cells, line: line, openTime: openTime)
    case .cryptoDataDownload:
      guard let series = seriesIndex(forSymbol: cells[symbolColumn]) else {
        reject(line, layout.groups[0].names.symbol, "empty value")
        return
      }
      readGroup(0, series: series, cells, line: line, openTime: openTime)
    case .wide:
      for group in 0..<columns.count {
        let c = columns[group]
        var empty = 0
        if cells[c.open].isEmpty { empty += 1 }
        if cells[c.high].isEmpty { empty += 1 }
        if cells[c.low].isEmpty { empty += 1 }
        if cells[c.close].isEmpty { empty += 1 }
        if c.volume >= 0 && cells[c.volume].isEmpty { empty += 1 }
        if empty == 0 {
          readGroup(group, series: group, cells, line: line, openTime: openTime)
        } else if empty < (c.volume >= 0 ? 5 : 4) {
          rejectPartlyFilled(group, cells, line: line)
        }
      }
    }
  }

  private mutating func readGroup(
    _ group: Int, series: Int, _ cells: UnsafeMutablePointer<Cell>, line: Int, openTime: Int64
  ) {
    let c = columns[group]
    guard case .value(let open) = Self.parseNumber(base, text, cells[c.open]),
      case .value(let high) = Self.parseNumber(base, text, cells[c.high]),
      case .value(let low) = Self.parseNumber(base, text, cells[c.low]),
      case .value(let close) = Self.parseNumber(base, text, cells[c.close])
    else {
      rejectNumbers(group, cells, line: line)
      return
    }
    var volume = 0.0
    if c.volume >= 0 {
      guard case .value(let value) = Self.parseNumber(base, text, cells[c.volume]) else {
        rejectNumbers(group, cells, line: line)
        return
      }
      volume = value
    }
    var quoteVolume: Double?
    if c.quoteVolume >= 0 {
      guard case .value(let value) = Self.parseNumber(base, text, cells[c.quoteVolume]) else {
        rejectNumbers(group, cells, line: line)
        return
      }
      quoteVolume = value
    }
    if !(open > 0 && high > 0 && low > 0 && close > 0 && volume >= 0 && (quoteVolume ?? 0) >= 0
      && low <= high && low <= open && open <= high && low <= close && close <= high)
    {
      if let (field, reason) = BarValidator.violation(
        open: open, high: high, low: low, close: close, volume: volume, quoteVolume: quoteVolume,
        names: layout.groups[group].names)
      {
        reject(line, field, reason)
        return
      }
    }
    if accumulators[series].bars.isEmpty {
      // Room for the rest of the file at this row's length, to avoid regrowing.
      let lineBytes = max(cells[columnCount - 1].end - cells[0].start, 16)
      accumulators[series].bars.reserveCapacity(
        (fileSize - cells[0].start) / lineBytes * 5 / 4 + 16)
    }
    accumulators[series].bars.append(
      ParsedBar(
        openTime: openTime, open: open, high: high, low: low, close: close, volume: volume,
        quoteVolume: quoteVolume, line: line))
  }

  /// Rejects a group whose cells do not all hold finite numbers, naming the
  /// first bad cell in column order (open, high, low, close, volume, quote volume).
  private mutating func rejectNumbers(_ group: Int, _ cells: UnsafeMutablePointer<Cell>, line: Int)
  {
    let c = columns[group]
    let names = layout.groups[group].names
    let fields = [
      (c.open, names.open), (c.high, names.high), (c.low, names.low), (c.close, names.close),
      (c.volume, names.volume), (c.quoteVolume, names.quoteVolume),
    ]
    for (column, name) in fields where column >= 0 {
      let cell = cells[column]
      switch Self.parseNumber(base, text, cell) {
      case .value: continue
      case .empty: reject(line, name, "empty value")
      case .notANumber: reject(line, name, "not a number: \(quoted(cell))")
      case .notFinite: reject(line, name, "not finite: \(quoted(cell))")
      }
      return
    }
  }

  private mutating func rejectPartlyFilled(
    _ group: Int, _ cells: UnsafeMutablePointer<Cell>, line: Int
  ) {
    let c = columns[group]
    let names = layout.groups[group].names
    var empty: [String] = []
    for (column, name) in [
      (c.open, names.open), (c.high, names.high), (c.low, names.low), (c.close, names.close),
      (c.volume, names.volume),
    ] where column >= 0 && cells[column].isEmpty {
      empty.append(name)
    }
    let symbol = layout.groups[group].symbol ?? ""
    reject(line, empty[0], "partly filled \(symbol) group: \(empty.joined(separator: ", ")) empty")
  }

  /// Parses a decimal number cell with `Double(Substring)`; hexadecimal
  /// floats are refused.
  static func parseNumber(_ base: UnsafePointer<UInt8>, _ text: String, _ cell: Cell) -> NumberCell
  {
    if cell.start == cell.end { return .empty }
    var first = cell.start
    if base[first] == 0x2D || base[first] == 0x2B { first += 1 }
    if first + 1 < cell.end && base[first] == 0x30 && base[first + 1] | 0x20 == 0x78 {
      return .notANumber
    }
    guard let value = Double(substring(cell, in: text)) else { return .notANumber }
    return value.isFinite ? .value(value) : .notFinite
  }

  /// The series of a CryptoDataDownload row's symbol cell; `nil` when empty.
  private mutating func seriesIndex(forSymbol cell: Cell) -> Int? {
    if lastSymbolSeries >= 0 && Self.sameBytes(base, cell, lastSymbolCell) {
      return lastSymbolSeries
    }
    guard let symbol = SymbolNormalizer.normalize(Self.substring(cell, in: text)) else {
      return nil
    }
    let index: Int
    if let known = symbolIndex[symbol] {
      index = known
    } else {
      index = accumulators.count
      symbolIndex[symbol] = index
      accumulators.append(SeriesAccumulator(symbol: symbol, names: layout.groups[0].names))
    }
    lastSymbolCell = cell
    lastSymbolSeries = index
    return index
  }

  private static func sameBytes(_ base: UnsafePointer<UInt8>, _ a: Cell, _ b: Cell) -> Bool {
    let length = a.end - a.start
    guard length == b.end - b.start else { return false }
    var i = 0
    while i < length {
      if base[a.start + i] != base[b.start + i] { return false }
      i += 1
    }
    return true
  }

  /// The text of `cell` in `text` (the whole file), without copying.
  static func substring(_ cell: Cell, in text: String) -> Substring {
    let utf8 = text.utf8
    let lower = utf8.index(utf8.startIndex, offsetBy: cell.start)
    let upper = utf8.index(lower, offsetBy: cell.end - cell.start)
    return text[lower..<upper]
  }

  /// The cell's text in double quotes, shortened to 40 characters.
  private func quoted(_ cell: Cell) -> String {
    let value = Self.substring(cell, in: text)
    return value.count > 40 ? "\"\(value.prefix(40))…\"" : "\"\(value)\""
  }

  private mutating func reject(_ line: Int, _ field: String?, _ reason: String) {
    rejections.append(RowRejection(file: fileName, line: line, field: field, reason: reason))
  }
}
