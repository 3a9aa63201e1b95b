import Foundation

#if canImport(Glibc)
  import Glibc
#endif

/// A progress bar on standard error, shown only on a terminal and only once
/// the work has taken more than a second (so quick runs and pipes stay clean).
final class ProgressBar {
  private let label: String
  private let enabled: Bool
  private let start = ContinuousClock.now
  private var lastDraw = ContinuousClock.now
  private var drawn = false

  init(_ label: String) {
    self.label = label
    enabled = isatty(STDERR_FILENO) == 1
  }

  /// Reports `done` of `total` units.
  func update(_ done: Int, of total: Int) {
    guard enabled, total > 0 else { return }
    let now = ContinuousClock.now
    guard now - start > .seconds(1), now - lastDraw > .milliseconds(100) || done == total else {
      return
    }
    lastDraw = now
    drawn = true
    let width = 30
    let filled = min(width, done * width / total)
    let bar = String(repeating: "#", count: filled) + String(repeating: " ", count: width - filled)
    FileHandle.standardError.write(
      Data("\r\(label) [\(bar)] \(done * 100 / total)% \(done)/\(total)".utf8))
  }

  /// Clears the bar.
  func finish() {
    guard drawn else { return }
    FileHandle.standardError.write(Data("\r\u{1B}[K".utf8))
  }
}
