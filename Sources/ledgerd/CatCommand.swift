import ArgumentParser
import EventLog
import Foundation
import Ingest
import SwiftProtobuf

/// `ledgerd cat`: events as NDJSON, one per line.
struct CatCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "cat",
    abstract:
      "Print events as NDJSON: offset, event time, type, stream, schema version, formula, causes, payload.",
    discussion: """
      Times (--since, --until) are ISO-8601 (2019-10-17, 2019-10-17T09:00:00Z) or epoch \
      seconds/milliseconds. --since starts at the first batch whose watermark reaches T (the time \
      index) and keeps events with event time ≥ T; --until keeps events with event time ≤ T. \
      Payload enums print as their text (EVENTS.md §10). The output of source events \
      re-imports with `ledgerd import --events` to identical events.
      """
  )

  @OptionGroup var location: LogDirectoryOption
  @Option(help: "Start at this offset.") var from: UInt64?
  @Option(help: "Only events with event time ≥ T.") var since: String?
  @Option(help: "Only events with event time ≤ T.") var until: String?
  @Option(help: "Only events of this wire type (e.g. candle).") var type: String?
  @Option(help: "Only events of this stream.") var stream: String?
  @Option(help: "Print at most N events.") var limit: Int?

  func run() throws {
    let sinceTime = try since.map { s throws in
      guard let t = InstantText.parse(s) else {
        throw ValidationError("--since: \"\(s)\" is not a time")
      }
      return t
    }
    let untilTime = try until.map { s throws in
      guard let t = InstantText.parse(s) else {
        throw ValidationError("--until: \"\(s)\" is not a time")
      }
      return t
    }
    let wanted = try type.map { name throws in
      guard let t = EventCatalog.type(named: name) else {
        let names = EventCatalog.registry.all.map(\.wireName).joined(separator: ", ")
        throw ValidationError("--type: unknown type \"\(name)\" (known: \(names))")
      }
      return t
    }
    do {
      try print(since: sinceTime, until: untilTime, type: wanted)
    } catch let e as LogError {
      throw CLIError(e.description)
    }
  }

  private func print(since: Int64?, until: Int64?, type: EventType?) throws {
    let reader = try LogReader(directory: location.log)
    let formulaNames = try FormulaNames.read(reader)
    let cursor: LogCursor
    if let t = since, from == nil {
      cursor = try reader.cursor(sinceTime: t)
    } else {
      cursor = try reader.cursor(from: from ?? 0)
    }
    var out = OutputBuffer()
    var printed = 0
    while let batch = try cursor.next() {
      for r in try cursor.records(of: batch) {
        if let l = limit, printed >= l {
          out.flush()
          return
        }
        let e = r.event
        if let t = since, e.eventTime < t { continue }
        if let t = until, e.eventTime > t { continue }
        if let t = type, e.type != t { continue }
        if let s = stream, e.stream != s { continue }
        do {
          out.write(try EventJSON.line(r, formulaNames: formulaNames))
        } catch {
          throw LogError.unknownType(
            segment: batch.segment, position: batch.position, offset: r.offset,
            type: e.type.rawValue,
            version: e.schemaVersion)
        }
        printed += 1
      }
    }
    out.flush()
  }
}

/// Formula stamps → set names, from the log's `FormulaSetDefined` events.
enum FormulaNames {
  static func read(_ reader: LogReader) throws -> [UInt64: String] {
    var names: [UInt64: String] = [:]
    let cursor = try reader.cursor()
    while let b = try cursor.next() {
      if b.header.codec == .candle { continue }
      for r in try b.records() where r.event.type == EventType(rawValue: 901) {
        guard let m = try? Ledger_V1_FormulaSetDefined(serializedBytes: r.event.payload),
          m.sha256.count >= 8
        else {
          continue
        }
        names[Event.formulaStamp(sha256: m.sha256)] = m.name
      }
    }
    return names
  }
}

/// Buffered standard output for fast NDJSON.
struct OutputBuffer {
  private var bytes: [UInt8] = []

  mutating func write(_ line: String) {
    bytes.append(contentsOf: line.utf8)
    bytes.append(10)
    if bytes.count > 1 << 16 { flush() }
  }

  mutating func flush() {
    guard !bytes.isEmpty else { return }
    FileHandle.standardOutput.write(Data(bytes))
    bytes.removeAll(keepingCapacity: true)
  }
}
