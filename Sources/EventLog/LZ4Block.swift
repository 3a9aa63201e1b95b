import CLZ4

/// The LZ4 block format (liblz4), the compression of every batch body.
enum LZ4Block {
  /// Compresses `source` and appends the block to `output`.
  static func compress(_ source: UnsafeRawBufferPointer, appendingTo output: inout [UInt8]) {
    let bound = Int(LZ4_compressBound(Int32(source.count)))
    let start = output.count
    output.append(contentsOf: repeatElement(0, count: bound))
    let written = output.withUnsafeMutableBytes { out -> Int32 in
      let dst = out.baseAddress!.advanced(by: start).assumingMemoryBound(to: CChar.self)
      guard let src = source.baseAddress else { return 0 }
      return LZ4_compress_default(
        src.assumingMemoryBound(to: CChar.self), dst, Int32(source.count), Int32(bound))
    }
    output.removeLast(bound - Int(written))
  }

  /// Decompresses a block that must expand to exactly `rawLength` bytes.
  /// Returns nil when the block is malformed or has another length.
  static func decompress(
    _ block: UnsafeRawBufferPointer, rawLength: Int, into output: inout [UInt8]
  )
    -> Bool
  {
    if output.count != rawLength {
      output = [UInt8](repeating: 0, count: rawLength)
    }
    if rawLength == 0 { return block.count == 1 && block.first == 0 }
    guard let src = block.baseAddress else { return false }
    let n = output.withUnsafeMutableBytes { out -> Int32 in
      LZ4_decompress_safe(
        src.assumingMemoryBound(to: CChar.self),
        out.baseAddress!.assumingMemoryBound(to: CChar.self), Int32(block.count), Int32(rawLength))
    }
    return Int(n) == rawLength
  }
}
