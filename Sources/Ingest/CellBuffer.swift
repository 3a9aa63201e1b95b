/// Manually managed storage for the cells of one line, reused for every line
/// (an `Array` would cost a uniqueness check per cell in debug builds).
struct CellBuffer {
  private(set) var pointer: UnsafeMutablePointer<Cell>
  private(set) var capacity: Int

  init(capacity: Int) {
    self.capacity = max(capacity, 1)
    pointer = .allocate(capacity: self.capacity)
  }

  /// Grows the storage to hold at least `count` cells (contents are lost).
  mutating func reserve(_ count: Int) {
    guard count > capacity else { return }
    pointer.deallocate()
    capacity = count
    pointer = .allocate(capacity: count)
  }

  func deallocate() { pointer.deallocate() }
}
