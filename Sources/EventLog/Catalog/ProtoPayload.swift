import SwiftProtobuf

/// Decoding and encoding of catalog payloads through swift-protobuf, held
/// to the deterministic encoding (EVENTS §2): a payload is accepted only if
/// re-encoding its decoded message gives the same bytes, which rules out
/// unknown fields, repeated or out-of-order fields and non-minimal varints.
enum ProtoPayload {
  /// The message's short name (`DominanceReading`).
  static func name<M: SwiftProtobuf.Message>(_: M.Type) -> String {
    String(M.protoMessageName.split(separator: ".").last ?? "")
  }

  /// Decodes `payload`, requiring the deterministic encoding.
  static func decode<M: SwiftProtobuf.Message>(_ payload: [UInt8], as type: M.Type)
    throws(PayloadError) -> M
  {
    var options = BinaryDecodingOptions()
    options.discardUnknownFields = true
    let message: M
    do {
      message = try M(serializedBytes: payload, options: options)
    } catch {
      throw PayloadError("payload does not decode as \(name(M.self)) (\(error))")
    }
    guard try encode(message) == payload else {
      throw PayloadError(
        "payload is not the deterministic encoding of a \(name(M.self)) (unknown, repeated or out-of-order fields)"
      )
    }
    return message
  }

  /// The deterministic encoding of `message` (swift-protobuf `serializedBytes()`).
  static func encode<M: SwiftProtobuf.Message>(_ message: M) throws(PayloadError) -> [UInt8] {
    do {
      return try message.serializedBytes()
    } catch {
      throw PayloadError("\(name(M.self)) does not encode (\(error))")
    }
  }
}
