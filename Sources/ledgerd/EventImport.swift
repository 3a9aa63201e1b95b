import ArgumentParser
import EventLog

/// `ledgerd import --events`: NDJSON source events into the log (placeholder
/// wiring until the catalog's JSON codecs land; see CatCommand).
enum EventImport {
  static func run(path: String, into writer: LogWriter) throws {
    throw CLIError("--events is not available in this build")
  }
}
