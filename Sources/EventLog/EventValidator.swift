/// The envelope and payload rules every appended event must keep
/// (EVENTS.md §2, D-9, D-11). A batch with one bad event is rejected whole.
enum EventValidator {
  /// Checks everything that does not depend on the offsets the batch will get.
  /// `payloads: false` leaves payload checks to the caller (the candle codec
  /// checks values while encoding; see `validatePayloads`).
  static func validate(_ events: [Event], registry: EventTypeRegistry, payloads: Bool = true)
    throws(LogError)
  {
    guard !events.isEmpty else { throw LogError.invalidEvent(index: 0, reason: "empty batch") }
    guard events.count <= Int(UInt32.max) else {
      throw LogError.invalidEvent(index: 0, reason: "batch too large")
    }
    var lastStream: String?
    var info: EventTypeInfo?
    for i in events.indices {
      let type = events[i].type
      let typeChanged = info?.type != type
      if typeChanged { info = registry[type] }
      // A stream is checked again when it or the type changes (stream rules are per type).
      let checkStream = typeChanged || lastStream != events[i].stream
      if let reason = problem(events[i], info: info, checkStream: checkStream, payload: payloads) {
        throw LogError.invalidEvent(index: i, reason: reason)
      }
      if checkStream { lastStream = events[i].stream }
    }
  }

  /// Checks causes against the offsets the batch gets.
  static func validateCauses(_ events: [Event], baseOffset: UInt64) throws(LogError) {
    for (i, e) in events.enumerated() where !e.causes.isEmpty {
      if let reason = causeProblem(e.causes, offset: baseOffset + UInt64(i)) {
        throw LogError.invalidEvent(index: i, reason: reason)
      }
    }
  }

  /// Checks the types of the causes of each event whose type restricts them
  /// (`EventTypeInfo.allowedCauses`): a cause inside the batch by the batch,
  /// an earlier one through `index`.
  static func validateCauseTypes(
    _ events: [Event], baseOffset: UInt64, registry: EventTypeRegistry, index: CauseTypeIndex
  ) throws(LogError) {
    var info: EventTypeInfo?
    for (i, e) in events.enumerated() where !e.causes.isEmpty {
      if info?.type != e.type { info = registry[e.type] }
      guard let info else { continue }
      let reason = try causeTypeProblem(e.causes, of: info, registry: registry) {
        (c: UInt64) throws(LogError) -> EventType? in
        c >= baseOffset ? events[Int(c - baseOffset)].type : try index.type(of: c)
      }
      if let reason { throw LogError.invalidEvent(index: i, reason: reason) }
    }
  }

  /// The first cause whose type `info` does not allow (EVENTS §2, §8), or
  /// nil; `typeOf` gives the type at an offset (nil: no such event).
  static func causeTypeProblem(
    _ causes: [UInt64], of info: EventTypeInfo, registry: EventTypeRegistry,
    typeOf: (UInt64) throws(LogError) -> EventType?
  ) throws(LogError) -> String? {
    guard let allowed = info.allowedCauses else { return nil }
    for c in causes {
      guard let t = try typeOf(c) else { return "cause \(c) is not an event of this log" }
      if !allowed.contains(t) {
        let names = allowed.sorted().map { registry.name(of: $0) }.joined(separator: ", ")
        return
          "cause \(c) is a \(registry.name(of: t)), but \(info.wireName) may cite only \(names)"
      }
    }
    return nil
  }

  /// Every rule for one event at `offset`, or nil when it keeps them all.
  static func problem(_ e: Event, offset: UInt64, registry: EventTypeRegistry) -> String? {
    problem(e, info: registry[e.type], checkStream: true, payload: true)
      ?? causeProblem(e.causes, offset: offset)
  }

  /// 1…255 UTF-8 bytes, no empty `/`-separated segment.
  static func streamProblem(_ stream: String) -> String? {
    var count = 0
    var previousWasSlash = true
    var empty = false
    for b in stream.utf8 {
      count += 1
      let slash = b == UInt8(ascii: "/")
      if slash && previousWasSlash { empty = true }
      previousWasSlash = slash
    }
    guard count >= 1, count <= 255 else { return "stream must be 1…255 UTF-8 bytes, got \(count)" }
    if empty || previousWasSlash { return "stream \"\(stream)\" has an empty segment" }
    return nil
  }

  /// Payload checks of every event (when the candle codec did not take the batch).
  static func validatePayloads(_ events: [Event], registry: EventTypeRegistry) throws(LogError) {
    var info: EventTypeInfo?
    for i in events.indices {
      if info?.type != events[i].type { info = registry[events[i].type] }
      guard let info else { continue }
      do {
        try info.validate(events[i].payload, events[i].schemaVersion)
      } catch {
        throw LogError.invalidEvent(index: i, reason: "\(info.wireName) payload: \(error.reason)")
      }
    }
  }

  static func problem(_ e: borrowing Event, info: EventTypeInfo?, checkStream: Bool, payload: Bool)
    -> String?
  {
    if checkStream, let p = streamProblem(e.stream) { return p }
    guard let info else { return "unknown event type \(e.type.rawValue)" }
    if checkStream, let rule = info.validateStream, let p = rule(e.stream) { return p }
    guard e.schemaVersion == info.schemaVersion else {
      return
        "\(info.wireName) is written at schema version \(info.schemaVersion), got \(e.schemaVersion)"
    }
    let derived = info.kind == .derived
    guard e.isDerived == derived else {
      return
        "\(info.wireName) is a \(info.kind.rawValue) event but the derived flag is \(e.isDerived)"
    }
    guard (e.formula != 0) == derived else {
      return derived
        ? "derived \(info.wireName) needs a formula stamp"
        : "source \(info.wireName) must have formula 0"
    }
    if !derived && !e.causes.isEmpty { return "source \(info.wireName) must have no causes" }
    guard payload else { return nil }
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
