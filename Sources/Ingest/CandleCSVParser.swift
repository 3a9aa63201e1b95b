/// Parses exchange candle CSV files into validated bars.
///
/// The format is detected from the header (case-insensitive, LF or CRLF line
/// ends, optional UTF-8 byte-order mark, optional banner line before it):
/// CryptoDataDownload exports, wide multi-asset files and plain OHLCV files
/// (see ``CandleFileFormat``). Timestamps are bar opens, returned as
/// milliseconds since the epoch in UTC.
///
/// Bad rows are reported as ``RowRejection``s and left out while every valid
/// row is kept; a file that cannot be read as a whole (empty, binary, no
/// header, missing columns, no data rows, unsupported bar spacing) throws a
/// ``CandleFileError`` and nothing of it is returned.
public struct CandleCSVParser: Sendable {
  /// Parses the contents of a candle file.
  ///
  /// - Parameters:
  ///   - bytes: The file's bytes (UTF-8).
  ///   - fileName: The name used in messages.
  ///   - timeframe: The bar duration; when `nil` it is inferred per series as
  ///     the most common spacing between consecutive bars.
  /// - Returns: The validated series and the rejected rows.
  /// - Throws: ``CandleFileError`` when the file is refused as a whole.
  public static func parse(
    bytes: [UInt8], fileName: String, timeframe: Timeframe? = nil
  ) throws(CandleFileError) -> CandleFile {
    // Carried out of the closure as a value, so no toolchain needs a typed
    // `rethrows` for `withUnsafeBufferPointer`.
    let outcome: Result<CandleFile, CandleFileError> = bytes.withUnsafeBufferPointer { buffer in
      do throws(CandleFileError) {
        return .success(try parse(buffer: buffer, fileName: fileName, timeframe: timeframe))
      } catch {
        return .failure(error)
      }
    }
    switch outcome {
    case .success(let file): return file
    case .failure(let error): throw error
    }
  }

  private static func parse(
    buffer: UnsafeBufferPointer<UInt8>, fileName: String, timeframe: Timeframe?
  ) throws(CandleFileError) -> CandleFile {
    guard let base = buffer.baseAddress, !buffer.isEmpty else {
      throw CandleFileError(file: fileName, reason: "empty file (0 bytes)")
    }
    guard let text = String(validating: buffer, as: UTF8.self) else {
      // Name the first byte that is wrong: a control byte (binary data) or
      // the start of an ill-formed UTF-8 sequence.
      let invalid = UTF8Check.firstInvalidOffset(buffer) ?? 0
      let control = UTF8Check.firstControlOffset(buffer, before: invalid)
      let offset = control ?? invalid
      let what = control == nil ? "invalid UTF-8" : "binary data"
      throw CandleFileError(
        file: fileName,
        line: LineTokenizer.lineNumber(atOffset: offset, in: base, count: buffer.count),
        byteOffset: offset,
        reason:
          "\(what) at byte offset \(offset) (byte \(LineTokenizer.hex(buffer[offset]))); expected a text CSV file"
      )
    }
    let hasBOM = buffer.count >= 3 && buffer[0] == 0xEF && buffer[1] == 0xBB && buffer[2] == 0xBF
    var tokenizer = LineTokenizer(
      base: base, count: buffer.count, start: hasBOM ? 3 : 0, fileName: fileName)
    var cells = CellBuffer(capacity: 64)
    defer { cells.deallocate() }

    guard let firstCells = try nextHeaderCandidate(&tokenizer, &cells, text) else {
      throw CandleFileError(file: fileName, reason: "empty file (no content)")
    }
    let firstLine = tokenizer.line
    var layout: HeaderLayout
    switch HeaderLayout.detect(firstCells) {
    case .layout(let detected):
      layout = detected
    case .invalid(let reason):
      throw CandleFileError(file: fileName, line: firstLine, reason: reason)
    case .unrecognised:
      // The first line may be a banner (CryptoDataDownload); try the next one.
      let refusal = CandleFileError(
        file: fileName, line: firstLine,
        reason:
          "no recognisable header: \(HeaderLayout.expected); found \"\(shortened(firstCells))\"")
      guard let secondCells = try nextHeaderCandidate(&tokenizer, &cells, text) else {
        throw refusal
      }
      switch HeaderLayout.detect(secondCells) {
      case .layout(let detected): layout = detected
      case .invalid(let reason):
        throw CandleFileError(file: fileName, line: tokenizer.line, reason: reason)
      case .unrecognised: throw refusal
      }
    }
    let headerLine = tokenizer.line

    // Rows with more cells than the header are refused, so the row buffer
    // needs one spare cell at most.
    cells.reserve(layout.columnCount + 1)
    var reader = RowReader(
      base: base, fileSize: buffer.count, text: text, layout: layout, fileName: fileName)
    while let count = try tokenizer.next(into: cells.pointer, capacity: cells.capacity) {
      if tokenizer.isBlank { continue }
      reader.read(cells.pointer, count: count, line: tokenizer.line)
    }
    guard reader.rowCount > 0 else {
      throw CandleFileError(file: fileName, line: headerLine, reason: "header but no data rows")
    }
    var rejections = reader.rejections
    var accumulators = reader.takeAccumulators()
    let series = try SeriesAssembler.assemble(
      &accumulators, timeName: layout.timeName, timeframe: timeframe, fileName: fileName,
      rejections: &rejections)
    let ordered = rejections.enumerated().sorted {
      ($0.element.line, $0.offset) < ($1.element.line, $1.offset)
    }
    return CandleFile(
      fileName: fileName, format: layout.format, series: series, rejections: ordered.map(\.element),
      rowCount: reader.rowCount)
  }

  /// The cells (as text) of the next non-blank line, all of them however
  /// many; `nil` at the end of the file.
  private static func nextHeaderCandidate(
    _ tokenizer: inout LineTokenizer, _ cells: inout CellBuffer, _ text: String
  ) throws(CandleFileError) -> [String]? {
    while let count = try tokenizer.next(into: cells.pointer, capacity: cells.capacity) {
      if tokenizer.isBlank { continue }
      if count > cells.capacity {
        cells.reserve(count)
        tokenizer.rewindLine()
        continue
      }
      return (0..<count).map { String(RowReader.substring(cells.pointer[$0], in: text)) }
    }
    return nil
  }

  private static func shortened(_ cells: [String]) -> String {
    let text = cells.joined(separator: ",")
    return text.count > 80 ? String(text.prefix(80)) + "…" : text
  }
}
