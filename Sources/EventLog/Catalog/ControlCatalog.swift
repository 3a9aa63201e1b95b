import Foundation

/// The control family's source events (EVENTS §8.7): formula sets, operator
/// commands, simulations. None is market data (D-20).
extension EventCatalog {
  static let keyValueFields = ["key", "value"]

  static func renderKeyValues(
    _ name: String, _ list: [Ledger_V1_KeyValue], into b: inout JSONObjectBuilder
  )
    throws(PayloadError)
  {
    try b.messages(name, list) { (e: inout JSONObjectBuilder, kv) throws(PayloadError) in
      e.string("key", kv.key)
      e.string("value", kv.value)
    }
  }

  static func parseKeyValues(_ name: String, _ r: JSONFieldReader) throws(PayloadError)
    -> [Ledger_V1_KeyValue]
  {
    try r.messages(name, known: keyValueFields) { (e: JSONFieldReader) throws(PayloadError) in
      var kv = Ledger_V1_KeyValue()
      kv.key = try e.string("key")
      kv.value = try e.string("value")
      return kv
    }
  }

  /// `FormulaSetDefined` (901): name non-empty, sha256 exactly 32 bytes,
  /// content a JSON object with sorted unique keys, profiles sorted by
  /// engine with unique engines and non-empty profile ids.
  static let formulaSetDefinedEntry = CatalogEntry.source(
    .formulaSetDefined, "formula_set_defined", Ledger_V1_FormulaSetDefined.self,
    marketData: false, stream: StreamRules.formulaSetDefined,
    check: { m throws(PayloadError) in
      try PayloadChecks.nonEmpty("name", m.name)
      guard m.sha256.count == 32 else {
        throw PayloadError("sha256 must be exactly 32 bytes, got \(m.sha256.count)")
      }
      try PayloadChecks.canonicalJSONObject("content", Array(m.content))
      try PayloadChecks.sortedUniqueKeys("profiles", "engine", m.profiles.map(\.engine))
      for (k, p) in m.profiles.enumerated() {
        try PayloadChecks.nonEmpty("profiles[\(k)].profile", p.profile)
      }
    },
    render: { m throws(PayloadError) in
      var b = JSONObjectBuilder()
      b.string("name", m.name)
      b.bytes("sha256", Array(m.sha256))
      b.bytes("content", Array(m.content))
      try b.messages("profiles", m.profiles) {
        (e: inout JSONObjectBuilder, p) throws(PayloadError) in
        e.string("engine", p.engine)
        e.string("profile", p.profile)
      }
      return b.value
    },
    parse: { json throws(PayloadError) in
      let r = try JSONFieldReader(json, known: ["name", "sha256", "content", "profiles"])
      var m = Ledger_V1_FormulaSetDefined()
      m.name = try r.string("name")
      m.sha256 = Data(try r.bytes("sha256"))
      m.content = Data(try r.bytes("content"))
      m.profiles = try r.messages("profiles", known: ["engine", "profile"]) {
        (e: JSONFieldReader) throws(PayloadError) in
        var p = Ledger_V1_FormulaProfile()
        p.engine = try e.string("engine")
        p.profile = try e.string("profile")
        return p
      }
      return m
    })

  /// `OperatorCommand` (904): command and actor non-empty, args sorted by
  /// key with unique non-empty keys.
  static let operatorCommandEntry = CatalogEntry.source(
    .operatorCommand, "operator_command", Ledger_V1_OperatorCommand.self, marketData: false,
    stream: StreamRules.operatorCommand,
    check: { m throws(PayloadError) in
      try PayloadChecks.nonEmpty("command", m.command)
      try PayloadChecks.sortedUniqueKeys("args", "key", m.args.map(\.key))
      try PayloadChecks.nonEmpty("actor", m.actor)
    },
    render: { m throws(PayloadError) in
      var b = JSONObjectBuilder()
      b.string("command", m.command)
      try renderKeyValues("args", m.args, into: &b)
      b.string("actor", m.actor)
      b.optionalString("note", m.hasNote ? m.note : nil)
      return b.value
    },
    parse: { json throws(PayloadError) in
      let r = try JSONFieldReader(json, known: ["command", "args", "actor", "note"])
      var m = Ledger_V1_OperatorCommand()
      m.command = try r.string("command")
      m.args = try parseKeyValues("args", r)
      m.actor = try r.string("actor")
      if let v = try r.optionalString("note") { m.note = v }
      return m
    })

  /// `SimulationConfigured` (905): generator and its version non-empty,
  /// token_count ≥ 0, end ≥ start, params sorted by key with unique keys.
  static let simulationConfiguredEntry = CatalogEntry.source(
    .simulationConfigured, "simulation_configured", Ledger_V1_SimulationConfigured.self,
    marketData: false, stream: StreamRules.simulationConfigured,
    check: { m throws(PayloadError) in
      try PayloadChecks.nonEmpty("generator", m.generator)
      try PayloadChecks.nonEmpty("generator_version", m.generatorVersion)
      guard m.tokenCount >= 0 else {
        throw PayloadError("token_count must be >= 0 (\(m.tokenCount))")
      }
      guard m.end >= m.start else { throw PayloadError("end \(m.end) is before start \(m.start)") }
      try PayloadChecks.sortedUniqueKeys("params", "key", m.params.map(\.key))
    },
    render: { m throws(PayloadError) in
      var b = JSONObjectBuilder()
      b.string("generator", m.generator)
      b.string("generator_version", m.generatorVersion)
      b.uint("seed", m.seed)
      b.int("token_count", Int64(m.tokenCount))
      b.int("start", m.start)
      b.int("end", m.end)
      try renderKeyValues("params", m.params, into: &b)
      return b.value
    },
    parse: { json throws(PayloadError) in
      let r = try JSONFieldReader(
        json,
        known: [
          "generator", "generator_version", "seed", "token_count", "start", "end", "params",
        ])
      var m = Ledger_V1_SimulationConfigured()
      m.generator = try r.string("generator")
      m.generatorVersion = try r.string("generator_version")
      m.seed = try r.uint64("seed")
      m.tokenCount = try r.int32("token_count")
      m.start = try r.int64("start")
      m.end = try r.int64("end")
      m.params = try parseKeyValues("params", r)
      return m
    })
}
