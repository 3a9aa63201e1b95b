/// Locates the first byte that is not valid UTF-8 (the slow path, run only
/// after the standard library's validation has failed).
enum UTF8Check {
  /// The offset of the first byte of the first ill-formed UTF-8 sequence, or
  /// `nil` when `buffer` is valid UTF-8.
  static func firstInvalidOffset(_ buffer: UnsafeBufferPointer<UInt8>) -> Int? {
    var i = 0
    let end = buffer.count
    while i < end {
      let lead = buffer[i]
      if lead < 0x80 {
        i += 1
        continue
      }
      let length: Int
      var lowest: UInt8 = 0x80
      var highest: UInt8 = 0xBF
      switch lead {
      case 0xC2...0xDF: length = 2
      case 0xE0:
        length = 3
        lowest = 0xA0
      case 0xE1...0xEC, 0xEE...0xEF: length = 3
      case 0xED:
        length = 3
        highest = 0x9F
      case 0xF0:
        length = 4
        lowest = 0x90
      case 0xF1...0xF3: length = 4
      case 0xF4:
        length = 4
        highest = 0x8F
      default: return i
      }
      guard i + length <= end, (lowest...highest).contains(buffer[i + 1]) else { return i }
      for k in 2..<length where !(0x80...0xBF).contains(buffer[i + k]) { return i }
      i += length
    }
    return nil
  }

  /// The offset of the first control byte other than tab, CR and LF before
  /// `end`, or `nil`.
  static func firstControlOffset(_ buffer: UnsafeBufferPointer<UInt8>, before end: Int) -> Int? {
    var i = 0
    while i < end {
      let byte = buffer[i]
      if byte < 0x20 && byte != 0x09 && byte != 0x0A && byte != 0x0D { return i }
      i += 1
    }
    return nil
  }
}
