#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// An open file descriptor with the handful of positional calls the log
/// needs. All the log's system calls and raw-pointer file I/O live here.
/// The descriptor closes when the last reference goes, so a group-commit
/// thread can finish an fsync on a segment that was sealed meanwhile.
final class PosixFile: @unchecked Sendable {
  let fd: Int32
  let path: String

  private init(fd: Int32, path: String) {
    self.fd = fd
    self.path = path
  }

  deinit { close(fd) }

  /// Opens `path` for reading (and writing, creating it, when `writable`).
  static func open(_ path: String, writable: Bool, create: Bool = false) throws(LogError)
    -> PosixFile
  {
    var flags = writable ? O_RDWR : O_RDONLY
    if create { flags |= O_CREAT }
    flags |= O_CLOEXEC
    let fd = Glibc.open(path, flags, 0o644)
    guard fd >= 0 else { throw LogError.io(operation: "open", path: path, errno: errno) }
    return PosixFile(fd: fd, path: path)
  }

  /// Current size in bytes.
  func size() throws(LogError) -> Int64 {
    var st = stat()
    guard fstat(fd, &st) == 0 else {
      throw LogError.io(operation: "fstat", path: path, errno: errno)
    }
    return Int64(st.st_size)
  }

  /// Reads up to `count` bytes at `offset` into `buffer[at...]`; returns the
  /// number read (fewer only at end of file).
  func read(into buffer: inout [UInt8], at bufferIndex: Int = 0, count: Int, offset: Int64)
    throws(LogError) -> Int
  {
    if buffer.count < bufferIndex + count {
      buffer.append(contentsOf: repeatElement(0, count: bufferIndex + count - buffer.count))
    }
    var done = 0
    while done < count {
      let n = buffer.withUnsafeMutableBytes { b in
        pread(fd, b.baseAddress! + bufferIndex + done, count - done, off_t(offset) + off_t(done))
      }
      if n < 0 {
        if errno == EINTR { continue }
        throw LogError.io(operation: "pread", path: path, errno: errno)
      }
      if n == 0 { break }
      done += n
    }
    return done
  }

  /// Reads exactly the bytes `[offset, offset + count)`, or fewer at end of file.
  func read(count: Int, at offset: Int64) throws(LogError) -> [UInt8] {
    var out = [UInt8]()
    let n = try read(into: &out, count: count, offset: offset)
    out.removeLast(out.count - n)
    return out
  }

  /// The whole file.
  func readAll() throws(LogError) -> [UInt8] {
    try read(count: Int(try size()), at: 0)
  }

  /// Writes all of `bytes` at `offset`.
  func write(_ bytes: [UInt8], at offset: Int64) throws(LogError) {
    var done = 0
    while done < bytes.count {
      let n = bytes.withUnsafeBytes { b in
        pwrite(fd, b.baseAddress! + done, bytes.count - done, off_t(offset) + off_t(done))
      }
      if n < 0 {
        if errno == EINTR { continue }
        throw LogError.io(operation: "pwrite", path: path, errno: errno)
      }
      done += n
    }
  }

  /// Flushes data (and the size, for appends) to stable storage.
  func sync() throws(LogError) {
    guard fdatasync(fd) == 0 else {
      throw LogError.io(operation: "fdatasync", path: path, errno: errno)
    }
  }

  /// Cuts the file to `length` bytes.
  func truncate(to length: Int64) throws(LogError) {
    guard ftruncate(fd, off_t(length)) == 0 else {
      throw LogError.io(operation: "ftruncate", path: path, errno: errno)
    }
  }

  /// Takes an exclusive `flock`; false when another open file description holds it.
  func tryLockExclusive() throws(LogError) -> Bool {
    if flock(fd, LOCK_EX | LOCK_NB) == 0 { return true }
    if errno == EWOULDBLOCK { return false }
    throw LogError.io(operation: "flock", path: path, errno: errno)
  }

  /// Releases a `flock`.
  func unlock() { _ = flock(fd, LOCK_UN) }

  /// Makes the file read-only for everyone (sealed segments).
  func makeReadOnly() throws(LogError) {
    guard fchmod(fd, 0o444) == 0 else {
      throw LogError.io(operation: "fchmod", path: path, errno: errno)
    }
  }
}

/// Directory-level calls: creating, listing, fsyncing and removing entries.
enum Directory {
  /// Creates `path` (and parents) when missing.
  static func create(_ path: String) throws(LogError) {
    var prefix = path.hasPrefix("/") ? "/" : ""
    for part in path.split(separator: "/") {
      prefix += (prefix.isEmpty || prefix.hasSuffix("/") ? "" : "/") + part
      if mkdir(prefix, 0o755) != 0 && errno != EEXIST {
        throw LogError.io(operation: "mkdir", path: prefix, errno: errno)
      }
    }
  }

  /// Names of the entries of `path`, sorted; nil when it does not exist.
  static func list(_ path: String) throws(LogError) -> [String]? {
    guard let d = opendir(path) else {
      if errno == ENOENT { return nil }
      throw LogError.io(operation: "opendir", path: path, errno: errno)
    }
    defer { closedir(d) }
    var names: [String] = []
    while let entry = readdir(d) {
      let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
        String(decoding: raw.prefix(while: { $0 != 0 }), as: UTF8.self)
      }
      if name != "." && name != ".." { names.append(name) }
    }
    return names.sorted()
  }

  /// Makes entry creations, renames and removals in `path` durable.
  static func sync(_ path: String) throws(LogError) {
    let fd = Glibc.open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
    guard fd >= 0 else { throw LogError.io(operation: "open", path: path, errno: errno) }
    defer { close(fd) }
    guard fsync(fd) == 0 else { throw LogError.io(operation: "fsync", path: path, errno: errno) }
  }

  /// Whether `path` exists.
  static func exists(_ path: String) -> Bool { access(path, F_OK) == 0 }

  /// Removes a file; a missing file is fine.
  static func remove(_ path: String) throws(LogError) {
    if unlink(path) != 0 && errno != ENOENT {
      throw LogError.io(operation: "unlink", path: path, errno: errno)
    }
  }

  /// Atomically replaces `to` with `from`.
  static func rename(_ from: String, _ to: String) throws(LogError) {
    guard Glibc.rename(from, to) == 0 else {
      throw LogError.io(operation: "rename", path: to, errno: errno)
    }
  }
}

extension Directory {
  /// Gives the owner write permission back (a sealed segment about to be cut or removed).
  static func makeWritable(_ path: String) throws(LogError) {
    guard chmod(path, 0o644) == 0 else {
      throw LogError.io(operation: "chmod", path: path, errno: errno)
    }
  }
}
