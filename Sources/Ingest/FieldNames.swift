/// The header names of a group's columns as written in the file, used to
/// name the field of a rejection.
struct FieldNames: Sendable {
  var open = "open"
  var high = "high"
  var low = "low"
  var close = "close"
  var volume = "volume"
  var quoteVolume = "quote volume"
  var symbol = "symbol"
}
