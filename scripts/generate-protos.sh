#!/usr/bin/env bash
# Regenerates Sources/EventLog/Generated/*.pb.swift from Schemas/*.proto.
# Needs Debian's protobuf-compiler (protoc 3.21) and builds protoc-gen-swift
# from the swift-protobuf dependency of this package (or uses a prebuilt one
# named by PROTOC_GEN_SWIFT). The output is committed; CI never runs this
# script.
set -euo pipefail
cd "$(dirname "$0")/.."
command -v protoc >/dev/null || { apt-get update -qq && apt-get install -y -qq protobuf-compiler; }
if [[ -n "${PROTOC_GEN_SWIFT:-}" ]]; then
  plugin=$PROTOC_GEN_SWIFT
else
  swift build -c release --product protoc-gen-swift --scratch-path .build-protoc
  plugin=.build-protoc/release/protoc-gen-swift
fi
out=Sources/EventLog/Generated
mkdir -p "$out"
rm -f "$out"/*.pb.swift
protoc --plugin=protoc-gen-swift="$plugin" \
  --swift_out="$out" --swift_opt=Visibility=Public \
  -I Schemas Schemas/*.proto
echo "generated: $(ls "$out")"
