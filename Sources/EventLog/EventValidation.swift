/// Public entry to the append rules, for tools that vet events one by one
/// before appending them together (so one bad line never rejects its batch).
public enum EventValidation {
  /// The first envelope or payload rule `event` breaks under `registry`, or nil.
  public static func problem(of event: Event, registry: EventTypeRegistry = .standard) -> String? {
    do {
      try EventValidator.validate([event], registry: registry)
      return nil
    } catch {
      if case .invalidEvent(_, let reason) = error { return reason }
      return error.description
    }
  }
}
