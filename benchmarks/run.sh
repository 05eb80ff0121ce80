#!/usr/bin/env bash
# Benchmarks as users run them (issue 15): GoMod.Sdk through `dotnet build` against the go command, whole processes,
# alternating, on a corpus of real Go modules (Debian's golang-*-dev sources turned into a GOPROXY tree by our zip writer)
# served by nginx on loopback, directly and through a relay adding 10 ms each way. Prints median (min–max) and ratios for
# every row, then the in-process figures of the download benchmark as a second, labelled table.
#
#   benchmarks/run.sh [--runs N] [--rows cold,relay,floor,cold-mem,relay-mem,floor-mem,noop,noop-tree,noop-installed,noop-server,list,changed,changed-list,verify,vendor,packages,tidy]
#                     [--no-inprocess] [--no-settle] [--mem-dir DIR] [--work DIR]
#
# Before each cold and floor run the runner calls `sync` outside the timing (--no-settle: not, as tables before
# session 13 were measured). The rows cold-mem, relay-mem and floor-mem repeat cold, relay and floor with both module
# caches (and the floor's output) on a tmpfs (--mem-dir, /dev/shm by default; needs ~4 GB free there): the disk out.
# The cold rows also print CPU time (user+system, and of it the system share) beside wall time.
# Installs what it needs with apt (nginx, time, golang-go, the corpus packages listed in benchmarks/corpus-packages.txt).
# The corpus is built once into $WORK/corpus (about 300 MiB of zips) and reused; the work directory needs ~5 GB, plus
# ~1.2 GB per disk cold/relay run and side and per floor run: those trees are kept in run/trash until the last row
# (deleting them between timed runs slowed the next run's file creation on ext4; see benchmarks/README.md).
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
work="${GOMOD_BENCH_WORK:-${TMPDIR:-/tmp}/gomod-bench-user}"
runs=3
rows=cold,relay,floor,cold-mem,relay-mem,floor-mem,noop,noop-tree,noop-installed,noop-server,list,changed,changed-list,verify,vendor,packages,tidy
memdir=()
inprocess=1
settle=()
noopruns=()
while [ $# -gt 0 ]; do
  case "$1" in
    --runs) runs="$2"; shift 2 ;;
    --rows) rows="$2"; shift 2 ;;
    --work) work="$2"; shift 2 ;;
    --no-inprocess) inprocess=0; shift ;;
    --no-settle) settle=(--no-settle); shift ;;
    --mem-dir) memdir=(--mem-dir "$2"); shift 2 ;;
    --noop-runs) noopruns=(--noop-runs "$2"); shift 2 ;;
    *) echo "run.sh: unknown argument $1" >&2; exit 2 ;;
  esac
done
mkdir -p "$work"
work="$(cd "$work" && pwd)"

# 1. Packages (installed only when missing).
need=()
for p in nginx time golang-go $(cat "$root/benchmarks/corpus-packages.txt"); do
  dpkg-query -W -f '${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || need+=("$p")
done
if [ ${#need[@]} -gt 0 ]; then
  echo "run.sh: installing ${#need[@]} packages: ${need[*]:0:10}…"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${need[@]}" > "$work/apt.log"
fi

# 2. The benchmark app and the SDK package (a version of its own, so NuGet never reuses a stale copy).
dotnet build "$root/benchmarks/GoMod.Benchmarks" -c Release -nologo -v:q
bench="$root/benchmarks/GoMod.Benchmarks/bin/Release/net10.0/GoMod.Benchmarks.dll"
version="0.1.0-bench.$(date +%s)"
rm -rf "$work/feed" "$work/packages/gomod.sdk"
dotnet pack "$root/sdk/GoMod.Sdk.csproj" -c Release -o "$work/feed" -p:PackageVersion="$version" -nologo -v:q

# 3. The corpus.
if [ ! -f "$work/corpus/corpus.json" ]; then
  rm -rf "$work/corpus"
  dotnet "$bench" corpus --src /usr/share/gocode/src --out "$work/corpus"
fi

# 4. nginx on a free loopback port, its config and files in a temporary directory; then the relay.
free_port() {
  local p
  for p in $(shuf -i 20000-60000 -n 50); do
    if ! (exec 3<>"/dev/tcp/127.0.0.1/$p") 2>/dev/null; then echo "$p"; return; fi
  done
  return 1
}
ngx="$(mktemp -d)"
port="$(free_port)"
mkdir -p "$ngx/logs"
cat > "$ngx/nginx.conf" <<CONF
worker_processes auto;
pid $ngx/nginx.pid;
error_log $ngx/logs/error.log;
user root;
events { worker_connections 1024; }
http {
  access_log off;
  sendfile on;
  tcp_nopush on;
  keepalive_requests 100000;
  default_type application/octet-stream;
  client_body_temp_path $ngx/body;
  proxy_temp_path $ngx/proxy;
  fastcgi_temp_path $ngx/fastcgi;
  uwsgi_temp_path $ngx/uwsgi;
  scgi_temp_path $ngx/scgi;
  server {
    listen 127.0.0.1:$port;
    root $work/corpus/proxy;
  }
}
CONF
nginx -c "$ngx/nginx.conf" -p "$ngx" -g 'daemon off;' &
nginx_pid=$!
relay_port="$(free_port)"
dotnet "$bench" relay --listen "$relay_port" --target "$port" --delay-ms 10 &
relay_pid=$!
cleanup() { kill "$relay_pid" "$nginx_pid" 2>/dev/null || true; wait 2>/dev/null || true; rm -rf "$ngx"; }
trap cleanup EXIT
for _ in $(seq 50); do
  if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null && (exec 3<>"/dev/tcp/127.0.0.1/$relay_port") 2>/dev/null; then break; fi
  sleep 0.2
done

# 5. The table.
dotnet "$bench" user --corpus "$work/corpus" --proxy "http://127.0.0.1:$port" --relay "http://127.0.0.1:$relay_port" \
  --feed "$work/feed" --sdk-version "$version" --work "$work/run" --runs "$runs" --rows "$rows" "${settle[@]}" "${memdir[@]}" "${noopruns[@]}"

# 6. The in-process figures (our downloader inside the benchmark process after JIT warm-up, go as a fresh process).
if [ "$inprocess" = 1 ]; then
  echo
  echo "In-process figures (second table; not what a user waits for): the download benchmark, 100 generated modules"
  dotnet "$bench" download --modules 100 --repeat 3
  case ",$rows," in
    *,vendor,*|*,packages,*)
      echo
      echo "In-process figures (not what a user waits for): the vendor benchmark, our restore inside this process after a warm-up, go as a fresh process"
      dotnet "$bench" vendor --proxy "$work/corpus/proxy" --main "$work/corpus/main" --work "$work/vendor-inprocess" --runs "$runs" ;;
  esac
fi
