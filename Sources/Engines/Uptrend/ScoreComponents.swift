/// The terms of OX (§7.2), kept for audit.
public struct OxComponents: Codable, Equatable, Sendable {
  /// σ((P − E20) / (1.5·ATR)).
  public var railFast: Double
  /// σ((P − E60) / (2.0·ATR)).
  public var railMid: Double
  /// σ((P − E144) / (1.5·ATR)).
  public var rail144: Double
  /// σ((P − E250) / (2.0·ATR)).
  public var rail250: Double
  /// σ(dsepFast5 / 0.0015).
  public var expFast: Double
  /// σ(dsepMid5 / 0.0010).
  public var expMid: Double
  /// σ(ATR / ATR mean − 1).
  public var atrSurge: Double
  /// σ(−slope20 / 0.0008).
  public var fragility: Double
  /// The weighted sum before clamping.
  public var base: Double
  /// The EDX multiplier (1 in S2).
  public var multiplier: Double
}

/// The terms of DX (§7.3), kept for audit.
public struct DxComponents: Codable, Equatable, Sendable {
  /// Position of the price in the EMA144–EMA333 band, 0…1.
  public var x: Double
  /// Band width.
  public var bandWidth: Double
  /// Compression multiplier.
  public var compMult: Double
  /// Location score.
  public var location: Double
  /// Volume exhaustion.
  public var exhaustion: Double
  /// ATR relief.
  public var atrRelief: Double
  /// RSI relief.
  public var rsiRelief: Double
  /// ADX relief.
  public var adxRelief: Double
  /// Combined relief.
  public var relief: Double
  /// 1 when the EMA144 slope delta is positive.
  public var curl: Double
  /// The weighted sum before suppression.
  public var base: Double
  /// The EDX suppression clamp(edx − 0.6, 0, 0.4).
  public var suppression: Double
}

/// Everything the engine explains about one bar beyond its flags and scores.
public struct UptrendDiagnostics: Codable, Equatable, Sendable {
  /// S1 buy check (S0 → S1, S1 stay).
  public var buyCheck: GateCheck?
  /// S2 retest check (S2 stay).
  public var s2RetestCheck: GateCheck?
  /// Trim check (S2 stay, S3).
  public var trim: TrimCheck?
  /// S3 DX buy check.
  public var s3BuyCheck: S3BuyCheck?
  /// OX terms.
  public var ox: OxComponents?
  /// DX terms.
  public var dx: DxComponents?
  /// EDX windows and components.
  public var edx: EdxDiagnostics?
  /// First-dip check (S3 stay).
  public var firstDip: FirstDipCheck?
  /// How the series left S4, on that bar.
  public var bootstrap: BootstrapKind?

  /// Nothing to explain.
  public init() {}
}
