/// The last `capacity` values of a stream, oldest first, as a random-access
/// collection indexed 0 ..< count: the bounded histories streaming TA keeps
/// (slope windows, RSI changes, ATR means). The values stay contiguous (a
/// sliding window over an array of up to twice the capacity, compacted once
/// per `capacity` appends), so reading them costs no index arithmetic.
public struct RingBuffer: RandomAccessCollection, Sendable, Equatable, Codable {
  /// The most values kept.
  public let capacity: Int
  private var storage: [Double]
  private var start = 0

  /// An empty buffer keeping at most `capacity` (> 0) values.
  public init(capacity: Int) {
    precondition(capacity > 0, "a ring buffer needs a positive capacity")
    self.capacity = capacity
    storage = []
    storage.reserveCapacity(2 * capacity)
  }

  /// Appends `value`, dropping the oldest when full (amortised O(1)).
  public mutating func append(_ value: Double) {
    if storage.count - start == capacity {
      start += 1
      if storage.count == 2 * capacity {
        storage.removeFirst(start)
        start = 0
      }
    }
    storage.append(value)
  }

  /// How many values are held (≤ capacity).
  public var count: Int { storage.count - start }
  /// The position of the oldest value.
  public var startIndex: Int { 0 }
  /// One past the newest value.
  public var endIndex: Int { storage.count - start }
  /// The `i`-th value, oldest first.
  @inline(__always)
  public subscript(i: Int) -> Double { storage[start + i] }
  /// The newest value, if any.
  public var newest: Double? { storage.count > start ? storage[storage.count - 1] : nil }
  /// The value `back` steps before the newest (0 = newest), if held.
  public func value(back: Int) -> Double? { back < count ? storage[storage.count - 1 - back] : nil }
  /// The values `range` (0-based, oldest first) as a contiguous slice.
  public func slice(_ range: Range<Int>) -> ArraySlice<Double> {
    storage[(start + range.lowerBound)..<(start + range.upperBound)]
  }
  /// The last `n` values as a contiguous slice.
  public func last(_ n: Int) -> ArraySlice<Double> { slice((count - n)..<count) }

  /// Equal when the held values are equal (the layout is not part of the value).
  public static func == (a: RingBuffer, b: RingBuffer) -> Bool {
    a.capacity == b.capacity && a.count == b.count && a.elementsEqual(b)
  }

  private enum CodingKeys: String, CodingKey { case capacity, values }

  /// Restores the held values.
  public init(from decoder: any Decoder) throws {
    let c = try decoder.container(keyedBy: CodingKeys.self)
    capacity = try c.decode(Int.self, forKey: .capacity)
    storage = try c.decode([Double].self, forKey: .values)
    storage.reserveCapacity(2 * capacity)
  }

  /// Writes the held values, oldest first.
  public func encode(to encoder: any Encoder) throws {
    var c = encoder.container(keyedBy: CodingKeys.self)
    try c.encode(capacity, forKey: .capacity)
    try c.encode(Array(storage[start...]), forKey: .values)
  }
}
