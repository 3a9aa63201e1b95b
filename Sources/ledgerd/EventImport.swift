import ArgumentParser
import EventLog
import Foundation

/// `ledgerd import --events FILE.ndjson`: source events in `cat`'s form, in
/// file order with their recorded event times. Lines that do not parse, name
/// a derived or unknown type, or break a payload rule are rejected by line;
/// an event identical to one already in its stream is skipped and counted;
/// a market-data event older than its stream's last one is rejected.
enum EventImport {
  struct Key: Hashable {
    var stream: String
    var time: Int64
    var type: EventType
    var payload: [UInt8]
  }

  static func run(path: String, into writer: LogWriter) throws {
    guard let data = FileManager.default.contents(atPath: path) else {
      throw CLIError("\(path): cannot read the file")
    }
    guard let text = String(validating: data, as: UTF8.self) else {
      throw CLIError("\(path): not UTF-8 text")
    }
    let name = URL(fileURLWithPath: path).lastPathComponent
    var parsed: [(line: Int, event: Event)] = []
    var rejections: [(line: Int, message: String)] = []
    for (i, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
      let trimmed = line.hasSuffix("\r") ? line.dropLast() : line
      guard !trimmed.allSatisfy({ $0 == " " || $0 == "\t" }) else { continue }
      do {
        parsed.append((i + 1, try EventJSON.sourceEvent(fromLine: String(trimmed))))
      } catch {
        rejections.append((i + 1, "\(name):\(i + 1): \(error.reason)"))
      }
    }
    var (existing, last) = try state(of: writer.directory, streams: Set(parsed.map(\.event.stream)))
    var accepted: [Event] = []
    var duplicates = 0
    for (line, e) in parsed {
      let key = Key(stream: e.stream, time: e.eventTime, type: e.type, payload: e.payload)
      if existing.contains(key) {
        duplicates += 1
        continue
      }
      if let problem = singleProblem(e) {
        rejections.append((line, "\(name):\(line): \(problem)"))
        continue
      }
      if EventCatalog.registry[e.type]?.isMarketData == true {
        if let l = last[e.stream], e.eventTime < l {
          rejections.append(
            (
              line,
              "\(name):\(line): event time \(EventJSON.isoTime(e.eventTime)) is older than \(e.stream)'s last event (\(EventJSON.isoTime(l)))"
            ))
          continue
        }
        last[e.stream] = e.eventTime
      }
      existing.insert(key)
      accepted.append(e)
    }
    var range: Range<UInt64>?
    for start in stride(from: 0, to: accepted.count, by: 1000) {
      do {
        let r = try writer.append(Array(accepted[start..<min(start + 1000, accepted.count)]))
        range = (range?.lowerBound ?? r.lowerBound)..<r.upperBound
      } catch {
        throw CLIError(error.description)
      }
    }
    do {
      try writer.close()
    } catch {
      throw CLIError(error.description)
    }
    for r in rejections.sorted(by: { $0.line < $1.line }) { printError("rejected: \(r.message)") }
    let offsets = range.map { " (offsets \($0.lowerBound)..<\($0.upperBound))" } ?? ""
    print(
      "\(name): \(accepted.count) imported\(offsets), \(duplicates) duplicates skipped, \(rejections.count) rejected"
    )
    if !rejections.isEmpty { throw ExitCode(1) }
  }

  /// The envelope and payload rules one event breaks, checked alone so one bad
  /// line never rejects the lines around it.
  static func singleProblem(_ e: Event) -> String? {
    EventValidation.problem(of: e)
  }

  /// Existing events of `streams`, and each stream's last market-data time.
  static func state(of directory: String, streams: Set<String>) throws -> (
    Set<Key>, [String: Int64]
  ) {
    var keys = Set<Key>()
    var last: [String: Int64] = [:]
    do {
      let cursor = try LogReader(directory: directory).cursor()
      while let b = try cursor.next() {
        for r in try b.records() where streams.contains(r.event.stream) {
          let e = r.event
          keys.insert(Key(stream: e.stream, time: e.eventTime, type: e.type, payload: e.payload))
          if EventCatalog.registry[e.type]?.isMarketData == true {
            last[e.stream] = max(last[e.stream] ?? .min, e.eventTime)
          }
        }
      }
    } catch {
      throw CLIError(error.description)
    }
    return (keys, last)
  }
}
