import EventLog
import SwiftProtobuf

/// Bars per state and transitions per stream, from a log's `UptrendState`
/// and `UptrendStateChanged` events (`ledgerd stats`).
public struct UptrendCounts: Sendable, Equatable, Encodable {
  /// One stream's counts.
  public struct Stream: Sendable, Equatable, Encodable {
    /// The series' stream.
    public var stream: String
    /// Bars per state, S0…S4, states with no bar left out.
    public var states: [Count] = []
    /// Transitions as `from→to`, sorted.
    public var transitions: [Count] = []
  }

  /// A label and how often it occurred.
  public struct Count: Sendable, Equatable, Encodable {
    /// `S3` or `S2→S3`.
    public var label: String
    /// Occurrences.
    public var count: Int
  }

  /// Every stream with uptrend events, sorted by stream.
  public var streams: [Stream]

  /// Counts the uptrend events of the log at `directory`.
  public static func compute(directory: String) throws -> UptrendCounts {
    let reader = try LogReader(directory: directory)
    let cursor = try reader.cursor()
    var states: [String: [String: Int]] = [:]
    var transitions: [String: [String: Int]] = [:]
    while let batch = try cursor.next() {
      if batch.header.codec == .candle { continue }
      for r in try cursor.records(of: batch) {
        let e = r.event
        if e.type == .uptrendState {
          let m = try Ledger_V1_UptrendState(serializedBytes: e.payload)
          states[e.stream, default: [:]][text(m.state), default: 0] += 1
        } else if e.type == .uptrendStateChanged {
          let m = try Ledger_V1_UptrendStateChanged(serializedBytes: e.payload)
          transitions[e.stream, default: [:]]["\(text(m.from))→\(text(m.to))", default: 0] += 1
        }
      }
    }
    let names = Set(states.keys).union(transitions.keys).sorted()
    return UptrendCounts(
      streams: names.map { name in
        Stream(
          stream: name, states: sorted(states[name] ?? [:]),
          transitions: sorted(transitions[name] ?? [:]))
      })
  }

  private static func sorted(_ counts: [String: Int]) -> [Count] {
    counts.sorted { $0.key < $1.key }.map { Count(label: $0.key, count: $0.value) }
  }

  private static func text(_ s: Ledger_V1_TrendState) -> String { s.text ?? "?" }
}
