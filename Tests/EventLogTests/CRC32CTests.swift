import Testing

@testable import EventLog

/// CRC-32C against the published vectors of RFC 3720 §B.4 and the common check value.
@Suite struct CRC32CTests {
  @Test func checkValue() {
    #expect(CRC32C.checksum(Array("123456789".utf8)) == 0xE306_9283)
  }

  @Test func rfc3720Vectors() {
    #expect(CRC32C.checksum([UInt8](repeating: 0, count: 32)) == 0x8A91_36AA)
    #expect(CRC32C.checksum([UInt8](repeating: 0xFF, count: 32)) == 0x62A8_AB43)
    #expect(CRC32C.checksum((0..<32).map { UInt8($0) }) == 0x46DD_794E)
    #expect(CRC32C.checksum((0..<32).reversed().map { UInt8($0) }) == 0x113F_DB5C)
  }

  @Test func emptyInputIsZero() {
    #expect(CRC32C.checksum([UInt8]()) == 0)
  }

  @Test func continuingEqualsWhole() {
    var rng = SeededRandom(seed: 7)
    let bytes = (0..<1000).map { _ in UInt8.random(in: 0...255, using: &rng) }
    for split in [0, 1, 7, 8, 9, 500, 999, 1000] {
      let a = CRC32C.checksum(bytes[0..<split])
      #expect(CRC32C.checksum(bytes[split...], continuing: a) == CRC32C.checksum(bytes))
    }
  }

  @Test func slicedMatchesBitwise() {
    var rng = SeededRandom(seed: 9)
    for n in [1, 3, 8, 15, 16, 17, 64, 1023] {
      let bytes = (0..<n).map { _ in UInt8.random(in: 0...255, using: &rng) }
      var c: UInt32 = ~0
      for b in bytes {
        c ^= UInt32(b)
        for _ in 0..<8 { c = (c & 1) != 0 ? (c >> 1) ^ 0x82F6_3B78 : c >> 1 }
      }
      #expect(CRC32C.checksum(bytes) == ~c)
    }
  }
}
