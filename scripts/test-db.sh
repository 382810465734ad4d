#!/usr/bin/env bash
# The project's MongoDB-wire database for tests and for `npm start` without MONGODB_URI:
# FerretDB v1 with its embedded SQLite backend, built from source with Go once per machine.
# Why FerretDB: docs/decisions/0003-ferretdb-embedded-default.md.
#
#   scripts/test-db.sh install            build FerretDB if missing; print the binary's path
#   scripts/test-db.sh run DIR PORT       run it in the foreground, data in DIR, on 127.0.0.1:PORT
#
# Why `go build` of the downloaded module rather than `go install ...@v1.24.1`: the install
# succeeds, but the module ships an empty build/version/version.txt (upstream's task runner writes
# it), so the installed binary panics at start ("Invalid build/version/version.txt file content").
# We download the exact module, copy the source, write the version, and build it ourselves.
set -euo pipefail

VERSION="v1.24.1"
MODULE="github.com/FerretDB/FerretDB"
CACHE="${LOKET_CACHE_DIR:-${XDG_CACHE_HOME:-$HOME/.cache}/loket}"
BIN="$CACHE/bin/ferretdb-$VERSION"

log() { echo "[test-db] $*" >&2; }

install() {
  if [[ -x "$BIN" ]]; then
    echo "$BIN"
    return
  fi
  command -v go >/dev/null || { log "Go is needed to build FerretDB (apt-get install golang, or see go.dev)"; exit 1; }
  log "building FerretDB $VERSION into $BIN (once per machine, about a minute)"
  local tmp src
  tmp="$(mktemp -d)"
  (cd "$tmp" && go mod download -json "$MODULE@$VERSION" >"$tmp/dl.json")
  src="$(sed -n 's/^[[:space:]]*"Dir": "\(.*\)",$/\1/p' "$tmp/dl.json")"
  [[ -d "$src" ]] || { log "go mod download gave no source dir: $(cat "$tmp/dl.json")"; exit 1; }
  cp -r "$src" "$tmp/src"
  chmod -R u+w "$tmp/src"
  echo "$VERSION" >"$tmp/src/build/version/version.txt"
  mkdir -p "$(dirname "$BIN")"
  (cd "$tmp/src" && CGO_ENABLED=0 go build -trimpath -o "$BIN.partial" ./cmd/ferretdb)
  mv "$BIN.partial" "$BIN"
  rm -rf "$tmp"
  log "built $("$BIN" --version | head -1)"
  echo "$BIN"
}

run() {
  local dir="$1" port="$2" bin
  bin="$(install)"
  mkdir -p "$dir"
  exec "$bin" --handler=sqlite --sqlite-url="file:$dir/" --listen-addr="127.0.0.1:$port" \
    --state-dir="$dir" --debug-addr=- --telemetry=disable --log-level="${FERRETDB_LOG_LEVEL:-error}"
}

usage() { echo "Pemakaian / usage: scripts/test-db.sh install | run DIR PORT" >&2; exit 2; }

case "${1:-}" in
  install) [[ $# -eq 1 ]] || usage; install ;;
  run) [[ $# -eq 3 ]] || usage; run "$2" "$3" ;;
  *) usage ;;
esac
