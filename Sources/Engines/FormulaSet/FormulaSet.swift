import Crypto
import EventLog
import Foundation

/// A named, hashed formula set (D-6, EVENTS §5): every constant the engines
/// read, its canonical JSON (sorted keys, shortest round-trip doubles), the
/// SHA-256 of that JSON and the 8-byte stamp derived events carry.
public struct FormulaSet: Sendable, Equatable {
  /// The set's name (`v1`, `v1-ref`, or a file's own name).
  public let name: String
  /// Its constants.
  public let constants: FormulaConstants
  /// Canonical JSON of `{"name": …, <engine>: {…}, …}`: what is hashed and logged.
  public let canonicalJSON: String
  /// SHA-256 of `canonicalJSON`'s UTF-8 bytes.
  public let sha256: [UInt8]

  /// The envelope stamp: the hash's first 8 bytes, little-endian (EVENTS §2).
  public var stamp: UInt64 {
    Event.formulaStamp(sha256: sha256)
  }

  /// Engine profile ids of the set, sorted by engine (`FormulaSetDefined.profiles`).
  public var profiles: [(engine: String, profile: String)] {
    [("uptrend", constants.uptrend.profile)]
  }

  /// A set from its name and constants; refuses switches that are defined but not built.
  public init(name: String, constants: FormulaConstants) throws(FormulaSetError) {
    guard !name.isEmpty else { throw FormulaSetError("a formula set needs a non-empty name") }
    let unbuilt = constants.uptrend.unbuiltSwitchesOn
    guard unbuilt.isEmpty else {
      throw FormulaSetError(
        "formula set \(name): switch \(unbuilt.joined(separator: ", ")) is defined but not implemented"
      )
    }
    self.name = name
    self.constants = constants
    var members = try Self.json(of: constants).objectMembers
    members.append(("name", .string(name)))
    canonicalJSON = JSONValue.object(members).canonical().rendered()
    sha256 = Array(SHA256.hash(data: Array(canonicalJSON.utf8)))
  }

  /// The built-in sets: `v1` (canonical) and `v1-ref` (TA window, S0/S4 bootstrap).
  public static let builtInNames = ["v1", "v1-ref"]

  /// A built-in set by name.
  public static func builtIn(_ name: String) throws(FormulaSetError) -> FormulaSet {
    switch name {
    case "v1": return try FormulaSet(name: "v1", constants: .v1)
    case "v1-ref": return try FormulaSet(name: "v1-ref", constants: .v1Reference)
    default:
      throw FormulaSetError(
        "no built-in formula set \"\(name)\" (built in: \(builtInNames.joined(separator: ", ")))")
    }
  }

  /// The JSON form of constants, keys in code point order.
  static func json(of constants: FormulaConstants) throws(FormulaSetError) -> JSONValue {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys]
    do {
      let data = try encoder.encode(constants)
      return try JSONValue.parse(String(decoding: data, as: UTF8.self)).canonical()
    } catch {
      throw FormulaSetError("cannot encode the formula constants: \(error)")
    }
  }
}

extension JSONValue {
  /// The same value with every object's members sorted by key in code point order.
  func canonical() -> JSONValue {
    switch self {
    case .object(let members):
      return .object(
        members.map { ($0.0, $0.1.canonical()) }.sorted {
          $0.0.unicodeScalars.lexicographicallyPrecedes($1.0.unicodeScalars)
        })
    case .array(let values): return .array(values.map { $0.canonical() })
    default: return self
    }
  }

  /// An object's members (empty for anything else).
  var objectMembers: [(String, JSONValue)] {
    if case .object(let m) = self { return m }
    return []
  }
}

extension FormulaSet {
  /// The set a `FormulaSetDefined` logged: its canonical JSON read back. The
  /// JSON must be exactly what this build renders for those constants (a
  /// set logged by a build with other constants cannot be continued).
  public init(canonicalJSON text: String) throws(FormulaSetError) {
    let json: JSONValue
    do { json = try JSONValue.parse(text) } catch {
      throw FormulaSetError("the logged formula set is not JSON: \(error)")
    }
    guard case .string(let name)? = json["name"] else {
      throw FormulaSetError("the logged formula set has no name")
    }
    let constants: FormulaConstants
    do {
      constants = try JSONDecoder().decode(FormulaConstants.self, from: Data(text.utf8))
    } catch {
      throw FormulaSetError("the logged formula set \(name) does not decode here: \(error)")
    }
    try self.init(name: name, constants: constants)
    guard canonicalJSON == text else {
      throw FormulaSetError(
        "the logged formula set \(name) renders differently in this build (its constants changed)")
    }
  }
}
