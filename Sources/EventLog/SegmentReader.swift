/// What was found at a byte position of a segment.
enum BatchRead {
  /// A whole batch whose checksum matches.
  case batch(LogBatch)
  /// Exactly at the end of the readable data.
  case end
  /// Something that is not a whole valid batch, and why.
  case invalid(String)
}

/// Buffered sequential reads of the batches of one segment file. It checks
/// each batch's framing and CRC32C and never returns unchecked bytes.
final class SegmentReader {
  let file: PosixFile
  /// The segment's file name (for error messages).
  let name: String
  let base: UInt64
  private var buffer: [UInt8] = []
  private var bufferStart: Int64 = 0
  private var bufferCount = 0
  private static let window = 1 << 20

  init(path: String, name: String, base: UInt64) throws(LogError) {
    file = try PosixFile.open(path, writable: false)
    self.name = name
    self.base = base
  }

  init(file: PosixFile, name: String, base: UInt64) {
    self.file = file
    self.name = name
    self.base = base
  }

  /// Drops buffered bytes (the file may have grown or been cut).
  func invalidate() { bufferCount = 0 }

  /// Makes `[position, position + count)` available in the buffer, reading at
  /// most up to `limit`; returns the buffer index of `position`, or nil when
  /// fewer bytes exist.
  private func ensure(_ position: Int64, _ count: Int, limit: Int64) throws(LogError) -> Int? {
    guard position + Int64(count) <= limit else { return nil }
    if position >= bufferStart, position + Int64(count) <= bufferStart + Int64(bufferCount) {
      return Int(position - bufferStart)
    }
    let want = Int(min(Int64(max(count, SegmentReader.window)), limit - position))
    if buffer.count < want { buffer = [UInt8](repeating: 0, count: want) }
    bufferStart = position
    bufferCount = try file.read(into: &buffer, count: want, offset: position)
    return bufferCount >= count ? 0 : nil
  }

  /// The header at `position`, unchecked by CRC (seeks and index rebuilds).
  func header(at position: Int64, limit: Int64) throws(LogError) -> Result<
    BatchHeader, PayloadError
  >? {
    if position == limit { return nil }
    guard let i = try ensure(position, BatchHeader.size, limit: limit) else {
      return .failure(
        PayloadError("\(limit - position) bytes at the end are too few for a batch header"))
    }
    return buffer.withUnsafeBytes {
      BatchHeader.decode(UnsafeRawBufferPointer(rebasing: $0[i..<(i + BatchHeader.size)]))
    }
  }

  /// The batch at `position`, reading no further than `limit`.
  func batch(at position: Int64, limit: Int64) throws(LogError) -> BatchRead {
    if position == limit { return .end }
    guard let i = try ensure(position, BatchHeader.size, limit: limit) else {
      return .invalid("\(limit - position) bytes at the end are too few for a batch header")
    }
    let decoded = buffer.withUnsafeBytes {
      BatchHeader.decode(UnsafeRawBufferPointer(rebasing: $0[i..<(i + BatchHeader.size)]))
    }
    let header: BatchHeader
    switch decoded {
    case .failure(let e): return .invalid(e.reason)
    case .success(let h): header = h
    }
    guard position + Int64(header.totalLength) <= limit else {
      return .invalid(
        "batch of \(header.totalLength) bytes runs past the end (\(limit - position) bytes left)")
    }
    guard let j = try ensure(position, header.totalLength, limit: limit) else {
      return .invalid("batch of \(header.totalLength) bytes runs past the end of the file")
    }
    let ok = buffer.withUnsafeBytes { raw in
      BatchEncoder.checksumMatches(
        header: header,
        headerBytes: UnsafeRawBufferPointer(rebasing: raw[j..<(j + BatchHeader.size)]),
        body: UnsafeRawBufferPointer(
          rebasing: raw[(j + BatchHeader.size)..<(j + header.totalLength)]))
    }
    guard ok else { return .invalid("batch checksum mismatch (base offset \(header.baseOffset))") }
    let body = Array(buffer[(j + BatchHeader.size)..<(j + header.totalLength)])
    return .batch(LogBatch(header: header, body: body, segment: name, position: position))
  }

  /// The raw bytes `[position, position + count)` (checksumming whole files).
  func bytes(at position: Int64, count: Int) throws(LogError) -> [UInt8] {
    try file.read(count: count, at: position)
  }
}
