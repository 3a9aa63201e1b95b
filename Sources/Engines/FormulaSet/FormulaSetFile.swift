import EventLog
import Foundation

/// Formula-set files (D-18): a JSON object naming its own set (`name`), a
/// base set (`base`, a built-in name) and only the keys it changes, as
/// nested objects (`{"sr": {"refreshPolicy": "everyBar"}}`). The merged
/// constants are what is hashed and logged.
public enum FormulaSetFile {
  /// Loads `--formula NAME|FILE`: a built-in name, else a path to a file.
  public static func resolve(_ nameOrPath: String) throws(FormulaSetError) -> FormulaSet {
    if FormulaSet.builtInNames.contains(nameOrPath) { return try FormulaSet.builtIn(nameOrPath) }
    guard FileManager.default.fileExists(atPath: nameOrPath) else {
      throw FormulaSetError(
        "--formula \(nameOrPath): neither a built-in set (\(FormulaSet.builtInNames.joined(separator: ", "))) nor a file"
      )
    }
    guard let data = FileManager.default.contents(atPath: nameOrPath) else {
      throw FormulaSetError("\(nameOrPath): cannot read the file")
    }
    return try parse(String(decoding: data, as: UTF8.self), source: nameOrPath)
  }

  /// Parses a formula-set file's text; `source` names it in errors.
  public static func parse(_ text: String, source: String) throws(FormulaSetError) -> FormulaSet {
    let json: JSONValue
    do { json = try JSONValue.parse(text) } catch {
      throw FormulaSetError("\(source): not JSON: \(error)")
    }
    guard case .object(let members) = json else {
      throw FormulaSetError("\(source): a formula-set file is a JSON object")
    }
    guard case .string(let name)? = json["name"], !name.isEmpty else {
      throw FormulaSetError("\(source): \"name\" (a non-empty string) is required")
    }
    guard case .string(let baseName)? = json["base"] else {
      throw FormulaSetError("\(source): \"base\" (a built-in set name) is required")
    }
    guard !FormulaSet.builtInNames.contains(name) else {
      throw FormulaSetError("\(source): the name \"\(name)\" is a built-in set's")
    }
    let base = try FormulaSet.builtIn(baseName)
    var merged = try FormulaSet.json(of: base.constants)
    for (key, value) in members where key != "name" && key != "base" {
      merged = try merge(value, into: merged, at: [key], source: source)
    }
    let constants: FormulaConstants
    do {
      constants = try JSONDecoder().decode(
        FormulaConstants.self, from: Data(merged.rendered().utf8))
    } catch {
      throw FormulaSetError("\(source): the merged set does not decode: \(error)")
    }
    return try FormulaSet(name: name, constants: constants)
  }

  /// Replaces the member at `path` of `base` by `change`, merging objects key
  /// by key; a key the base does not have is an error.
  static func merge(_ change: JSONValue, into base: JSONValue, at path: [String], source: String)
    throws(FormulaSetError) -> JSONValue
  {
    guard case .object(var members) = base else {
      throw FormulaSetError("\(source): \(path.dropLast().joined(separator: ".")) is not an object")
    }
    let key = path.last!
    guard let i = members.firstIndex(where: { $0.0 == key }) else {
      throw FormulaSetError(
        "\(source): unknown key \(path.joined(separator: ".")) (the base set has no such constant)")
    }
    if case .object(let changes) = change, case .object = members[i].1 {
      var inner = members[i].1
      for (k, v) in changes { inner = try merge(v, into: inner, at: path + [k], source: source) }
      members[i].1 = inner
    } else {
      members[i].1 = change
    }
    return .object(members)
  }
}
