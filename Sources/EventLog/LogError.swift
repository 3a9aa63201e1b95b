#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Everything that can go wrong with a log, each case carrying the file,
/// byte position or event it concerns so the message alone locates the problem.
public enum LogError: Error, Sendable, Equatable, CustomStringConvertible {
  /// A system call failed.
  case io(operation: String, path: String, errno: Int32)
  /// Another writer (in this process or another) holds the directory's lock.
  case locked(directory: String)
  /// Stored bytes are invalid where valid data must be: `segment` is the file
  /// name, `position` the byte offset in it.
  case corrupt(segment: String, position: Int64, reason: String)
  /// The directory holds batches but no valid durable-position checkpoint (D-19).
  case missingCheckpoint(directory: String, reason: String)
  /// An appended event breaks an envelope or payload rule; nothing of its batch was written.
  case invalidEvent(index: Int, reason: String)
  /// A stored event has a type this build does not know, or a newer schema version.
  case unknownType(segment: String, position: Int64, offset: UInt64, type: UInt16, version: UInt16)
  /// The writer hit an I/O error earlier and accepts no more appends.
  case writerFailed(reason: String)
  /// The writer was closed.
  case closed
  /// The path is not a log directory, or its layout is broken.
  case notALog(path: String, reason: String)

  public var description: String {
    switch self {
    case .io(let op, let path, let e):
      return "\(op) \(path): \(String(cString: strerror(e))) (errno \(e))"
    case .locked(let dir):
      return "log \(dir) is locked by another writer (one writer per directory)"
    case .corrupt(let seg, let pos, let reason):
      return "corrupt log: segment \(seg) at byte \(pos): \(reason)"
    case .missingCheckpoint(let dir, let reason):
      return
        "log \(dir) has batches but no valid checkpoint (\(reason)); refusing to guess what is durable"
    case .invalidEvent(let i, let reason):
      return "event \(i) of the batch rejected: \(reason)"
    case .unknownType(let seg, let pos, let off, let type, let version):
      return
        "segment \(seg) at byte \(pos): offset \(off) has type \(type) version \(version), unknown to this build"
    case .writerFailed(let reason):
      return "writer failed earlier and accepts no appends: \(reason)"
    case .closed:
      return "writer is closed"
    case .notALog(let path, let reason):
      return "\(path) is not a usable log: \(reason)"
    }
  }
}
