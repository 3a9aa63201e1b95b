/// A first-in-first-out sequence that grows at the back and shrinks at both
/// ends in amortised O(1), for the sliding-window state of the incremental
/// S/R provider (swings in index order, monotonic extreme queues). Storage is
/// a plain array with a head offset, compacted when the dead prefix is large,
/// so the value stays cheap to copy. Equality and the encoded form (a JSON
/// array) see the live elements only, so a decoded copy equals the original.
struct SRSlidingDeque<Element: Codable & Sendable & Equatable>: Codable, Sendable, Equatable {
  /// Elements; those before `head` are dead.
  private var storage: [Element] = []
  /// Position of the first live element.
  private var head = 0

  /// An empty deque.
  init() {}

  /// A deque of the encoded live elements, oldest first.
  init(from decoder: any Decoder) throws {
    storage = try [Element](from: decoder)
  }

  /// Encodes the live elements, oldest first, as an array.
  func encode(to encoder: any Encoder) throws {
    try storage[head...].map { $0 }.encode(to: encoder)
  }

  /// Same live elements in the same order.
  static func == (lhs: Self, rhs: Self) -> Bool {
    lhs.storage[lhs.head...].elementsEqual(rhs.storage[rhs.head...])
  }

  /// Whether no element is live.
  var isEmpty: Bool { head == storage.count }
  /// The oldest live element.
  var first: Element? { isEmpty ? nil : storage[head] }
  /// The newest live element.
  var last: Element? { isEmpty ? nil : storage[storage.count - 1] }

  /// Adds `element` at the back.
  mutating func append(_ element: Element) { storage.append(element) }

  /// Removes the newest element (the deque must not be empty).
  mutating func removeLast() { storage.removeLast() }

  /// Removes the oldest element (the deque must not be empty); compacts the
  /// storage once the dead prefix outweighs the live part.
  mutating func removeFirst() {
    head += 1
    if head == storage.count {
      storage.removeAll(keepingCapacity: true)
      head = 0
    } else if head >= 64 && head * 2 >= storage.count {
      storage.removeFirst(head)
      head = 0
    }
  }
}
