/// The envelope and payload rules every appended event must keep
/// (EVENTS.md §2, D-9, D-11). A batch with one bad event is rejected whole.
enum EventValidator {
  static func validate(_ events: [Event], baseOffset: UInt64, registry: EventTypeRegistry) throws(LogError) {
    guard !events.isEmpty else { throw LogError.invalidEvent(index: 0, reason: "empty batch") }
    guard events.count <= Int(UInt32.max) else { throw LogError.invalidEvent(index: 0, reason: "batch too large") }
    for (i, e) in events.enumerated() {
      if let reason = problem(e, offset: baseOffset + UInt64(i), registry: registry) {
        throw LogError.invalidEvent(index: i, reason: reason)
      }
    }
  }

  static func problem(_ e: Event, offset: UInt64, registry: EventTypeRegistry) -> String? {
    let streamBytes = e.stream.utf8.count
    guard streamBytes >= 1, streamBytes <= 255 else { return "stream must be 1…255 UTF-8 bytes, got \(streamBytes)" }
    guard !e.stream.split(separator: "/", omittingEmptySubsequences: false).contains(where: \.isEmpty) else {
      return "stream \"\(e.stream)\" has an empty segment"
    }
    guard let info = registry[e.type] else { return "unknown event type \(e.type.rawValue)" }
    guard e.schemaVersion == info.schemaVersion else {
      return "\(info.wireName) is written at schema version \(info.schemaVersion), got \(e.schemaVersion)"
    }
    let derived = info.kind == .derived
    guard e.isDerived == derived else {
      return "\(info.wireName) is a \(info.kind.rawValue) event but the derived flag is \(e.isDerived)"
    }
    guard (e.formula != 0) == derived else {
      return derived ? "derived \(info.wireName) needs a formula stamp" : "source \(info.wireName) must have formula 0"
    }
    if !derived && !e.causes.isEmpty { return "source \(info.wireName) must have no causes" }
    if let problem = causeProblem(e.causes, offset: offset) { return problem }
    do {
      try info.validate(e.payload, e.schemaVersion)
    } catch {
      return "\(info.wireName) payload: \(error.reason)"
    }
    return nil
  }

  /// Causes must be strictly ascending and earlier than the event itself.
  static func causeProblem(_ causes: [UInt64], offset: UInt64) -> String? {
    var previous: UInt64?
    for c in causes {
      if let p = previous, c <= p { return "causes must be strictly ascending (\(p) then \(c))" }
      if c >= offset { return "cause \(c) is not earlier than the event's own offset \(offset)" }
      previous = c
    }
    return nil
  }
}
