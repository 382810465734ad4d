#!/usr/bin/env bash
# `npm run bench:load:pg`: the load benchmark on FerretDB 1.24 with its PostgreSQL backend, which
# has PostgreSQL filter the documents (in a scan: FerretDB's `@>` filters cannot use its indexes;
# see docs/performance.md), where the embedded SQLite backend reads and decodes most of them
# itself. Starts a throw-away PostgreSQL cluster
# and a FerretDB in front of it on free loopback ports, runs `npm run bench:load` against them
# at the issue's sizes 1, 50 and 500 citizens unless LOAD_BENCH_SIZES says otherwise
# (LOAD_BENCH_IDLE passes through too), and removes both afterwards.
#
# `npm run bench:load:pg -- --gin` gives every field FerretDB indexes a GIN index too
# (scripts/bench-pg-gin.sql), which can answer its `@>` filters: lookups then cost what an index
# lookup costs, as on MongoDB, instead of a scan of the collection. Loket and the ceiling get the
# same indexes. Why: docs/decisions/0004-gin-bench.md.
#
# Needs Debian's PostgreSQL server (`apt-get install -y postgresql`) and the FerretDB binary that
# scripts/test-db.sh builds. PostgreSQL does not run as root: as root, the cluster runs as the
# `postgres` user the package creates.
set -euo pipefail

gin=""
[[ $# -le 1 ]] || { echo "Pemakaian / usage: npm run bench:load:pg -- [--gin]" >&2; exit 2; }
case "${1:-}" in
  --gin) gin=1 ;;
  "") ;;
  *) echo "Pemakaian / usage: npm run bench:load:pg -- [--gin]" >&2; exit 2 ;;
esac

log() { echo "[bench-pg] $*" >&2; }
here="$(cd "$(dirname "$0")" && pwd)"

pgbin="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1 || true)"
[[ -x "$pgbin/initdb" ]] || { log "PostgreSQL server not found: apt-get install -y postgresql"; exit 1; }
ferretdb="$(bash "$here/test-db.sh" install)"

free_port() { node -e "const s=require('net').createServer().listen(0,'127.0.0.1',()=>{console.log(s.address().port);s.close()})"; }
pg_port="$(free_port)"
fd_port="$(free_port)"
work="$(mktemp -d /tmp/loket-bench-pg-XXXXXX)"
chmod 755 "$work"
as_pg() {
  if [[ $EUID -eq 0 ]]; then runuser -u postgres -- "$@"; else "$@"; fi
}
if [[ $EUID -eq 0 ]]; then
  mkdir "$work/pg" && chown postgres "$work/pg"
fi

fd_pid=""
cleanup() {
  [[ -n "$fd_pid" ]] && kill "$fd_pid" 2>/dev/null || true
  as_pg "$pgbin/pg_ctl" -D "$work/pg/data" -m immediate stop >/dev/null 2>&1 || true
  rm -rf "$work"
}
trap cleanup EXIT

as_pg "$pgbin/initdb" -D "$work/pg/data" -A trust -U postgres >"$work/initdb.log" 2>&1 \
  || { cat "$work/initdb.log" >&2; exit 1; }
as_pg "$pgbin/pg_ctl" -D "$work/pg/data" -w -l "$work/pg/server.log" \
  -o "-p $pg_port -k $work/pg -c listen_addresses=127.0.0.1" start >/dev/null
"$pgbin/psql" -h 127.0.0.1 -p "$pg_port" -U postgres -qc 'CREATE DATABASE ferretdb' >/dev/null
pg_version="$("$pgbin/psql" -h 127.0.0.1 -p "$pg_port" -U postgres -tAc 'SHOW server_version')"
label_extra=""
if [[ -n "$gin" ]]; then
  # Before FerretDB connects: its statements are prepared once per connection, and a plan PostgreSQL
  # settled on without the indexes would be kept. Custom plans see the field name FerretDB passes
  # as a parameter, which the index expression must match.
  "$pgbin/psql" -h 127.0.0.1 -p "$pg_port" -U postgres -d ferretdb -q -v ON_ERROR_STOP=1 \
    -f "$here/bench-pg-gin.sql" -c 'ALTER DATABASE ferretdb SET plan_cache_mode = force_custom_plan' >/dev/null
  label_extra=", GIN indexes on the indexed fields"
fi

"$ferretdb" --handler=postgresql --postgresql-url="postgres://postgres@127.0.0.1:$pg_port/ferretdb" \
  --listen-addr="127.0.0.1:$fd_port" --state-dir="$work" --debug-addr=- --telemetry=disable \
  --log-level=error >"$work/ferretdb.log" 2>&1 &
fd_pid=$!
for _ in $(seq 50); do
  (echo >"/dev/tcp/127.0.0.1/$fd_port") 2>/dev/null && break
  sleep 0.1
done
log "PostgreSQL $pg_version on :$pg_port, FerretDB on :$fd_port"

# maxPoolSize 40: FerretDB 1.24 keeps at most 50 PostgreSQL connections. With the driver's default
# of 100 requests in flight, at 500 citizens it stopped answering for good: its goroutines waited
# in pgxpool Acquire (updates inside their transaction) while PostgreSQL showed its 50
# connections idle. Fewer requests in flight than its pool avoid it. The ceiling uses the same client.
MONGODB_URI="mongodb://127.0.0.1:$fd_port/?maxPoolSize=40" \
  LOAD_BENCH_DB_LABEL="FerretDB $("$ferretdb" --version | sed -n 's/^version: *//p' | head -1) on PostgreSQL $pg_version$label_extra (same machine)" \
  LOAD_BENCH_SIZES="${LOAD_BENCH_SIZES:-1,50,500}" \
  npm run --silent bench:load
