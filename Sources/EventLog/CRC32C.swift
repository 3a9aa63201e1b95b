/// CRC-32C (Castagnoli, reflected polynomial 0x82F63B78), the checksum of
/// batches, segment footers, checkpoints and index entries.
///
/// Slice-by-8 tables in software: fast enough that checksumming never shows
/// in a read profile, and identical on every machine.
public enum CRC32C {
  /// Checksum of `bytes`, continuing from `crc` (pass the previous result
  /// to checksum data that arrives in pieces).
  public static func checksum(_ bytes: UnsafeRawBufferPointer, continuing crc: UInt32 = 0) -> UInt32
  {
    var c = ~crc
    var i = 0
    let n = bytes.count
    guard n > 0, let base = bytes.baseAddress else { return crc }
    tables.withUnsafeBufferPointer { t in
      while n - i >= 8 {
        let lo = base.loadUnaligned(fromByteOffset: i, as: UInt32.self).littleEndian ^ c
        let hi = base.loadUnaligned(fromByteOffset: i + 4, as: UInt32.self).littleEndian
        c =
          t[7 * 256 + Int(lo & 0xFF)] ^ t[6 * 256 + Int((lo >> 8) & 0xFF)]
          ^ t[5 * 256 + Int((lo >> 16) & 0xFF)] ^ t[4 * 256 + Int(lo >> 24)]
          ^ t[3 * 256 + Int(hi & 0xFF)] ^ t[2 * 256 + Int((hi >> 8) & 0xFF)]
          ^ t[1 * 256 + Int((hi >> 16) & 0xFF)] ^ t[Int(hi >> 24)]
        i += 8
      }
      while i < n {
        c = t[Int((c ^ UInt32(base.load(fromByteOffset: i, as: UInt8.self))) & 0xFF)] ^ (c >> 8)
        i += 1
      }
    }
    return ~c
  }

  /// Checksum of a byte array, continuing from `crc`.
  public static func checksum(_ bytes: [UInt8], continuing crc: UInt32 = 0) -> UInt32 {
    bytes.withUnsafeBytes { checksum($0, continuing: crc) }
  }

  /// Checksum of a slice of a byte array, continuing from `crc`.
  public static func checksum(_ bytes: ArraySlice<UInt8>, continuing crc: UInt32 = 0) -> UInt32 {
    bytes.withUnsafeBytes { checksum($0, continuing: crc) }
  }

  private static let tables: [UInt32] = {
    var t = [UInt32](repeating: 0, count: 8 * 256)
    for n in 0..<256 {
      var c = UInt32(n)
      for _ in 0..<8 { c = (c & 1) != 0 ? (c >> 1) ^ 0x82F6_3B78 : c >> 1 }
      t[n] = c
    }
    for n in 0..<256 {
      var c = t[n]
      for k in 1..<8 {
        c = t[Int(c & 0xFF)] ^ (c >> 8)
        t[k * 256 + n] = c
      }
    }
    return t
  }()
}
