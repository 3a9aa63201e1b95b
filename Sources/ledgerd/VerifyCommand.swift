import ArgumentParser
import EventLog

/// `ledgerd verify`: checks a whole log and exits 1 on any error.
struct VerifyCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "verify",
    abstract:
      "Check every batch checksum, sealed footer, dense offsets, payloads and causes of a log.",
    discussion: """
      Reads every segment without changing anything. Exit status 0 when the log is sound \
      (a torn tail after the durable checkpoint is a warning: the next writer open cuts it), \
      1 when anything is wrong, with each problem named by segment file, byte position and, \
      for event-level problems, offset.
      """
  )

  @OptionGroup var location: LogDirectoryOption
  @Flag(help: "Print the report as one JSON document.") var json = false

  struct Output: Encodable {
    var ok: Bool
    var segments: Int
    var batches: Int
    var events: Int
    var bytes: Int64
    var problems: [Problem]
  }

  struct Problem: Encodable {
    var severity: String
    var segment: String
    var position: Int64
    var offset: UInt64?
    var reason: String
  }

  func run() throws {
    let report: VerifyReport
    do {
      let bar = ProgressBar("verify")
      defer { bar.finish() }
      report = try LogVerifier.verify(directory: location.log) { done, total in
        bar.update(Int(done >> 10), of: Int(total >> 10))
      }
    } catch {
      throw CLIError(error.description)
    }
    if json {
      try JSONOutput.print(
        Output(
          ok: report.ok, segments: report.segments, batches: report.batches, events: report.events,
          bytes: report.bytes,
          problems: report.problems.map {
            Problem(
              severity: $0.severity.rawValue, segment: $0.segment, position: $0.position,
              offset: $0.offset, reason: $0.reason)
          }))
    } else {
      print(
        "verified \(location.log): \(report.segments) segments, \(report.batches) batches, \(report.events) events, \(report.bytes) bytes"
      )
      for p in report.problems { print(p) }
      let errors = report.problems.filter { $0.severity == .error }.count
      print(report.ok ? "ok" : "FAILED: \(errors) error\(errors == 1 ? "" : "s")")
    }
    if !report.ok { throw ExitCode(1) }
  }
}

/// A user-facing failure: printed as `error: …`, exit status 1.
struct CLIError: Error, CustomStringConvertible {
  var description: String
  init(_ message: String) { description = message }
}
