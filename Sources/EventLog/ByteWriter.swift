/// Little-endian and varint appends to a growing byte array: the one place
/// the log's binary layouts are written from.
struct ByteWriter {
  /// The bytes written so far.
  var bytes: [UInt8]

  init(capacity: Int = 0) {
    bytes = []
    bytes.reserveCapacity(capacity)
  }

  var count: Int { bytes.count }

  mutating func u8(_ v: UInt8) { bytes.append(v) }

  mutating func u16(_ v: UInt16) {
    bytes.append(UInt8(truncatingIfNeeded: v))
    bytes.append(UInt8(truncatingIfNeeded: v >> 8))
  }

  mutating func u32(_ v: UInt32) {
    withUnsafeBytes(of: v.littleEndian) { bytes.append(contentsOf: $0) }
  }

  mutating func u64(_ v: UInt64) {
    withUnsafeBytes(of: v.littleEndian) { bytes.append(contentsOf: $0) }
  }

  mutating func i64(_ v: Int64) { u64(UInt64(bitPattern: v)) }

  mutating func append<S: Sequence>(contentsOf s: S) where S.Element == UInt8 {
    bytes.append(contentsOf: s)
  }

  /// LEB128 unsigned varint.
  mutating func varint(_ value: UInt64) {
    var v = value
    while v >= 0x80 {
      bytes.append(UInt8(truncatingIfNeeded: v) | 0x80)
      v >>= 7
    }
    bytes.append(UInt8(v))
  }

  /// Zigzag-mapped signed varint.
  mutating func zigzag(_ value: Int64) { varint(ByteWriter.zigzag(value)) }

  static func zigzag(_ v: Int64) -> UInt64 { UInt64(bitPattern: (v << 1) ^ (v >> 63)) }

  /// Overwrites a little-endian UInt32 at `position`.
  mutating func patchU32(_ v: UInt32, at position: Int) {
    withUnsafeBytes(of: v.littleEndian) { b in
      for k in 0..<4 { bytes[position + k] = b[k] }
    }
  }
}

/// Bounds-checked little-endian and varint reads over raw bytes. Every read
/// that runs past the end, or a varint longer than 10 bytes, returns nil, so
/// a decoder can never read outside its input.
struct ByteReader {
  let base: UnsafeRawBufferPointer
  var position: Int

  init(_ base: UnsafeRawBufferPointer, position: Int = 0) {
    self.base = base
    self.position = position
  }

  var remaining: Int { base.count - position }
  var isAtEnd: Bool { position >= base.count }

  mutating func u8() -> UInt8? {
    guard position < base.count else { return nil }
    defer { position += 1 }
    return base[position]
  }

  mutating func u16() -> UInt16? {
    guard remaining >= 2 else { return nil }
    defer { position += 2 }
    return UInt16(littleEndian: base.loadUnaligned(fromByteOffset: position, as: UInt16.self))
  }

  mutating func u32() -> UInt32? {
    guard remaining >= 4 else { return nil }
    defer { position += 4 }
    return UInt32(littleEndian: base.loadUnaligned(fromByteOffset: position, as: UInt32.self))
  }

  mutating func u64() -> UInt64? {
    guard remaining >= 8 else { return nil }
    defer { position += 8 }
    return UInt64(littleEndian: base.loadUnaligned(fromByteOffset: position, as: UInt64.self))
  }

  mutating func i64() -> Int64? { u64().map { Int64(bitPattern: $0) } }

  mutating func bytes(_ n: Int) -> UnsafeRawBufferPointer? {
    guard n >= 0, remaining >= n else { return nil }
    defer { position += n }
    return UnsafeRawBufferPointer(rebasing: base[position..<(position + n)])
  }

  @inline(__always)
  mutating func varint() -> UInt64? {
    var result: UInt64 = 0
    var shift: UInt64 = 0
    while position < base.count {
      let b = base[position]
      position += 1
      result |= UInt64(b & 0x7F) << shift
      if b < 0x80 { return result }
      shift += 7
      if shift > 63 { return nil }
    }
    return nil
  }

  @inline(__always)
  mutating func zigzag() -> Int64? {
    guard let u = varint() else { return nil }
    return ByteReader.unzigzag(u)
  }

  @inline(__always)
  static func unzigzag(_ u: UInt64) -> Int64 { Int64(bitPattern: (u >> 1) ^ (0 &- (u & 1))) }
}
