/// Splits a file's bytes into lines and comma-separated cells in one pass,
/// without building strings.
///
/// Lines end with LF, CRLF or a lone CR and are numbered from 1. A cell may be
/// wrapped in double quotes (commas inside are then part of the value; quotes
/// cannot span lines); unquoted cells are trimmed of spaces and tabs. Any
/// control byte other than tab, CR and LF means the file is binary and is
/// refused.
///
/// The scanner works on raw pointers and keeps its per-byte test cheap (one
/// comparison for the common bytes), because it runs over every byte of the
/// file and must stay fast in debug builds too.
struct LineTokenizer {
  private let base: UnsafePointer<UInt8>
  private let count: Int
  private let fileName: String
  private var position: Int
  private var lineStart: Int
  /// The 1-based number of the line last returned by `next(into:capacity:)`.
  private(set) var line = 0
  /// Whether the line last returned holds nothing but spaces and tabs.
  private(set) var isBlank = true

  /// A tokenizer reading `base[start..<count]` (`start` skips a BOM).
  init(base: UnsafePointer<UInt8>, count: Int, start: Int, fileName: String) {
    self.base = base
    self.count = count
    self.position = start
    self.lineStart = start
    self.fileName = fileName
  }

  /// Reads the next line, storing its first `capacity` cells in `cells`.
  ///
  /// - Returns: The line's number of cells (which may exceed `capacity`; the
  ///   extra cells are counted, not stored), or `nil` at the end of the file.
  mutating func next(into cells: UnsafeMutablePointer<Cell>, capacity: Int) throws(CandleFileError)
    -> Int?
  {
    let p = base
    let end = count
    guard position < end else { return nil }
    line += 1
    lineStart = position
    var i = position
    var cellStart = i
    var quoteStart = -1
    var quoteEnd = -1
    var n = 0
    while true {
      var byte: UInt8 = 0x0A
      if i < end {
        byte = p[i]
        // Every byte the scanner acts on is at most 0x2C (`,`): digits,
        // letters, `.`, `-`, `:` and UTF-8 bytes go straight through.
        if byte > 0x2C {
          i &+= 1
          continue
        }
      }
      if byte == 0x2C || byte == 0x0A || byte == 0x0D || i == end {
        // End of a cell.
        if n < capacity {
          var lower = cellStart
          var upper = i
          if quoteStart >= 0 {
            lower = quoteStart
            upper = quoteEnd
          } else {
            while lower < upper && (p[lower] == 0x20 || p[lower] == 0x09) { lower &+= 1 }
            while upper > lower && (p[upper &- 1] == 0x20 || p[upper &- 1] == 0x09) { upper &-= 1 }
          }
          cells[n] = Cell(start: lower, end: upper)
        }
        n &+= 1
        if byte != 0x2C || i == end { break }
        quoteStart = -1
        i &+= 1
        cellStart = i
        continue
      }
      if byte < 0x20 && byte != 0x09 { throw binaryData(at: i) }
      if byte == 0x22 && quoteStart < 0 && onlyBlanks(cellStart, i) {
        var j = i &+ 1
        while j < end {
          let inner = p[j]
          if inner == 0x22 {
            if j &+ 1 < end && p[j &+ 1] == 0x22 {
              j &+= 2
              continue
            }
            break
          }
          if inner == 0x0A || inner == 0x0D { break }
          if inner < 0x20 && inner != 0x09 { throw binaryData(at: j) }
          j &+= 1
        }
        quoteStart = i &+ 1
        quoteEnd = j
        i = j < end && p[j] == 0x22 ? j &+ 1 : j
        continue
      }
      i &+= 1
    }
    isBlank = n == 1 && quoteStart < 0 && (capacity == 0 || cells[0].isEmpty)
    if i < end {
      if p[i] == 0x0D {
        i &+= 1
        if i < end && p[i] == 0x0A { i &+= 1 }
      } else {
        i &+= 1
      }
    }
    position = i
    return n
  }

  /// Makes the next call to `next(into:capacity:)` read the last line again.
  mutating func rewindLine() {
    position = lineStart
    line -= 1
  }

  private func onlyBlanks(_ start: Int, _ end: Int) -> Bool {
    var i = start
    while i < end {
      if base[i] != 0x20 && base[i] != 0x09 { return false }
      i += 1
    }
    return true
  }

  private func binaryData(at offset: Int) -> CandleFileError {
    CandleFileError(
      file: fileName, line: line, byteOffset: offset,
      reason:
        "binary data at byte offset \(offset) (byte \(Self.hex(base[offset]))); expected a text CSV file"
    )
  }

  /// The 1-based line number of byte `offset`, counting lines the way
  /// `next(into:capacity:)` does.
  static func lineNumber(atOffset offset: Int, in base: UnsafePointer<UInt8>, count: Int) -> Int {
    var line = 1
    var i = 0
    while i < offset {
      let byte = base[i]
      if byte == 0x0A || (byte == 0x0D && (i + 1 >= count || base[i + 1] != 0x0A)) { line += 1 }
      i += 1
    }
    return line
  }

  /// `0xFF`.
  static func hex(_ byte: UInt8) -> String {
    let digits = Array("0123456789ABCDEF")
    return "0x\(digits[Int(byte >> 4)])\(digits[Int(byte & 0xF)])"
  }
}
