import Ingest

/// Where the bundled real data files live: `<package root>/data/`.
enum TestData {
  static let directory: String = {
    var components = #filePath.split(separator: "/", omittingEmptySubsequences: false)
    components.removeLast(3)  // Tests/IngestTests/TestSupport.swift
    return components.joined(separator: "/") + "/data"
  }()

  static func path(_ name: String) -> String { directory + "/" + name }

  static func load(_ name: String, timeframe: Timeframe? = nil) throws -> CandleFile {
    try CandleCSVParser.parse(fileAt: path(name), timeframe: timeframe)
  }
}

/// Parses inline CSV text.
func parse(_ text: String, file: String = "t.csv", timeframe: Timeframe? = nil)
  throws(CandleFileError)
  -> CandleFile
{
  try CandleCSVParser.parse(bytes: Array(text.utf8), fileName: file, timeframe: timeframe)
}

/// The error that parsing `bytes` throws, or `nil` when it parses.
func refusal(_ bytes: [UInt8], file: String = "t.csv", timeframe: Timeframe? = nil)
  -> CandleFileError?
{
  do {
    _ = try CandleCSVParser.parse(bytes: bytes, fileName: file, timeframe: timeframe)
    return nil
  } catch {
    return error
  }
}

/// The error that parsing `text` throws, or `nil` when it parses.
func refusal(_ text: String, file: String = "t.csv", timeframe: Timeframe? = nil)
  -> CandleFileError?
{
  refusal(Array(text.utf8), file: file, timeframe: timeframe)
}

/// Milliseconds since the epoch of a UTC civil time (test-side reference,
/// computed independently of the parser with `date -u +%s`).
func ms(_ seconds: Int64) -> Int64 { seconds * 1000 }
