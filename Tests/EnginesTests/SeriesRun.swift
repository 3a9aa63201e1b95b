import Engines

/// A whole series run through a `SeriesEngine`, with the counts §9.8 and
/// D-14 report.
struct SeriesRun {
  var outputs: [UptrendBarOutput] = []
  var steps = 0
  var srRefreshes = 0

  init(_ bars: [Bar], formula: FormulaSet, barMilliseconds: Int64, isDriver: Bool = false) {
    var engine = SeriesEngine(
      formula: formula, barMilliseconds: barMilliseconds, isDriver: isDriver)
    for bar in bars {
      let step = engine.step(bar)
      steps += 1
      if step.srRefresh != nil { srRefreshes += 1 }
      if let o = step.uptrend { outputs.append(o) }
    }
  }

  func bars(in state: UptrendState) -> Int { outputs.count { $0.state == state } }

  func transitions(_ from: UptrendState, _ to: UptrendState) -> Int {
    outputs.count { $0.transition == UptrendTransition(from: from, to: to) }
  }

  func count(_ flag: KeyPath<UptrendFlags, Bool>, in state: UptrendState? = nil) -> Int {
    outputs.count { $0.flags[keyPath: flag] && (state == nil || $0.state == state) }
  }

  var edxRange: ClosedRange<Double> {
    let values = outputs.compactMap {
      $0.diagnostics.edx?.status == .computed ? $0.scores.edx : nil
    }
    return values.min()!...values.max()!
  }
}

/// The whole hourly BTC file under `v1`, computed once per test process.
enum CanonicalHourly {
  static let steps: [SeriesStep] = {
    var e = SeriesEngine(formula: try! .builtIn("v1"), barMilliseconds: 3_600_000, isDriver: false)
    return RealBars.hourly.map { e.step($0) }
  }()
}
