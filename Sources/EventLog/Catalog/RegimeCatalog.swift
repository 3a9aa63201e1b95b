/// The regime family's source event (EVENTS §8.3): SPIRAL bucket phases.
extension EventCatalog {
  /// `BucketPhaseObserved` (302): phase non-empty (a string label, see
  /// Schemas/regime.proto), score and slope finite, confidence in [0, 1],
  /// population ≥ 0. Market data (D-20).
  static let bucketPhaseObservedEntry = CatalogEntry.source(
    .bucketPhaseObserved, "bucket_phase_observed", Ledger_V1_BucketPhaseObserved.self,
    marketData: true, stream: StreamRules.bucketPhaseObserved,
    check: { m throws(PayloadError) in
      try PayloadChecks.nonEmpty("phase", m.phase)
      try PayloadChecks.finite("score", m.score)
      try PayloadChecks.finite("slope", m.slope)
      try PayloadChecks.unitInterval("confidence", m.confidence)
      guard m.population >= 0 else {
        throw PayloadError("population must be >= 0 (\(m.population))")
      }
    },
    render: { m throws(PayloadError) in
      var b = JSONObjectBuilder()
      b.string("phase", m.phase)
      try b.double("score", m.score)
      try b.double("slope", m.slope)
      try b.double("confidence", m.confidence)
      b.int("population", Int64(m.population))
      return b.value
    },
    parse: { json throws(PayloadError) in
      let r = try JSONFieldReader(
        json, known: ["phase", "score", "slope", "confidence", "population"])
      var m = Ledger_V1_BucketPhaseObserved()
      m.phase = try r.string("phase")
      m.score = try r.double("score")
      m.slope = try r.double("slope")
      m.confidence = try r.double("confidence")
      m.population = try r.int32("population")
      return m
    })
}
