/// The last `capacity` values of a stream, oldest first, as a random-access
/// collection indexed 0 ..< count: the bounded histories streaming TA keeps
/// (slope windows, RSI changes, ATR means) without reallocating per bar.
public struct RingBuffer: RandomAccessCollection, Sendable, Equatable, Codable {
  /// The most values kept.
  public let capacity: Int
  private var storage: [Double]
  private var head = 0
  /// How many values are held (≤ capacity).
  public private(set) var count = 0

  /// An empty buffer keeping at most `capacity` (> 0) values.
  public init(capacity: Int) {
    precondition(capacity > 0, "a ring buffer needs a positive capacity")
    self.capacity = capacity
    storage = [Double](repeating: 0, count: capacity)
  }

  /// Appends `value`, dropping the oldest when full.
  public mutating func append(_ value: Double) {
    if count < capacity {
      storage[(head + count) % capacity] = value
      count += 1
    } else {
      storage[head] = value
      head = (head + 1) % capacity
    }
  }

  /// The position of the oldest value.
  public var startIndex: Int { 0 }
  /// One past the newest value.
  public var endIndex: Int { count }
  /// The `i`-th value, oldest first.
  public subscript(i: Int) -> Double { storage[(head + i) % capacity] }
  /// The newest value, if any.
  public var newest: Double? { count == 0 ? nil : self[count - 1] }
  /// The value `back` steps before the newest (0 = newest), if held.
  public func value(back: Int) -> Double? { back < count ? self[count - 1 - back] : nil }
}
