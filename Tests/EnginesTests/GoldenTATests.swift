import Engines
import Foundation
import Testing

/// Golden TA on the bundled Coinbase BTC/USD hourly file (engines-ta-uptrend.md
/// §9.7 and D-14): `v1` streaming against D-14's canonical table, `v1-ref`
/// window against §9.7 (its voZ used base volume and is void, D-14).
@Suite struct GoldenTATests {
  /// §9.7 (the window form; also streaming's value where D-14 lists no other).
  static let reference: [String: [Double]] = [
    "ema20": [2117.525733214925, 11158.595636616348, 8006.648515448646],
    "ema30": [2086.520349539699, 11148.36444552878, 8031.748699076494],
    "ema60": [2068.8087411299434, 11122.096103070855, 8105.56509599135],
    "ema144": [2151.371454736572, 11327.75149946234, 8204.803562525865],
    "ema250": [2241.878604942935, 11754.5971284844, 8254.71877229677],
    "ema333": [2288.9667166240547, 12088.62495963491, 8306.45124172265],
    "slope20": [0.005400231811563578, -0.0012814502947187047, -0.00035018350121886796],
    "slope60": [0.002190187232376382, -0.00016927840309222824, -0.000585028146474519],
    "slope144": [0.00022751460244854535, -0.00032990830328874396, -0.00040212901326202406],
    "slope250": [-0.00021360520418165692, -0.00047914239085911244, -0.00027481313953701806],
    "slope333": [-0.0002828937921563637, -0.0005170607407105684, -0.00024175060905612633],
    "dSlope144": [0.0010220735817518265, -0.00044029667691587835, 7.024126296444782e-05],
    "dsepFast5": [0.0150498690700705, -0.005452017463828859, 0.0022088431203793404],
    "dsepMid5": [0.00973127420078105, 0.00046686466584189637, -0.0005051305416677448],
    "atr": [44.70796999984027, 202.3608864367342, 42.30323630905544],
    "atrMean20": [45.393783074982686, 214.00346308144645, 44.931568210412095],
    "rsi": [75.15935072643279, 43.097437557000355, 62.17365447517099],
    "rsiSlope10": [0.026903747697619537, -2.75253124959286, 3.5125373171211103],
    "adx": [32.016344399575466, 14.109104694682316, 36.94948387937381],
    "adxSlope10": [1.1951021510901108, -0.11776750600183938, -1.0106395322307706],
  ]

  /// D-14's canonical `v1` values where they differ from §9.7.
  static let canonical: [String: [Double]] = [
    "ema144": [2151.371454736572, 11327.750483071566, 8204.8033023487],
    "ema250": [2241.878604942935, 11753.89634093407, 8254.596797393353],
    "ema333": [2288.9667166240547, 12081.67109894457, 8305.563650387357],
    "ema60": [2068.8087411299434, 11122.096103070851, 8105.56509599135],
    "slope144": [0.00022751460244854535, -0.00032990700567920976, -0.0004021285569586241],
    "slope250": [-0.00021360520418165692, -0.0004786764204884069, -0.0002746946344946933],
    "slope333": [-0.0002828937921563637, -0.0005138064353823262, -0.00024111695610431086],
    "dSlope144": [0.0010220735817518265, -0.00044029691121421244, 7.024119961390263e-05],
    "dsepMid5": [0.00973127420078105, 0.000466858548941379, -0.0005051327522883984],
    "voZ": [-0.8170592893684967, 0.17904234582887854, -1.6235250322776504],
  ]

  static let bars = [399, 4999, 20110]

  static func value(_ key: String, _ s: TASnapshot) -> Double {
    switch key {
    case "ema20": s.ema20
    case "ema30": s.ema30
    case "ema60": s.ema60
    case "ema144": s.ema144
    case "ema250": s.ema250
    case "ema333": s.ema333
    case "slope20": s.slope20
    case "slope60": s.slope60
    case "slope144": s.slope144
    case "slope250": s.slope250
    case "slope333": s.slope333
    case "dSlope144": s.dSlope144
    case "dsepFast5": s.dsepFast5
    case "dsepMid5": s.dsepMid5
    case "atr": s.atr
    case "atrMean20": s.atrMean20
    case "rsi": s.rsi
    case "rsiSlope10": s.rsiSlope10
    case "adx": s.adx
    case "adxSlope10": s.adxSlope10
    case "voZ": s.voZ
    default: .nan
    }
  }

  @Test func streamingMatchesD14sCanonicalTable() {
    var ta = StreamingTA(constants: .v1)
    var snapshots: [Int: TASnapshot] = [:]
    for (i, bar) in RealBars.hourly.enumerated() {
      let s = ta.update(bar)
      if Self.bars.contains(i) { snapshots[i] = s }
    }
    let keys = Set(Self.reference.keys).union(Self.canonical.keys).sorted()
    for key in keys {
      let expected = Self.canonical[key] ?? Self.reference[key]!
      for (k, bar) in Self.bars.enumerated() {
        let got = Self.value(key, snapshots[bar]!)
        #expect(relativelyClose(got, expected[k]), "\(key) at bar \(bar): \(got) vs \(expected[k])")
      }
    }
  }

  @Test func windowFormMatchesSection97() {
    let all = RealBars.hourly
    for (k, bar) in Self.bars.enumerated() {
      let window = Array(all[max(0, bar - 999)...bar])
      let s = WindowTA.snapshot(of: window, barIndex: bar, constants: .v1Reference)
      for key in Self.reference.keys.sorted() {
        let got = Self.value(key, s)
        let expected = Self.reference[key]![k]
        #expect(relativelyClose(got, expected), "\(key) at bar \(bar): \(got) vs \(expected)")
      }
    }
  }

  @Test func windowTAStepsEqualTheWindowSnapshot() {
    var ta = WindowTA(constants: .v1Reference)
    let bars = Array(RealBars.hourly.prefix(1100))
    var last: TASnapshot?
    for bar in bars { last = ta.update(bar) }
    let direct = WindowTA.snapshot(
      of: Array(bars.suffix(1000)), barIndex: 1099, constants: .v1Reference)
    #expect(last == direct)
  }

  @Test func snapshotRestoresBitIdentically() throws {
    var whole = StreamingTA(constants: .v1)
    var resumed = StreamingTA(constants: .v1)
    let bars = Array(RealBars.hourly.prefix(3000))
    var a: [TASnapshot] = []
    var b: [TASnapshot] = []
    for bar in bars[..<1500] {
      a.append(whole.update(bar))
      b.append(resumed.update(bar))
    }
    let data = try JSONEncoder().encode(resumed)
    resumed = try JSONDecoder().decode(StreamingTA.self, from: data)
    #expect(resumed == whole)
    for bar in bars[1500...] {
      a.append(whole.update(bar))
      b.append(resumed.update(bar))
    }
    #expect(a == b)
  }
}
