/// The byte range of one CSV cell's value (trimmed of spaces and tabs, and of
/// its surrounding quotes when quoted), as offsets into the file's bytes.
struct Cell {
  /// Offset of the first byte of the value.
  var start: Int
  /// Offset one past the last byte of the value.
  var end: Int

  /// Whether the value is empty.
  var isEmpty: Bool { start == end }
}
