import EventLog
import Foundation

/// `ledger-bench`: the event log's throughput and size beside SQLite and
/// `lz4 -b1`, on the real hourly BTC candles repeated; `ledger-bench engines`
/// runs the engines benchmark (`EngineBench`). Not a test: it prints
/// figures, it asserts nothing.
@main
struct LedgerBench {
  struct Settings {
    var events = 10_000_000
    var fsyncEvents = 2_000_000
    var batchSize = 1000
    var appenders = 32
    var sqlite = true
    var work = "bench-out"
    var data = "data"
  }

  static func parse(_ args: [String]) throws -> Settings {
    var s = Settings()
    var it = Arguments(args)
    func value(_ flag: String) throws -> String { try it.value(of: flag) }
    while let a = it.next() {
      switch a {
      case "--quick":
        s.events = 1_000_000
        s.fsyncEvents = 200_000
      case "--events": s.events = Int(try value(a)) ?? s.events
      case "--fsync-events": s.fsyncEvents = Int(try value(a)) ?? s.fsyncEvents
      case "--batch-size": s.batchSize = Int(try value(a)) ?? s.batchSize
      case "--appenders": s.appenders = Int(try value(a)) ?? s.appenders
      case "--no-sqlite": s.sqlite = false
      case "--work": s.work = try value(a)
      case "--data": s.data = try value(a)
      case "--help", "-h":
        print(
          """
          USAGE: ledger-bench [--quick] [--events N] [--fsync-events N] [--batch-size N] [--appenders N]
                              [--no-sqlite] [--work DIR] [--data DIR]
            --quick   1 M events (200 k under fsync) instead of 10 M (2 M under fsync)
          ledger-bench engines --help   the engines benchmark (TA beside TA-Lib, engine, process)
          """)
        exit(0)
      default: throw BenchError("unknown argument \(a) (see --help)")
      }
    }
    return s
  }

  static func main() {
    do {
      let args = Array(CommandLine.arguments.dropFirst())
      if args.first == "engines" {
        try EngineBench.run(EngineBench.parse(Array(args.dropFirst())))
      } else {
        try run(parse(args))
      }
    } catch {
      FileHandle.standardError.write(Data("ledger-bench: \(error)\n".utf8))
      exit(1)
    }
  }

  static func run(_ s: Settings) throws {
    try FileManager.default.createDirectory(atPath: s.work, withIntermediateDirectories: true)
    let data = try BenchData.load(dataDirectory: s.data, events: s.events, batchSize: s.batchSize)
    let all = data.batches[...]
    let fsyncBatches = all.prefix(max(1, s.fsyncEvents / s.batchSize))
    print(
      "ledger-bench: \(data.eventCount) candle events (real hourly BTC, \(data.realHourly.count) bars, repeated over 10 streams with shifted times), batches of \(s.batchSize), work dir \(s.work)"
    )
    print(
      "machine: \(ProcessInfo.processInfo.activeProcessorCount) cores; appends and reads single-threaded unless noted\n"
    )

    print("append (a fresh log per run; MB/s of uncompressed EVENTS §2 records / of bytes written)")
    var appends: [LogBench.AppendResult] = []
    appends.append(
      try LogBench.append(fsyncBatches, into: s.work + "/log-fsync", policy: .fsyncEachBatch))
    appends.append(
      try LogBench.append(
        all, into: s.work + "/log-group", policy: .groupCommit(milliseconds: 5),
        threads: s.appenders))
    appends.append(try LogBench.append(all, into: s.work + "/log-none", policy: .none))
    appends.append(
      try LogBench.append(all, into: s.work + "/log-generic", policy: .none, codec: .generic))
    appends[3].policy += ", generic codec"
    Table.print(
      ["policy", "events", "seconds", "events/s", "MB/s rec", "MB/s disk", "B/event"],
      appends.map {
        [
          $0.policy, String($0.events), Table.f($0.seconds, 2),
          Table.rate(Double($0.events) / $0.seconds),
          Table.f(Double($0.recordBytes) / $0.seconds / 1e6, 1),
          Table.f(Double($0.storedBytes) / $0.seconds / 1e6, 1),
          Table.f(Double($0.storedBytes) / Double($0.events), 2),
        ]
      })

    print("\nread + decode, one core (log written under policy none)")
    let typed = try LogBench.readTyped(s.work + "/log-none")
    let records = try LogBench.readRecords(s.work + "/log-none")
    let genericTyped = try LogBench.readTyped(s.work + "/log-generic")
    Table.print(
      ["path", "events", "seconds", "events/s"],
      [
        [
          "candle codec → typed columns", String(typed.events), Table.f(typed.seconds, 2),
          Table.rate(Double(typed.events) / typed.seconds),
        ],
        [
          "candle codec → §2 records → payload", String(records.events),
          Table.f(records.seconds, 2), Table.rate(Double(records.events) / records.seconds),
        ],
        [
          "generic codec → typed columns", String(genericTyped.events),
          Table.f(genericTyped.seconds, 2),
          Table.rate(Double(genericTyped.events) / genericTyped.seconds),
        ],
      ])

    print("\nbytes per candle on disk (segment files: headers, batch headers and bodies)")
    let realBatches = stride(from: 0, to: data.realHourly.count, by: s.batchSize).map {
      Array(data.realHourly[$0..<min($0 + s.batchSize, data.realHourly.count)])
    }[...]
    let realCandle = try LogBench.append(realBatches, into: s.work + "/real-candle", policy: .none)
    let realGeneric = try LogBench.append(
      realBatches, into: s.work + "/real-generic", policy: .none, codec: .generic)
    Table.print(
      ["data", "candle codec", "generic codec"],
      [
        [
          "real hourly file (20,111 bars, both volumes, venue)", Table.f(perEvent(realCandle), 2),
          Table.f(perEvent(realGeneric), 2),
        ],
        [
          "benchmark set (\(appends[2].events) events)", Table.f(perEvent(appends[2]), 2),
          Table.f(perEvent(appends[3]), 2),
        ],
      ])

    var sqlite: [SQLiteBench.Result] = []
    if s.sqlite {
      print(
        "\nSQLite (GRDB 7, WAL, one prepared INSERT, \(s.batchSize) rows per transaction; read = SELECT … ORDER BY offset + payload decode)"
      )
      sqlite.append(
        try SQLiteBench.run(fsyncBatches, path: s.work + "/sqlite-full.db", synchronous: "FULL"))
      sqlite.append(
        try SQLiteBench.run(all, path: s.work + "/sqlite-normal.db", synchronous: "NORMAL"))
      Table.print(
        ["synchronous", "events", "append s", "append events/s", "read events/s", "B/event"],
        sqlite.map {
          [
            $0.synchronous, String($0.events), Table.f($0.appendSeconds, 2),
            Table.rate(Double($0.events) / $0.appendSeconds),
            Table.rate(Double($0.events) / $0.readSeconds),
            Table.f(Double($0.bytes) / Double($0.events), 2),
          ]
        })
      let full = sqlite[0]
      let normal = sqlite[1]
      func r(_ a: Double, _ b: Double) -> String { Table.f(a / b, 2) + "×" }
      print("\nratios log / SQLite")
      Table.print(
        ["figure", "log", "SQLite", "log/SQLite"],
        [
          [
            "append, durable per batch (fsync vs FULL)", Table.rate(rate(appends[0])),
            Table.rate(Double(full.events) / full.appendSeconds),
            r(rate(appends[0]), Double(full.events) / full.appendSeconds),
          ],
          [
            "append, group commit vs NORMAL", Table.rate(rate(appends[1])),
            Table.rate(Double(normal.events) / normal.appendSeconds),
            r(rate(appends[1]), Double(normal.events) / normal.appendSeconds),
          ],
          [
            "append, none vs NORMAL", Table.rate(rate(appends[2])),
            Table.rate(Double(normal.events) / normal.appendSeconds),
            r(rate(appends[2]), Double(normal.events) / normal.appendSeconds),
          ],
          [
            "read + decode (typed)", Table.rate(Double(typed.events) / typed.seconds),
            Table.rate(Double(normal.events) / normal.readSeconds),
            r(Double(typed.events) / typed.seconds, Double(normal.events) / normal.readSeconds),
          ],
          [
            "read + decode (records)", Table.rate(Double(records.events) / records.seconds),
            Table.rate(Double(normal.events) / normal.readSeconds),
            r(Double(records.events) / records.seconds, Double(normal.events) / normal.readSeconds),
          ],
          [
            "bytes per candle", Table.f(perEvent(appends[2]), 2),
            Table.f(Double(normal.bytes) / Double(normal.events), 2),
            r(perEvent(appends[2]), Double(normal.bytes) / Double(normal.events)),
          ],
        ])
    }

    print("\nlz4 -b1 on the same raw bytes (real hourly file), the compression reference")
    for line in try LZ4Reference.run(data.realHourly, directory: s.work + "/lz4") {
      print("  " + line)
    }

    print("\ntargets on this machine")
    let groupRate = rate(appends[1])
    print(
      "  append with group commit ≥ 2 M events/s: \(Table.rate(groupRate)) \(groupRate >= 2e6 ? "met" : "NOT met")"
    )
    let readRate = Double(typed.events) / typed.seconds
    print(
      "  read + decode ≥ 10 M events/s on one core: \(Table.rate(readRate)) \(readRate >= 1e7 ? "met" : "NOT met")"
    )
    print(
      "  ≤ 14 bytes per candle (real hourly, both volumes): \(Table.f(perEvent(realCandle), 2)) \(perEvent(realCandle) <= 14 ? "met" : "NOT met")"
    )
    if typed.checksum.isNaN || records.checksum.isNaN
      || sqlite.contains(where: { $0.checksum.isNaN })
    {
      print("(checksum NaN)")
    }
  }

  static func rate(_ a: LogBench.AppendResult) -> Double { Double(a.events) / a.seconds }
  static func perEvent(_ a: LogBench.AppendResult) -> Double {
    Double(a.storedBytes) / Double(a.events)
  }
}

/// Plain aligned text tables.
enum Table {
  static func print(_ header: [String], _ rows: [[String]]) {
    let widths = header.indices.map { c in ([header] + rows).map { $0[c].count }.max() ?? 0 }
    func line(_ cells: [String]) -> String {
      cells.enumerated().map { c, v in
        c == 0
          ? v.padding(toLength: widths[c], withPad: " ", startingAt: 0)
          : String(repeating: " ", count: widths[c] - v.count) + v
      }
      .joined(separator: "  ")
    }
    Swift.print("  " + line(header))
    for r in rows { Swift.print("  " + line(r)) }
  }

  static func f(_ x: Double, _ digits: Int) -> String { String(format: "%.\(digits)f", x) }

  static func rate(_ x: Double) -> String {
    x >= 1e6 ? f(x / 1e6, 2) + " M/s" : x >= 1e3 ? f(x / 1e3, 1) + " k/s" : f(x, 0) + " /s"
  }
}
