/// Whether a channel's driver snapshot can be read (regime-ae.md §4.7, D-12).
/// Only `present` channels contribute; the others are listed in the result.
public enum RegimeChannelStatus: String, Codable, Sendable {
  /// A current snapshot: its deltas count.
  case present
  /// A snapshot older than the stale rule allows (D-12): contributes nothing
  /// and ends its transition pulse.
  case stale
  /// No snapshot (or, for a token without a bucket, no bucket driver):
  /// contributes nothing, like S4.
  case missing
}
