/// A segment file found in a log directory.
struct SegmentEntry: Equatable, Sendable {
  var base: UInt64
  var name: String
  var path: String
}

/// Paths inside a log directory and the listing of its segments.
enum LogDirectory {
  static func segmentsPath(_ directory: String) -> String {
    directory + "/" + SegmentLayout.directoryName
  }

  static func lockPath(_ directory: String) -> String { directory + "/lock" }

  /// The segment files, by ascending base offset.
  static func segments(_ directory: String) throws(LogError) -> [SegmentEntry] {
    let dir = segmentsPath(directory)
    guard let names = try Directory.list(dir) else { return [] }
    return names.compactMap { name in
      SegmentLayout.baseOffset(fileName: name).map {
        SegmentEntry(base: $0, name: name, path: dir + "/" + name)
      }
    }.sorted { $0.base < $1.base }
  }
}
