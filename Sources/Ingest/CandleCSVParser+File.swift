import Foundation

extension CandleCSVParser {
  /// Reads and parses the candle file at `path`; messages name the file by
  /// its last path component.
  ///
  /// - Throws: ``CandleFileError`` when the file cannot be read or is refused.
  public static func parse(fileAt path: String, timeframe: Timeframe? = nil) throws(CandleFileError)
    -> CandleFile
  {
    let fileName = URL(fileURLWithPath: path).lastPathComponent
    var isDirectory: ObjCBool = false
    guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
      throw CandleFileError(file: fileName, reason: "no such file: \(path)")
    }
    guard !isDirectory.boolValue else {
      throw CandleFileError(file: fileName, reason: "is a directory: \(path)")
    }
    guard let data = FileManager.default.contents(atPath: path) else {
      throw CandleFileError(file: fileName, reason: "cannot read file: \(path)")
    }
    return try parse(bytes: [UInt8](data), fileName: fileName, timeframe: timeframe)
  }
}
